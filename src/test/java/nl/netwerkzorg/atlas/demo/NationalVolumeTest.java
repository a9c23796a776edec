package nl.netwerkzorg.atlas.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.HashSet;

import org.junit.jupiter.api.Test;

/** The national preset reaches the benchmark volumes (planned only; clients are counted, not kept). */
class NationalVolumeTest {

    @Test
    void nationalPresetMeetsTheBenchmarkVolumes() {
        DemoPlanner planner = DemoPlanner.plan(PlannerFixtures.municipalities(DataPreset.NATIONAL),
                PlannerFixtures.pathways(), 42);
        long[] clients = new long[3]; // clients, carers, relationships
        Set<String> lastIds = new HashSet<>();
        planner.forEachMunicipality((m, planned) -> {
            for (PlannedClient c : planned) {
                clients[0]++;
                clients[1] += c.carers().size();
                clients[2] += c.relationshipCount();
            }
            if (!planned.isEmpty()) {
                assertThat(lastIds.add(planned.getFirst().id())).isTrue();
            }
        });
        long providers = planner.providers().providers().size();
        long relationships = planner.providers().relationshipCount() + planner.networks().relationshipCount()
                + clients[2];
        long nodes = providers + planner.networks().networks().size() + clients[0] + clients[1];
        System.out.printf("NATIONAL seed 42: providers %d, networks %d, collaborations %d, clients %d, carers %d, "
                        + "nodes %d, relationships %d%n", providers, planner.networks().networks().size(),
                planner.networks().collaborations().size(), clients[0], clients[1], nodes, relationships);
        assertThat(planner.providers().municipalities()).hasSize(342);
        assertThat(providers).isGreaterThanOrEqualTo(150_000);
        assertThat(clients[0]).isGreaterThanOrEqualTo(1_000_000);
        assertThat(relationships).isGreaterThanOrEqualTo(5_000_000);
    }
}
