package nl.netwerkzorg.atlas.demo;

import static nl.netwerkzorg.atlas.demo.ClientProfile.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import nl.netwerkzorg.atlas.geography.GeoPoint;

/**
 * Plans the clients of one municipality and their personal networks, following the care pathways of
 * their conditions and choosing providers that serve the municipality (so patient sharing emerges).
 */
final class ClientPlanner {

    private final ProviderPlan providers;
    private final int[][] partners;
    private final Map<String, PathwaySpec> pathwayByCondition;
    private final long seed;

    ClientPlanner(ProviderPlan providers, NetworkPlan networks, List<PathwaySpec> pathways, long seed) {
        this.providers = providers;
        this.partners = networks.partners();
        this.pathwayByCondition = merge(pathways);
        this.seed = seed;
    }

    /** Several pathways for one condition act as one: union of types, required wins, widest distance. */
    private static Map<String, PathwaySpec> merge(List<PathwaySpec> pathways) {
        Map<String, Map<String, PathwaySpec.Requirement>> byCondition = new LinkedHashMap<>();
        Map<String, String> codes = new LinkedHashMap<>();
        for (PathwaySpec p : pathways.stream().sorted((a, b) -> a.code().compareTo(b.code())).toList()) {
            codes.putIfAbsent(p.conditionCode(), p.code());
            Map<String, PathwaySpec.Requirement> reqs = byCondition.computeIfAbsent(p.conditionCode(),
                    k -> new LinkedHashMap<>());
            for (PathwaySpec.Requirement r : p.requirements()) {
                reqs.merge(r.providerType(), r, (a, b) -> new PathwaySpec.Requirement(a.providerType(),
                        a.optional() && b.optional(), Math.max(a.maxKm(), b.maxKm())));
            }
        }
        Map<String, PathwaySpec> result = new LinkedHashMap<>();
        byCondition.forEach((condition, reqs) -> result.put(condition, new PathwaySpec(codes.get(condition),
                condition, reqs.values().stream()
                        .sorted((a, b) -> a.providerType().compareTo(b.providerType())).toList())));
        return result;
    }

    /** Clients of municipality {@code m}, numbered from {@code firstClient} and carers from {@code firstCarer}. */
    List<PlannedClient> plan(int m, long firstClient, long firstCarer) {
        MunicipalityInput municipality = providers.municipalities().get(m);
        SplittableRandom r = DemoRandom.of(seed, "clients", municipality.code());
        List<int[]> primaries = new ArrayList<>(); // {band, condition index}
        for (int band = 0; band < AGE_BANDS.size(); band++) {
            for (int c = 0; c < CONDITIONS.size(); c++) {
                double expected = municipality.inhabitants() * BAND_SHARE[band]
                        * PRIMARY_RATE.get(CONDITIONS.get(c))[band] / 1000.0;
                int count = DemoRandom.roundRandomly(expected, r);
                for (int k = 0; k < count; k++) {
                    primaries.add(new int[] {band, c});
                }
            }
        }
        // shuffle so ids do not follow condition order
        for (int i = primaries.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int[] t = primaries.get(i);
            primaries.set(i, primaries.get(j));
            primaries.set(j, t);
        }
        List<PlannedClient> clients = new ArrayList<>(primaries.size());
        long carerNumber = firstCarer;
        for (int i = 0; i < primaries.size(); i++) {
            PlannedClient client = client(m, municipality, String.format("C%07d", firstClient + i),
                    primaries.get(i)[0], CONDITIONS.get(primaries.get(i)[1]), carerNumber, r);
            carerNumber += client.carers().size();
            clients.add(client);
        }
        return clients;
    }

    private PlannedClient client(int m, MunicipalityInput municipality, String id, int band, String primary,
            long carerNumber, SplittableRandom r) {
        int age = age(band, primary, r);
        String ageBand = ClientProfile.band(age);
        List<String> conditions = new ArrayList<>();
        conditions.add(primary);
        if (!primary.equals("ZWANGERSCHAP") && !primary.equals("JEUGD")) {
            for (String c : COMORBID_ORDER) {
                if (!c.equals(primary) && r.nextDouble() < COMORBIDITY.get(c)[band]) {
                    conditions.add(c);
                }
            }
        }
        GeoPoint home = Placement.pointIn(municipality.geometry(), r, 0.6);

        Map<Integer, PlannedClient.Care> cares = new LinkedHashMap<>();
        Map<ProviderProfile, Integer> byType = new LinkedHashMap<>();
        for (int pass = 0; pass < 2; pass++) { // huisarts first, so others can follow the huisarts' partners
            for (String condition : conditions) {
                PathwaySpec pathway = pathwayByCondition.get(condition);
                if (pathway == null) {
                    continue;
                }
                LocalDate since = conditionSince(condition, r);
                for (PathwaySpec.Requirement req : pathway.requirements()) {
                    if (!ProviderProfile.isKnown(req.providerType())) {
                        continue;
                    }
                    ProviderProfile type = ProviderProfile.of(req.providerType());
                    if ((type == ProviderProfile.HUISARTS) != (pass == 0) || byType.containsKey(type)) {
                        continue;
                    }
                    boolean include = req.optional() ? r.nextDouble() < OPTIONAL_SHARE
                            : r.nextDouble() >= SKIP_REQUIRED_SHARE;
                    if (!include) {
                        continue;
                    }
                    int chosen = choose(m, type, byType.get(ProviderProfile.HUISARTS), r);
                    if (chosen < 0) {
                        continue; // nobody of this type serves the municipality: a regional gap
                    }
                    byType.put(type, chosen);
                    LocalDate careSince = since.plusDays(r.nextInt(60));
                    if (careSince.isAfter(DemoPlanner.REFERENCE_DATE)) {
                        careSince = DemoPlanner.REFERENCE_DATE;
                    }
                    cares.put(chosen, new PlannedClient.Care(providers.provider(chosen).id(), type.name(),
                            type.careRole, careSince));
                }
            }
        }

        String coordinator = null;
        if (r.nextDouble() >= NO_COORDINATOR_SHARE) {
            for (ProviderProfile type : COORDINATOR.getOrDefault(primary, List.of(ProviderProfile.HUISARTS))) {
                Integer p = byType.get(type);
                if (p != null) {
                    coordinator = providers.provider(p).id();
                    break;
                }
            }
        }

        List<PlannedClient.Carer> carers = new ArrayList<>();
        if (r.nextDouble() < CARER_SHARE[band]) {
            int count = 1 + (r.nextDouble() < SECOND_CARER_SHARE ? 1 : 0);
            List<PlannedClient.Care> careList = new ArrayList<>(cares.values());
            for (int k = 0; k < count; k++) {
                String role = carerRole(band, primary, r);
                if (k == 1 && role.equals("PARTNER") && carers.getFirst().role().equals("PARTNER")) {
                    role = band == 0 ? "OUDER" : "KIND";
                }
                String knownTo = null;
                if (!careList.isEmpty() && r.nextDouble() < CARER_KNOWN_SHARE) {
                    knownTo = coordinator != null ? coordinator : careList.get(r.nextInt(careList.size())).providerId();
                }
                carers.add(new PlannedClient.Carer(String.format("M%07d", carerNumber + k), role, knownTo));
            }
        }

        List<String> objections = List.of();
        if (!cares.isEmpty() && r.nextDouble() < OBJECTION_SHARE) {
            List<PlannedClient.Care> careList = new ArrayList<>(cares.values());
            String objected = careList.get(r.nextInt(careList.size())).providerId();
            if (!objected.equals(coordinator)) {
                objections = List.of(objected);
            }
        }
        return new PlannedClient(id, DemoPlanner.REFERENCE_YEAR - age, ageBand, municipality.code(),
                home.latitude(), home.longitude(), conditions, List.copyOf(cares.values()), coordinator, carers,
                objections);
    }

    /** A provider of the type serving municipality m, preferring the huisarts' partners and local ones. */
    private int choose(int m, ProviderProfile type, Integer huisarts, SplittableRandom r) {
        int[] serving = providers.servingOf(m, type);
        if (serving.length == 0) {
            return -1;
        }
        if (huisarts != null && r.nextDouble() < FOLLOW_HUISARTS_SHARE) {
            int[] candidates = Arrays.stream(partners[huisarts])
                    .filter(p -> providers.provider(p).type() == type && Arrays.binarySearch(serving, p) >= 0)
                    .toArray();
            if (candidates.length > 0) {
                return candidates[r.nextInt(candidates.length)];
            }
        }
        if (type == ProviderProfile.HUISARTS || type == ProviderProfile.APOTHEEK) {
            int[] local = providers.locatedIn(m, type);
            if (local.length > 0 && r.nextDouble() < 0.85) {
                return local[r.nextInt(local.length)];
            }
        }
        return serving[r.nextInt(serving.length)];
    }

    private static int age(int band, String primary, SplittableRandom r) {
        double u = r.nextDouble();
        return switch (band) {
            case 0 -> r.nextInt(18);
            case 1 -> switch (primary) {
                case "ZWANGERSCHAP" -> (int) Math.max(18, Math.min(45, Math.round(31.5 + 4.5 * r.nextGaussian())));
                case "GGZ_ERNSTIG" -> 18 + r.nextInt(47);
                default -> 64 - (int) (46 * u * u); // chronic conditions skew towards older adults
            };
            case 2 -> 65 + r.nextInt(10);
            case 3 -> 75 + r.nextInt(10);
            default -> 85 + (int) Math.min(14, -Math.log(1 - u) * 4);
        };
    }

    private static LocalDate conditionSince(String condition, SplittableRandom r) {
        int days = switch (condition) {
            case "ZWANGERSCHAP" -> 270;
            case "NA_ZIEKENHUISOPNAME" -> 90;
            case "PALLIATIEF" -> 365;
            case "JEUGD" -> 3 * 365;
            default -> 8 * 365;
        };
        return DemoPlanner.REFERENCE_DATE.minusDays(r.nextInt(days));
    }

    private static String carerRole(int band, String primary, SplittableRandom r) {
        double u = r.nextDouble();
        if (band == 0) {
            return "OUDER";
        }
        if (primary.equals("ZWANGERSCHAP")) {
            return u < 0.9 ? "PARTNER" : "OUDER";
        }
        return switch (band) {
            case 1 -> u < 0.6 ? "PARTNER" : u < 0.75 ? "OUDER" : u < 0.9 ? "VRIEND" : "BUUR";
            case 2 -> u < 0.6 ? "PARTNER" : u < 0.9 ? "KIND" : u < 0.95 ? "BUUR" : "VRIEND";
            case 3 -> u < 0.45 ? "PARTNER" : u < 0.9 ? "KIND" : u < 0.95 ? "BUUR" : "VRIEND";
            default -> u < 0.15 ? "PARTNER" : u < 0.85 ? "KIND" : u < 0.95 ? "BUUR" : "VRIEND";
        };
    }
}
