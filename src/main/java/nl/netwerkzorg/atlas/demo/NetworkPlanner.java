package nl.netwerkzorg.atlas.demo;

import static nl.netwerkzorg.atlas.demo.ProviderProfile.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import nl.netwerkzorg.atlas.geography.GeoPoint;

/**
 * Plans formal networks (VSV per hospital, dementienetwerk and ELV-coördinatiepunt per zorgkantoorregio,
 * regional networks per GGD region, wijkteams per municipality) and provider collaborations.
 */
final class NetworkPlanner {

    static final double VSV_MAX_KM = 40;
    static final int WIJKTEAM_INHABITANTS = 30_000;

    private NetworkPlanner() {
    }

    /** Member share per type for a regional network kind. */
    private record Membership(ProviderProfile type, double share) {
    }

    private static final Map<String, List<Membership>> REGIONAL = new LinkedHashMap<>();
    static {
        REGIONAL.put("DEMENTIENETWERK", List.of(new Membership(CASEMANAGER_DEMENTIE, 0.9),
                new Membership(SPECIALIST_OUDERENGENEESKUNDE, 0.5), new Membership(HUISARTS, 0.15),
                new Membership(WIJKVERPLEGING, 0.08), new Membership(WMO_DAGBESTEDING, 0.4),
                new Membership(MANTELZORGONDERSTEUNING, 0.8), new Membership(VERPLEEGHUIS, 0.3),
                new Membership(GEMEENTE, 1.0)));
        REGIONAL.put("ELV_COORDINATIEPUNT", List.of(new Membership(ELV, 1.0), new Membership(GRZ, 1.0),
                new Membership(VERPLEEGHUIS, 0.2), new Membership(ZIEKENHUIS, 1.0),
                new Membership(HUISARTSENPOST, 1.0)));
        REGIONAL.put("PARKINSONNET", List.of(new Membership(ZIEKENHUIS, 0.8), new Membership(FYSIOTHERAPIE, 0.06),
                new Membership(ERGOTHERAPIE, 0.15), new Membership(LOGOPEDIE, 0.1), new Membership(DIETIST, 0.05)));
        REGIONAL.put("PALLIATIEF_NETWERK", List.of(new Membership(ZIEKENHUIS, 0.6), new Membership(HUISARTS, 0.1),
                new Membership(WIJKVERPLEGING, 0.05), new Membership(VERPLEEGHUIS, 0.3),
                new Membership(SPECIALIST_OUDERENGENEESKUNDE, 0.3), new Membership(MANTELZORGONDERSTEUNING, 0.5),
                new Membership(HUISARTSENPOST, 0.5)));
        REGIONAL.put("ZORGGROEP", List.of(new Membership(HUISARTS, 0.8), new Membership(DIETIST, 0.4),
                new Membership(POH_GGZ, 0.3), new Membership(FYSIOTHERAPIE, 0.04)));
        REGIONAL.put("JEUGDHULPREGIO", List.of(new Membership(GEMEENTE, 1.0), new Membership(JEUGDZORG, 0.5),
                new Membership(SOCIAAL_WIJKTEAM, 0.5), new Membership(GGZ, 0.05)));
        REGIONAL.put("GGZ_NETWERK", List.of(new Membership(GGZ, 0.2), new Membership(SOCIAAL_WIJKTEAM, 0.3),
                new Membership(MAATSCHAPPELIJK_WERK, 0.3), new Membership(POH_GGZ, 0.1),
                new Membership(HUISARTS, 0.05)));
    }

    private static final Map<String, String> FOCUS = Map.of("VSV", "ZWANGERSCHAP", "DEMENTIENETWERK", "DEMENTIE",
            "ELV_COORDINATIEPUNT", "NA_ZIEKENHUISOPNAME", "PARKINSONNET", "PARKINSON",
            "PALLIATIEF_NETWERK", "PALLIATIEF", "ZORGGROEP", "DIABETES", "JEUGDHULPREGIO", "JEUGD",
            "GGZ_NETWERK", "GGZ_ERNSTIG");
    private static final Map<String, String> LABEL = Map.of("DEMENTIENETWERK", "Dementienetwerk",
            "ELV_COORDINATIEPUNT", "ELV-coördinatiepunt", "PARKINSONNET", "ParkinsonNet-regio",
            "PALLIATIEF_NETWERK", "Netwerk Palliatieve Zorg", "ZORGGROEP", "Zorggroep ketenzorg",
            "JEUGDHULPREGIO", "Jeugdhulpregio", "GGZ_NETWERK", "GGZ-netwerk EPA");

    static NetworkPlan plan(ProviderPlan plan, long seed) {
        List<PlannedNetwork> networks = new ArrayList<>();
        planVsv(plan, seed, networks);
        for (String kind : List.of("DEMENTIENETWERK", "ELV_COORDINATIEPUNT")) {
            planRegional(plan, seed, kind, MunicipalityInput::zorgkantoorCode, MunicipalityInput::zorgkantoorName,
                    networks);
        }
        for (String kind : List.of("PARKINSONNET", "PALLIATIEF_NETWERK", "ZORGGROEP", "JEUGDHULPREGIO",
                "GGZ_NETWERK")) {
            planRegional(plan, seed, kind, MunicipalityInput::ggdCode, MunicipalityInput::ggdName, networks);
        }
        planWijkteams(plan, seed, networks);
        List<PlannedCollaboration> collaborations = CollaborationPlanner.plan(plan, seed);
        return new NetworkPlan(List.copyOf(networks), collaborations,
                CollaborationPlanner.partners(plan.providers().size(), collaborations));
    }

    private static String nextId(List<PlannedNetwork> networks) {
        return String.format("N%05d", networks.size() + 1);
    }

    private static LocalDate since(SplittableRandom r, int fromYear) {
        LocalDate start = LocalDate.of(fromYear, 1, 1);
        long days = DemoPlanner.REFERENCE_DATE.toEpochDay() - start.toEpochDay();
        return start.plusDays(r.nextLong(Math.max(1, days)));
    }

    /** A VSV around each hospital location: covers the municipalities for which it is the nearest hospital. */
    private static void planVsv(ProviderPlan plan, long seed, List<PlannedNetwork> networks) {
        List<PlannedProvider> hospitals = plan.providers().stream()
                .filter(p -> p.type() == ZIEKENHUIS && !p.isolated()).toList();
        if (hospitals.isEmpty()) {
            return;
        }
        Map<Integer, List<Integer>> areaByHospital = new TreeMap<>();
        for (int m = 0; m < plan.municipalities().size(); m++) {
            GeoPoint inner = plan.municipalities().get(m).geometry().inner();
            PlannedProvider nearest = null;
            double best = Double.MAX_VALUE;
            for (PlannedProvider h : hospitals) {
                double d = inner.distanceKm(new GeoPoint(h.latitude(), h.longitude()));
                if (d < best) {
                    best = d;
                    nearest = h;
                }
            }
            if (nearest != null && best <= VSV_MAX_KM) {
                areaByHospital.computeIfAbsent(nearest.index(), k -> new ArrayList<>()).add(m);
            }
        }
        for (PlannedProvider h : hospitals) {
            List<Integer> area = areaByHospital.getOrDefault(h.index(), List.of());
            SplittableRandom r = DemoRandom.of(seed, "network", "VSV", h.id());
            LocalDate start = since(r, 2012);
            List<PlannedNetwork.Member> members = new ArrayList<>();
            members.add(new PlannedNetwork.Member(h.id(), "PENVOERDER", start));
            for (int m : area) {
                addMembers(plan, m, VERLOSKUNDIGE, 0.9, "KERNPARTNER", start, r, members);
                addMembers(plan, m, KRAAMZORG, 0.5, "KERNPARTNER", start, r, members);
                addMembers(plan, m, HUISARTS, 0.03, "PARTNER", start, r, members);
            }
            String place = plan.municipalities().get(plan.municipalityIndex().get(h.municipalityCode())).placeName();
            networks.add(new PlannedNetwork(nextId(networks), "VSV " + place + " (" + h.name() + ")", "VSV",
                    FOCUS.get("VSV"), codes(plan, area.isEmpty() ? List.of(plan.municipalityIndex()
                            .get(h.municipalityCode())) : area), members));
        }
    }

    private static void planRegional(ProviderPlan plan, long seed, String kind,
            Function<MunicipalityInput, String> regionCode, Function<MunicipalityInput, String> regionName,
            List<PlannedNetwork> networks) {
        Map<String, List<Integer>> regions = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (int m = 0; m < plan.municipalities().size(); m++) {
            MunicipalityInput input = plan.municipalities().get(m);
            regions.computeIfAbsent(regionCode.apply(input), k -> new ArrayList<>()).add(m);
            names.putIfAbsent(regionCode.apply(input), regionName.apply(input));
        }
        for (Map.Entry<String, List<Integer>> region : regions.entrySet()) {
            SplittableRandom r = DemoRandom.of(seed, "network", kind, region.getKey());
            LocalDate start = since(r, 2008);
            List<PlannedNetwork.Member> members = new ArrayList<>();
            for (Membership ms : REGIONAL.get(kind)) {
                for (int m : region.getValue()) {
                    addMembers(plan, m, ms.type(), ms.share(), ms.type() == GEMEENTE ? "PARTNER" : "KERNPARTNER",
                            start, r, members);
                }
            }
            if (members.isEmpty()) {
                continue;
            }
            // the first member becomes penvoerder (the organisation that holds the agreement)
            PlannedNetwork.Member first = members.getFirst();
            members.set(0, new PlannedNetwork.Member(first.providerId(), "PENVOERDER", first.since()));
            String name = LABEL.get(kind) + " " + names.get(region.getKey()).replaceFirst("^GGD ", "");
            networks.add(new PlannedNetwork(nextId(networks), name, kind, FOCUS.get(kind),
                    codes(plan, region.getValue()), members));
        }
    }

    /** One wijkteam per ~30,000 inhabitants; members join the team whose centre is nearest. */
    private static void planWijkteams(ProviderPlan plan, long seed, List<PlannedNetwork> networks) {
        for (int m = 0; m < plan.municipalities().size(); m++) {
            MunicipalityInput input = plan.municipalities().get(m);
            SplittableRandom r = DemoRandom.of(seed, "network", "WIJKTEAM", input.code());
            int teams = (int) Math.max(1, Math.round(input.inhabitants() / (double) WIJKTEAM_INHABITANTS));
            List<GeoPoint> centres = new ArrayList<>();
            List<List<PlannedNetwork.Member>> members = new ArrayList<>();
            LocalDate start = since(r, 2015);
            for (int t = 0; t < teams; t++) {
                centres.add(Placement.pointIn(input.geometry(), r, 0.8));
                members.add(new ArrayList<>());
            }
            for (int p : plan.locatedIn(m, GEMEENTE)) {
                for (List<PlannedNetwork.Member> team : members) {
                    team.add(new PlannedNetwork.Member(plan.provider(p).id(), "PENVOERDER", start));
                }
            }
            assign(plan, plan.locatedIn(m, SOCIAAL_WIJKTEAM), 1.0, "KERNPARTNER", centres, members, start, r);
            assign(plan, plan.locatedIn(m, WIJKVERPLEGING), 0.25, "KERNPARTNER", centres, members, start, r);
            assign(plan, plan.locatedIn(m, HUISARTS), 0.5, "KERNPARTNER", centres, members, start, r);
            assign(plan, plan.locatedIn(m, MAATSCHAPPELIJK_WERK), 0.8, "PARTNER", centres, members, start, r);
            assign(plan, plan.locatedIn(m, THUISZORG_HUISHOUDELIJK), 0.1, "PARTNER", centres, members, start, r);
            assign(plan, plan.locatedIn(m, POH_GGZ), 0.2, "PARTNER", centres, members, start, r);
            assign(plan, plan.locatedIn(m, JEUGDZORG), 0.1, "PARTNER", centres, members, start, r);
            for (int t = 0; t < teams; t++) {
                String name = teams == 1 ? "Wijkteam " + input.placeName()
                        : "Wijkteam " + input.placeName() + " " + (t + 1);
                networks.add(new PlannedNetwork(nextId(networks), name, "WIJKTEAM", null, List.of(input.code()),
                        members.get(t)));
            }
        }
    }

    private static void assign(ProviderPlan plan, int[] providers, double share, String role, List<GeoPoint> centres,
            List<List<PlannedNetwork.Member>> members, LocalDate start, SplittableRandom r) {
        for (int p : providers) {
            PlannedProvider provider = plan.provider(p);
            if (provider.isolated() || r.nextDouble() >= share) {
                continue;
            }
            GeoPoint at = new GeoPoint(provider.latitude(), provider.longitude());
            int best = 0;
            for (int t = 1; t < centres.size(); t++) {
                if (at.distanceKm(centres.get(t)) < at.distanceKm(centres.get(best))) {
                    best = t;
                }
            }
            members.get(best).add(new PlannedNetwork.Member(provider.id(), role, memberSince(start, r)));
        }
    }

    private static void addMembers(ProviderPlan plan, int municipality, ProviderProfile type, double share,
            String role, LocalDate start, SplittableRandom r, List<PlannedNetwork.Member> members) {
        for (int p : plan.locatedIn(municipality, type)) {
            PlannedProvider provider = plan.provider(p);
            if (!provider.isolated() && r.nextDouble() < share) {
                members.add(new PlannedNetwork.Member(provider.id(), role, memberSince(start, r)));
            }
        }
    }

    private static LocalDate memberSince(LocalDate start, SplittableRandom r) {
        long days = DemoPlanner.REFERENCE_DATE.toEpochDay() - start.toEpochDay();
        // most partners join in the first years
        return start.plusDays((long) (Math.pow(r.nextDouble(), 2) * Math.max(1, days)));
    }

    private static List<String> codes(ProviderPlan plan, List<Integer> municipalities) {
        return municipalities.stream().map(m -> plan.municipalities().get(m).code()).toList();
    }

    static @Nullable String focusOf(String kind) {
        return FOCUS.get(kind);
    }

    /** Distinct provider ids that are members of any network. */
    static Set<String> memberIds(List<PlannedNetwork> networks) {
        Set<String> ids = new HashSet<>();
        for (PlannedNetwork n : networks) {
            for (PlannedNetwork.Member m : n.members()) {
                ids.add(m.providerId());
            }
        }
        return ids;
    }
}
