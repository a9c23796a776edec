package nl.netwerkzorg.atlas.demo;

import static nl.netwerkzorg.atlas.demo.ProviderProfile.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plans COLLABORATES_WITH between type-plausible, local pairs: from each provider to partners of the
 * listed types located in, or serving, its own municipality. Isolated providers take no part.
 */
final class CollaborationPlanner {

    /** From-type → to-type with chance, kind and the share of them that is a formal (written) agreement. */
    record Rule(ProviderProfile to, double chance, String kind, double formalShare) {
    }

    static final Map<ProviderProfile, List<Rule>> RULES = new EnumMap<>(ProviderProfile.class);
    static {
        RULES.put(HUISARTS, List.of(new Rule(APOTHEEK, 0.95, "AGREEMENT", 0.9),
                new Rule(WIJKVERPLEGING, 0.9, "MDO", 0.5), new Rule(WIJKVERPLEGING, 0.5, "MDO", 0.5),
                new Rule(POH_GGZ, 0.7, "AGREEMENT", 0.9), new Rule(FYSIOTHERAPIE, 0.8, "REFERRAL", 0.1),
                new Rule(SOCIAAL_WIJKTEAM, 0.5, "MDO", 0.4), new Rule(CASEMANAGER_DEMENTIE, 0.5, "MDO", 0.5),
                new Rule(VERLOSKUNDIGE, 0.3, "REFERRAL", 0.1), new Rule(HUISARTSENPOST, 0.8, "AGREEMENT", 1.0),
                new Rule(SPECIALIST_OUDERENGENEESKUNDE, 0.3, "MDO", 0.6), new Rule(GGZ, 0.4, "REFERRAL", 0.2),
                new Rule(DIETIST, 0.4, "REFERRAL", 0.3)));
        RULES.put(WIJKVERPLEGING, List.of(new Rule(CASEMANAGER_DEMENTIE, 0.4, "MDO", 0.5),
                new Rule(THUISZORG_HUISHOUDELIJK, 0.4, "AGREEMENT", 0.7),
                new Rule(SPECIALIST_OUDERENGENEESKUNDE, 0.2, "MDO", 0.5), new Rule(ELV, 0.2, "REFERRAL", 0.3)));
        RULES.put(ZIEKENHUIS, List.of(new Rule(GRZ, 1.0, "AGREEMENT", 1.0), new Rule(GRZ, 1.0, "AGREEMENT", 1.0),
                new Rule(ELV, 0.8, "AGREEMENT", 0.9), new Rule(ELV, 0.8, "AGREEMENT", 0.9),
                new Rule(VERPLEEGHUIS, 0.5, "REFERRAL", 0.3), new Rule(HUISARTSENPOST, 0.9, "AGREEMENT", 1.0)));
        RULES.put(VERPLEEGHUIS, List.of(new Rule(SPECIALIST_OUDERENGENEESKUNDE, 0.9, "AGREEMENT", 1.0)));
        RULES.put(ELV, List.of(new Rule(SPECIALIST_OUDERENGENEESKUNDE, 0.8, "AGREEMENT", 1.0)));
        RULES.put(GRZ, List.of(new Rule(FYSIOTHERAPIE, 0.6, "REFERRAL", 0.2)));
        RULES.put(GEMEENTE, List.of(new Rule(SOCIAAL_WIJKTEAM, 1.0, "AGREEMENT", 1.0),
                new Rule(SOCIAAL_WIJKTEAM, 1.0, "AGREEMENT", 1.0),
                new Rule(WMO_DAGBESTEDING, 0.9, "AGREEMENT", 1.0), new Rule(WMO_DAGBESTEDING, 0.9, "AGREEMENT", 1.0),
                new Rule(MANTELZORGONDERSTEUNING, 0.9, "AGREEMENT", 1.0),
                new Rule(JEUGDZORG, 0.9, "AGREEMENT", 1.0), new Rule(JEUGDZORG, 0.9, "AGREEMENT", 1.0),
                new Rule(JEUGDZORG, 0.9, "AGREEMENT", 1.0),
                new Rule(THUISZORG_HUISHOUDELIJK, 0.8, "AGREEMENT", 1.0),
                new Rule(THUISZORG_HUISHOUDELIJK, 0.8, "AGREEMENT", 1.0)));
        RULES.put(SOCIAAL_WIJKTEAM, List.of(new Rule(MAATSCHAPPELIJK_WERK, 0.8, "MDO", 0.6),
                new Rule(JEUGDZORG, 0.7, "REFERRAL", 0.2), new Rule(GGZ, 0.3, "MDO", 0.3)));
        RULES.put(VERLOSKUNDIGE, List.of(new Rule(KRAAMZORG, 0.9, "AGREEMENT", 0.8),
                new Rule(KRAAMZORG, 0.9, "AGREEMENT", 0.8), new Rule(ZIEKENHUIS, 0.9, "AGREEMENT", 1.0)));
        RULES.put(CASEMANAGER_DEMENTIE, List.of(new Rule(WMO_DAGBESTEDING, 0.6, "REFERRAL", 0.2),
                new Rule(MANTELZORGONDERSTEUNING, 0.6, "REFERRAL", 0.2),
                new Rule(SPECIALIST_OUDERENGENEESKUNDE, 0.5, "MDO", 0.5)));
        RULES.put(GGZ, List.of(new Rule(POH_GGZ, 0.3, "REFERRAL", 0.2)));
        RULES.put(FYSIOTHERAPIE, List.of(new Rule(ERGOTHERAPIE, 0.1, "REFERRAL", 0.1)));
        RULES.put(JEUGDZORG, List.of(new Rule(GGZ, 0.2, "REFERRAL", 0.2)));
    }

    /** Chance to pick a partner located in the same municipality when there is one. */
    static final double LOCAL_PREFERENCE = 0.7;

    private CollaborationPlanner() {
    }

    static List<PlannedCollaboration> plan(ProviderPlan plan, long seed) {
        List<PlannedCollaboration> result = new ArrayList<>();
        Set<Long> pairs = new HashSet<>();
        long n = plan.providers().size();
        for (int m = 0; m < plan.municipalities().size(); m++) {
            SplittableRandom r = DemoRandom.of(seed, "collaborations", plan.municipalities().get(m).code());
            for (ProviderProfile type : ProviderProfile.values()) {
                List<Rule> rules = RULES.get(type);
                if (rules == null) {
                    continue;
                }
                for (int from : plan.locatedIn(m, type)) {
                    if (plan.provider(from).isolated()) {
                        continue;
                    }
                    for (Rule rule : rules) {
                        if (r.nextDouble() >= rule.chance()) {
                            continue;
                        }
                        int[] local = plan.locatedIn(m, rule.to());
                        int[] pool = local.length > 0 && r.nextDouble() < LOCAL_PREFERENCE ? local
                                : plan.servingOf(m, rule.to());
                        if (pool.length == 0) {
                            continue;
                        }
                        int to = pool[r.nextInt(pool.length)];
                        boolean formal = r.nextDouble() < rule.formalShare();
                        LocalDate since = LocalDate.of(2008, 1, 1).plusDays(r.nextInt(
                                (int) (DemoPlanner.REFERENCE_DATE.toEpochDay() - LocalDate.of(2008, 1, 1).toEpochDay())));
                        if (to == from || plan.provider(to).isolated()
                                || !pairs.add(Math.min(from, to) * n + Math.max(from, to))) {
                            continue;
                        }
                        result.add(new PlannedCollaboration(from, to, rule.kind(), since, formal));
                    }
                }
            }
        }
        return List.copyOf(result);
    }

    /** For each provider, the providers it collaborates with in either direction. */
    static int[][] partners(int providers, List<PlannedCollaboration> collaborations) {
        int[] degree = new int[providers];
        for (PlannedCollaboration c : collaborations) {
            degree[c.from()]++;
            degree[c.to()]++;
        }
        int[][] result = new int[providers][];
        for (int i = 0; i < providers; i++) {
            result[i] = new int[degree[i]];
        }
        int[] fill = new int[providers];
        for (PlannedCollaboration c : collaborations) {
            result[c.from()][fill[c.from()]++] = c.to();
            result[c.to()][fill[c.to()]++] = c.from();
        }
        return result;
    }
}
