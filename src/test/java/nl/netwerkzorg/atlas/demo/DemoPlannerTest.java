package nl.netwerkzorg.atlas.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import nl.netwerkzorg.atlas.geography.MunicipalityGeometry;

class DemoPlannerTest {

    private static final long SEED = 42;

    private final PlannerFixtures.Planned demo = PlannerFixtures.demo(SEED);
    private final ProviderPlan providers = demo.planner().providers();
    private final NetworkPlan networks = demo.planner().networks();
    private final List<PlannedClient> clients = demo.clients();

    @Test
    void demoPresetIsProvinceUtrecht() {
        assertThat(providers.municipalities()).hasSize(26)
                .allSatisfy(m -> assertThat(m.provinceCode()).isEqualTo("PV26"));
    }

    @Test
    void sameSeedGivesIdenticalRows() {
        DemoPlanner again = DemoPlanner.plan(PlannerFixtures.municipalities(DataPreset.DEMO),
                PlannerFixtures.pathways(), SEED);
        assertThat(again.providers().providers()).isEqualTo(providers.providers());
        assertThat(again.networks().networks()).isEqualTo(networks.networks());
        assertThat(again.networks().collaborations()).isEqualTo(networks.collaborations());
        List<PlannedClient> againClients = new ArrayList<>();
        again.forEachMunicipality((m, planned) -> againClients.addAll(planned));
        assertThat(againClients).isEqualTo(clients);
    }

    @Test
    void differentSeedGivesDifferentRows() {
        PlannerFixtures.Planned other = PlannerFixtures.demo(SEED + 1);
        assertThat(other.planner().providers().providers()).isNotEqualTo(providers.providers());
        assertThat(other.clients()).isNotEqualTo(clients);
        // positions differ, not just ids
        assertThat(other.planner().providers().provider(0).latitude()).isNotEqualTo(providers.provider(0).latitude());
    }

    @Test
    void municipalityDataDoesNotDependOnWhichOtherMunicipalitiesArePlanned() {
        List<MunicipalityInput> all = PlannerFixtures.municipalities(DataPreset.DEMO);
        MunicipalityInput houten = all.stream().filter(m -> m.code().equals("GM0321")).findFirst().orElseThrow();
        DemoPlanner alone = DemoPlanner.plan(List.of(houten), PlannerFixtures.pathways(), SEED);
        List<String> aloneNames = alone.providers().providers().stream().map(PlannedProvider::name).toList();
        List<String> inDemo = providers.providers().stream().filter(p -> p.municipalityCode().equals("GM0321"))
                .map(PlannedProvider::name).toList();
        assertThat(aloneNames).isEqualTo(inDemo);
    }

    @Test
    void everyProviderAndClientLiesInsideItsMunicipality() {
        Map<String, MunicipalityGeometry> geometry = new HashMap<>();
        providers.municipalities().forEach(m -> geometry.put(m.code(), m.geometry()));
        assertThat(providers.providers()).allSatisfy(p -> assertThat(
                geometry.get(p.municipalityCode()).outline().contains(p.longitude(), p.latitude()))
                .as("%s %s", p.id(), p.municipalityCode()).isTrue());
        assertThat(clients).allSatisfy(c -> assertThat(
                geometry.get(c.municipalityCode()).outline().contains(c.longitude(), c.latitude()))
                .as(c.id()).isTrue());
    }

    @Test
    void volumesForUtrechtAreInTheExpectedRange() {
        long inhabitants = providers.municipalities().stream().mapToLong(MunicipalityInput::inhabitants).sum();
        assertThat(inhabitants).isEqualTo(1_396_000);
        double perTenThousand = providers.providers().size() / (inhabitants / 10_000.0);
        assertThat(perTenThousand).isBetween(82.0, 93.0);
        assertThat(clients.size() / (double) inhabitants).isBetween(0.055, 0.085);
        assertThat(demo.relationships()).isGreaterThan(10L * clients.size());
        System.out.printf("DEMO seed %d: providers %d, networks %d, collaborations %d, clients %d, carers %d, "
                        + "nodes %d, relationships %d%n", SEED, providers.providers().size(),
                networks.networks().size(), networks.collaborations().size(), clients.size(),
                clients.stream().mapToLong(c -> c.carers().size()).sum(),
                providers.providers().size() + networks.networks().size() + clients.size()
                        + clients.stream().mapToLong(c -> c.carers().size()).sum(), demo.relationships());
    }

    @Test
    void densityPerTypeMatchesTheProfile() {
        long inhabitants = providers.municipalities().stream().mapToLong(MunicipalityInput::inhabitants).sum();
        Map<ProviderProfile, Long> byType = providers.providers().stream()
                .collect(Collectors.groupingBy(PlannedProvider::type, () -> new EnumMap<>(ProviderProfile.class),
                        Collectors.counting()));
        for (ProviderProfile type : ProviderProfile.values()) {
            double expected = type == ProviderProfile.GEMEENTE ? 26 : type.per10k * inhabitants / 10_000.0;
            if (type.mayHaveGap()) {
                expected *= 0.9; // some small municipalities have none on purpose
            }
            if (expected >= 50) {
                assertThat((double) byType.getOrDefault(type, 0L)).as(type.name())
                        .isBetween(expected * 0.85, expected * 1.15);
            }
        }
        assertThat(byType.get(ProviderProfile.GEMEENTE)).isEqualTo(26);
        assertThat(byType.get(ProviderProfile.ZIEKENHUIS)).isBetween(6L, 18L);
    }

    @Test
    void idsAndRegistryCodesAreUniqueAndWellFormed() {
        assertThat(providers.providers()).allSatisfy(p -> {
            assertThat(p.id()).matches("P\\d{6}");
            assertThat(p.agb()).matches("\\d{8}");
            assertThat(p.kvk()).matches("\\d{8}");
            assertThat(p.address()).matches(".+ \\d+, \\d{4} [A-Z]{2} .+");
        });
        assertThat(unique(providers.providers().stream().map(PlannedProvider::id).toList())).isTrue();
        assertThat(unique(providers.providers().stream().map(PlannedProvider::agb).toList())).isTrue();
        assertThat(unique(networks.networks().stream().map(PlannedNetwork::id).toList())).isTrue();
        assertThat(networks.networks()).allSatisfy(n -> assertThat(n.id()).matches("N\\d{5}"));
        assertThat(clients).allSatisfy(c -> assertThat(c.id()).matches("C\\d{7}"));
        assertThat(unique(clients.stream().map(PlannedClient::id).toList())).isTrue();
        assertThat(unique(clients.stream().flatMap(c -> c.carers().stream()).map(PlannedClient.Carer::id).toList()))
                .isTrue();
        assertThat(clients.getFirst().id()).isEqualTo("C0000001");
        assertThat(clients.getLast().id()).isEqualTo(String.format("C%07d", clients.size()));
    }

    @Test
    void bedBasedProvidersAloneHaveCapacity() {
        assertThat(providers.providers()).allSatisfy(p -> {
            if (p.type().bedBased) {
                assertThat(p.capacity()).isNotNull().isPositive();
                assertThat(p.available()).isNotNull().isBetween(0, p.capacity());
                assertThat(p.acceptingClients()).isEqualTo(p.available() > 0);
            } else {
                assertThat(p.capacity()).isNull();
                assertThat(p.available()).isNull();
            }
        });
    }

    @Test
    void personalNetworksFollowThePathwaysAndTheServiceAreas() {
        Map<String, Set<String>> typesByCondition = new HashMap<>();
        for (PathwaySpec p : PlannerFixtures.pathways()) {
            p.requirements().forEach(r -> typesByCondition.computeIfAbsent(p.conditionCode(), k -> new HashSet<>())
                    .add(r.providerType()));
        }
        Map<String, PlannedProvider> byId = new HashMap<>();
        providers.providers().forEach(p -> byId.put(p.id(), p));
        for (PlannedClient c : clients) {
            Set<String> allowed = c.conditions().stream().flatMap(k -> typesByCondition.get(k).stream())
                    .collect(Collectors.toSet());
            Set<String> careIds = new HashSet<>();
            for (PlannedClient.Care care : c.cares()) {
                PlannedProvider p = byId.get(care.providerId());
                assertThat(allowed).as(c.id()).contains(p.type().name());
                assertThat(p.serves()).as(c.id()).contains(c.municipalityCode());
                careIds.add(care.providerId());
            }
            assertThat(careIds).as("no provider twice").hasSize(c.cares().size());
            if (c.coordinatorId() != null) {
                assertThat(careIds).contains(c.coordinatorId());
            }
            c.carers().forEach(k -> {
                if (k.knownTo() != null) {
                    assertThat(careIds).contains(k.knownTo());
                }
            });
            assertThat(careIds).containsAll(c.objections());
        }
    }

    @Test
    void requiredPathwayTypesAreMostlyPresent() {
        long dementia = clients.stream().filter(c -> c.conditions().getFirst().equals("DEMENTIE")).count();
        long withCasemanager = clients.stream().filter(c -> c.conditions().getFirst().equals("DEMENTIE"))
                .filter(c -> c.cares().stream().anyMatch(k -> k.providerType().equals("CASEMANAGER_DEMENTIE")))
                .count();
        assertThat(dementia).isGreaterThan(1000);
        // present for most, missing for some: skipped on purpose or no casemanager serves the municipality
        assertThat(withCasemanager / (double) dementia).isBetween(0.75, 0.95);
        long pregnantWithMidwife = clients.stream().filter(c -> c.conditions().contains("ZWANGERSCHAP"))
                .filter(c -> c.cares().stream().anyMatch(k -> k.providerType().equals("VERLOSKUNDIGE"))).count();
        long pregnant = clients.stream().filter(c -> c.conditions().contains("ZWANGERSCHAP")).count();
        assertThat(pregnantWithMidwife / (double) pregnant).isBetween(0.88, 0.97);
        assertThat(clients.stream().filter(c -> c.conditions().contains("ZWANGERSCHAP")))
                .allSatisfy(c -> assertThat(c.ageBand()).isEqualTo("18-64"));
        assertThat(clients.stream().filter(c -> c.conditions().contains("JEUGD")))
                .allSatisfy(c -> assertThat(c.ageBand()).isEqualTo("0-17"));
        double multimorbid = clients.stream().filter(c -> c.ageBand().equals("85+"))
                .filter(c -> c.conditions().size() > 1).count()
                / (double) clients.stream().filter(c -> c.ageBand().equals("85+")).count();
        assertThat(multimorbid).isBetween(0.4, 0.8);
    }

    @Test
    void deliberateGapsArePresent() {
        int n = providers.municipalities().size();
        List<String> withoutCasemanager = new ArrayList<>();
        List<String> withoutDagbesteding = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            if (providers.servingOf(m, ProviderProfile.CASEMANAGER_DEMENTIE).length == 0) {
                withoutCasemanager.add(providers.municipalities().get(m).name());
            }
            if (providers.servingOf(m, ProviderProfile.WMO_DAGBESTEDING).length == 0) {
                withoutDagbesteding.add(providers.municipalities().get(m).name());
            }
        }
        assertThat(withoutCasemanager).isNotEmpty().hasSizeLessThan(n / 3);
        assertThat(withoutDagbesteding).isNotEmpty().hasSizeLessThan(n / 3);
        // gaps only in small municipalities
        for (int m = 0; m < n; m++) {
            if (providers.isGap(m, ProviderProfile.CASEMANAGER_DEMENTIE)) {
                assertThat(providers.municipalities().get(m).inhabitants())
                        .isLessThan(ProviderPlanner.GAP_MAX_INHABITANTS);
            }
        }

        Set<String> members = NetworkPlanner.memberIds(networks.networks());
        Set<Integer> collaborating = new HashSet<>();
        networks.collaborations().forEach(c -> {
            collaborating.add(c.from());
            collaborating.add(c.to());
        });
        List<PlannedProvider> isolated = providers.providers().stream().filter(PlannedProvider::isolated).toList();
        assertThat(isolated).hasSizeBetween(20, 150).allSatisfy(p -> {
            assertThat(members).doesNotContain(p.id());
            assertThat(collaborating).doesNotContain(p.index());
        });

        double withoutCoordinator = clients.stream().filter(c -> c.coordinatorId() == null).count()
                / (double) clients.size();
        assertThat(withoutCoordinator).isBetween(0.10, 0.16);
        List<PlannedClient.Carer> carers = clients.stream().flatMap(c -> c.carers().stream()).toList();
        double unknownCarers = carers.stream().filter(k -> k.knownTo() == null).count() / (double) carers.size();
        assertThat(unknownCarers).isBetween(0.25, 0.35);
        assertThat(clients.stream().filter(c -> !c.objections().isEmpty()).count() / (double) clients.size())
                .isBetween(0.01, 0.05);
    }

    @Test
    void networksFollowTheRules() {
        Map<String, List<PlannedNetwork>> byKind = networks.networks().stream()
                .collect(Collectors.groupingBy(PlannedNetwork::kind));
        long hospitals = providers.providers().stream()
                .filter(p -> p.type() == ProviderProfile.ZIEKENHUIS && !p.isolated()).count();
        assertThat(byKind.get("VSV")).hasSize((int) hospitals);
        Map<String, PlannedProvider> byId = new HashMap<>();
        providers.providers().forEach(p -> byId.put(p.id(), p));
        assertThat(byKind.get("VSV")).allSatisfy(v -> {
            assertThat(v.focusCondition()).isEqualTo("ZWANGERSCHAP");
            assertThat(v.members()).extracting(m -> byId.get(m.providerId()).type())
                    .contains(ProviderProfile.ZIEKENHUIS)
                    .allMatch(t -> t == ProviderProfile.ZIEKENHUIS || t == ProviderProfile.VERLOSKUNDIGE
                            || t == ProviderProfile.KRAAMZORG || t == ProviderProfile.HUISARTS);
        });
        Set<String> zorgkantoren = providers.municipalities().stream().map(MunicipalityInput::zorgkantoorCode)
                .collect(Collectors.toSet());
        // one per zorgkantoorregio at most (a region sliver without any member gets none), disjoint areas
        assertThat(byKind.get("ELV_COORDINATIEPUNT")).hasSizeBetween(2, zorgkantoren.size());
        assertThat(byKind.get("DEMENTIENETWERK")).hasSizeBetween(2, zorgkantoren.size());
        List<String> elvCovers = byKind.get("ELV_COORDINATIEPUNT").stream().flatMap(n -> n.covers().stream()).toList();
        assertThat(unique(elvCovers)).isTrue();
        assertThat(byKind.get("ELV_COORDINATIEPUNT")).allSatisfy(n -> assertThat(n.members())
                .extracting(m -> byId.get(m.providerId()).type())
                .allMatch(t -> Set.of(ProviderProfile.ELV, ProviderProfile.GRZ, ProviderProfile.VERPLEEGHUIS,
                        ProviderProfile.ZIEKENHUIS, ProviderProfile.HUISARTSENPOST).contains(t)));
        Set<String> wijkteamMunicipalities = byKind.get("WIJKTEAM").stream()
                .flatMap(n -> n.covers().stream()).collect(Collectors.toSet());
        assertThat(wijkteamMunicipalities).hasSize(26);
        assertThat(byKind.get("WIJKTEAM").size()).isBetween(40, 60); // ~ one per 30,000 inhabitants
        assertThat(byKind.get("WIJKTEAM")).allSatisfy(n -> assertThat(n.focusCondition()).isNull());
        assertThat(byKind).containsKeys("PARKINSONNET", "PALLIATIEF_NETWERK", "ZORGGROEP", "JEUGDHULPREGIO",
                "GGZ_NETWERK");
        assertThat(networks.networks()).allSatisfy(n -> assertThat(unique(n.members().stream()
                .map(PlannedNetwork.Member::providerId).toList())).as(n.name()).isTrue());
    }

    @Test
    void collaborationsAreTypePlausibleAndUnique() {
        Set<Long> pairs = new HashSet<>();
        long n = providers.providers().size();
        for (PlannedCollaboration c : networks.collaborations()) {
            ProviderProfile from = providers.provider(c.from()).type();
            ProviderProfile to = providers.provider(c.to()).type();
            assertThat(CollaborationPlanner.RULES.get(from)).extracting(CollaborationPlanner.Rule::to).contains(to);
            assertThat(pairs.add(Math.min(c.from(), c.to()) * n + Math.max(c.from(), c.to()))).isTrue();
            assertThat(c.kind()).isIn("AGREEMENT", "MDO", "REFERRAL");
        }
        long huisartsApotheek = networks.collaborations().stream()
                .filter(c -> providers.provider(c.from()).type() == ProviderProfile.HUISARTS
                        && providers.provider(c.to()).type() == ProviderProfile.APOTHEEK).count();
        assertThat(huisartsApotheek).isGreaterThan(300);
    }

    @Test
    void providerProfilesMatchTheReferenceData() {
        Map<String, String[]> types = PlannerFixtures.providerTypes();
        assertThat(types.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(ProviderProfile.values()).map(Enum::name).toList());
        for (ProviderProfile p : ProviderProfile.values()) {
            assertThat(types.get(p.name())[0]).as(p.name()).isEqualTo(p.domain);
            assertThat(Boolean.parseBoolean(types.get(p.name())[1])).as(p.name()).isEqualTo(p.bedBased);
        }
        assertThat(PlannerFixtures.pathways()).extracting(PathwaySpec::conditionCode)
                .containsExactlyInAnyOrderElementsOf(ClientProfile.CONDITIONS);
        assertThat(PlannerFixtures.pathways()).allSatisfy(p -> assertThat(p.requirements())
                .anyMatch(r -> !r.optional())
                .allSatisfy(r -> assertThat(ProviderProfile.isKnown(r.providerType())).isTrue()));
    }

    private static boolean unique(List<String> values) {
        return new HashSet<>(values).size() == values.size();
    }
}
