package nl.netwerkzorg.atlas.demo;

import java.util.List;
import java.util.Map;

/**
 * All providers of a preset with lookup tables by municipality and type: who is located where and
 * who serves which municipality (provider indices in id order).
 */
record ProviderPlan(List<MunicipalityInput> municipalities, Map<String, Integer> municipalityIndex,
        List<PlannedProvider> providers, int[][][] located, int[][][] serving, boolean[][] gaps,
        double[][] distanceKm) {

    int[] servingOf(int municipality, ProviderProfile type) {
        return serving[municipality][type.ordinal()];
    }

    int[] locatedIn(int municipality, ProviderProfile type) {
        return located[municipality][type.ordinal()];
    }

    boolean isGap(int municipality, ProviderProfile type) {
        return gaps[municipality][type.ordinal()];
    }

    PlannedProvider provider(int index) {
        return providers.get(index);
    }

    int relationshipCount() {
        int count = 0;
        for (PlannedProvider p : providers) {
            count += 1 + p.serves().size(); // LOCATED_IN + SERVES
        }
        return count;
    }
}
