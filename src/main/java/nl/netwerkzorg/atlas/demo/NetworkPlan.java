package nl.netwerkzorg.atlas.demo;

import java.util.List;

/** Formal networks and provider-to-provider collaborations, with each provider's partners for lookups. */
record NetworkPlan(List<PlannedNetwork> networks, List<PlannedCollaboration> collaborations, int[][] partners) {

    int relationshipCount() {
        int count = collaborations.size();
        for (PlannedNetwork n : networks) {
            count += n.covers().size() + n.members().size() + (n.focusCondition() == null ? 0 : 1);
        }
        return count;
    }
}
