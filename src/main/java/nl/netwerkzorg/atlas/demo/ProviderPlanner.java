package nl.netwerkzorg.atlas.demo;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import nl.netwerkzorg.atlas.geography.GeoPoint;

/** Places providers in each municipality by density and decides which municipalities each serves. */
final class ProviderPlanner {

    /** Small municipalities below this size may be left without a casemanager dementie or dagbesteding. */
    static final long GAP_MAX_INHABITANTS = 25_000;
    static final double GAP_SHARE = 0.35;
    static final double ISOLATED_SHARE = 0.005;

    private ProviderPlanner() {
    }

    static ProviderPlan plan(List<MunicipalityInput> inputs, long seed) {
        List<MunicipalityInput> municipalities = inputs.stream()
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
        int n = municipalities.size();
        int types = ProviderProfile.values().length;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(municipalities.get(i).code(), i);
        }
        double[][] distance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                GeoPoint a = municipalities.get(i).geometry().inner();
                distance[i][j] = distance[j][i] = a.distanceKm(municipalities.get(j).geometry().inner());
            }
        }
        boolean[][] gaps = new boolean[n][types];
        for (int i = 0; i < n; i++) {
            MunicipalityInput m = municipalities.get(i);
            for (ProviderProfile t : ProviderProfile.values()) {
                if (t.mayHaveGap() && m.inhabitants() < GAP_MAX_INHABITANTS) {
                    gaps[i][t.ordinal()] = DemoRandom.of(seed, "gap", m.code(), t.name()).nextDouble() < GAP_SHARE;
                }
            }
        }

        List<PlannedProvider> providers = new ArrayList<>();
        int[] agbSequence = new int[types];
        List<List<List<Integer>>> located = table(n, types);
        List<List<List<Integer>>> serving = table(n, types);
        OffsetDateTime reference = DemoPlanner.REFERENCE_TIME;
        for (int i = 0; i < n; i++) {
            MunicipalityInput m = municipalities.get(i);
            SplittableRandom r = DemoRandom.of(seed, "providers", m.code());
            SplittableRandom serveRandom = DemoRandom.of(seed, "serves", m.code());
            for (ProviderProfile t : ProviderProfile.values()) {
                int count = t == ProviderProfile.GEMEENTE ? 1
                        : gaps[i][t.ordinal()] ? 0
                        : DemoRandom.roundRandomly(t.per10k * m.inhabitants() / 10_000.0, r);
                for (int k = 0; k < count; k++) {
                    int idx = providers.size();
                    int seq = ++agbSequence[t.ordinal()];
                    if (seq > 99_999) {
                        throw new IllegalStateException("Too many providers of type " + t + " for synthetic AGB codes");
                    }
                    String agb = "9" + (10 + t.ordinal()) + String.format("%05d", seq);
                    String kvk = Integer.toString(10_000_000 + r.nextInt(90_000_000));
                    String name = t == ProviderProfile.GEMEENTE ? "Gemeente " + m.placeName()
                            : SyntheticNames.providerName(t, m.placeName(), r);
                    String address = SyntheticNames.address(m.provinceCode(), m.placeName(), r);
                    GeoPoint at = t == ProviderProfile.GEMEENTE ? m.geometry().inner()
                            : Placement.pointIn(m.geometry(), r, 0.6);
                    Integer capacity = null;
                    Integer available = null;
                    boolean accepting;
                    int waitingDays;
                    if (t.bedBased) {
                        capacity = t.minCapacity + r.nextInt(t.maxCapacity - t.minCapacity + 1);
                        available = r.nextDouble() < 0.25 ? 0 : r.nextInt(Math.max(2, capacity / 8) + 1);
                        accepting = available > 0;
                    } else {
                        accepting = r.nextDouble() < 0.8;
                    }
                    waitingDays = accepting ? r.nextInt(15) : 14 + r.nextInt(106);
                    // Beds are reported daily (most within the last day), other availability every few weeks.
                    OffsetDateTime updated = reference.minusMinutes(r.nextInt(t.bedBased ? 30 * 60 : 45 * 24 * 60));
                    boolean isolated = t != ProviderProfile.GEMEENTE && r.nextDouble() < ISOLATED_SHARE;

                    List<String> serves = new ArrayList<>();
                    serves.add(m.code());
                    serving.get(i).get(t.ordinal()).add(idx);
                    if (t.serveKm > 0) {
                        for (int j = 0; j < n; j++) {
                            if (j != i && distance[i][j] <= t.serveKm && !gaps[j][t.ordinal()]
                                    && serveRandom.nextDouble() < t.serveShare) {
                                serves.add(municipalities.get(j).code());
                                serving.get(j).get(t.ordinal()).add(idx);
                            }
                        }
                    }
                    located.get(i).get(t.ordinal()).add(idx);
                    providers.add(new PlannedProvider(idx, String.format("P%06d", idx + 1), agb, kvk, name, t,
                            m.code(), at.latitude(), at.longitude(), address, accepting, waitingDays, capacity,
                            available, updated, isolated, serves));
                }
            }
        }
        return new ProviderPlan(municipalities, Map.copyOf(index), List.copyOf(providers), toArrays(located),
                toArrays(serving), gaps, distance);
    }

    private static List<List<List<Integer>>> table(int n, int types) {
        List<List<List<Integer>>> t = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<List<Integer>> row = new ArrayList<>(types);
            for (int k = 0; k < types; k++) {
                row.add(new ArrayList<>());
            }
            t.add(row);
        }
        return t;
    }

    private static int[][][] toArrays(List<List<List<Integer>>> table) {
        int[][][] result = new int[table.size()][][];
        for (int i = 0; i < table.size(); i++) {
            result[i] = new int[table.get(i).size()][];
            for (int k = 0; k < table.get(i).size(); k++) {
                // serving lists are filled out of order (neighbours first); sort into id order
                result[i][k] = table.get(i).get(k).stream().mapToInt(Integer::intValue).sorted().toArray();
            }
        }
        return result;
    }
}
