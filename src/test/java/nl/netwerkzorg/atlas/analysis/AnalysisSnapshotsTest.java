package nl.netwerkzorg.atlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.analysis.Analysis.InvalidParameters;
import nl.netwerkzorg.atlas.analysis.Analysis.Parameters;
import nl.netwerkzorg.atlas.analysis.Analysis.TieKind;
import nl.netwerkzorg.atlas.analysis.AnalysisSnapshots.Metric;
import nl.netwerkzorg.atlas.analysis.AnalysisSnapshots.Snapshot;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

/** Dated snapshots of a region's figures: stored exactly, listed per region and parameters, and scoped per role. */
@AtlasSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisSnapshotsTest {

    static final String REGION = AnalysisFixture.REGION;

    @Autowired
    Neo4jClient neo4j;
    @Autowired
    AnalysisSnapshots snapshots;
    @Autowired
    PatientSharing sharing;

    final AtlasPrincipal admin = new AtlasPrincipal("admin", "", "Beheer", Role.ADMIN, true, null, List.of());
    final AtlasPrincipal analyst = new AtlasPrincipal("beleid", "", "Beleid", Role.POLICY_ANALYST, true, null, List.of());
    final AtlasPrincipal careStaff = new AtlasPrincipal("zorgverlener", "", "Zorg", Role.CARE_STAFF, true, "AN-1", List.of());
    final AtlasPrincipal utrechtManager = new AtlasPrincipal("netwerkmanager", "", "Netwerk", Role.NETWORK_MANAGER, true,
            null, List.of("PV26"));

    final Parameters collaborations = new Parameters(REGION, Set.of(TieKind.COLLABORATION), 2, 5, null);
    final Parameters sharingFromTwo = new Parameters(REGION, Set.of(TieKind.COLLABORATION, TieKind.SHARING), 2, 5, null);

    @BeforeAll
    void fixture() {
        AnalysisFixture.create(neo4j);
        sharing.derive();
    }

    @BeforeEach
    void noSnapshots() {
        neo4j.query("MATCH (s:AnalysisSnapshot {regionCode: $region}) DETACH DELETE s").bind(REGION).to("region").run();
    }

    @AfterAll
    void remove() {
        AnalysisFixture.remove(neo4j);
    }

    private long stored() {
        return neo4j.query("MATCH (s:AnalysisSnapshot {regionCode: $region}) RETURN count(s) AS n").bind(REGION).to("region")
                .fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void aSnapshotKeepsTheFiguresAndParametersOfTheReport() {
        Snapshot s = snapshots.save(collaborations, admin);
        assertThat(s.regionName()).isEqualTo("Testregio Walcheren");
        assertThat(s.parameters()).isEqualTo(collaborations);
        assertThat(s.takenBy()).isEqualTo("admin");
        assertThat(s.providers()).isEqualTo(9);
        assertThat(s.ties()).isEqualTo(13);
        assertThat(s.components()).isEqualTo(2);
        assertThat(s.largestComponent()).isEqualTo(8);
        assertThat(s.isolated()).isEqualTo(1);
        assertThat(s.cutPoints()).isEqualTo(2);
        assertThat(s.bridges()).isEqualTo(1);
        assertThat(s.communities()).isEqualTo(2);
        assertThat(s.agreementsWithoutSharing()).isEqualTo(12);
        assertThat(s.sharingWithoutAgreement()).isEqualTo(1);
        assertThat(s.value(Metric.DENSITY)).isEqualTo(13.0 / 36);
        assertThat(s.value(Metric.LARGEST_SHARE)).isEqualTo(8.0 / 9);

        // Read back: the same values, oldest first, and a trend holds only the same parameters.
        Snapshot second = snapshots.save(sharingFromTwo, admin);
        Snapshot third = snapshots.save(collaborations, admin);
        assertThat(snapshots.list(REGION, admin)).extracting(Snapshot::id).containsExactly(s.id(), second.id(), third.id());
        assertThat(snapshots.list(REGION, admin).getFirst()).isEqualTo(s);
        assertThat(snapshots.trend(collaborations, admin)).extracting(Snapshot::id).containsExactly(s.id(), third.id());
        assertThat(snapshots.trend(sharingFromTwo, admin)).extracting(Snapshot::ties).containsExactly(14L);
    }

    @Test
    void aPolicyAnalystSeesNoSnapshotTakenBelowFiveSharedClients() {
        snapshots.save(sharingFromTwo, admin);
        // Collaborations only, but its formal-versus-actual figures still count pairs sharing 2–4 clients.
        snapshots.save(collaborations, admin);
        Snapshot collaborationsFromFive = snapshots.save(new Parameters(REGION, Set.of(TieKind.COLLABORATION), 5, 5, null),
                admin);
        Snapshot fromFive = snapshots.save(new Parameters(REGION, Set.of(TieKind.SHARING), 5, 5, null), analyst);
        assertThat(snapshots.list(REGION, analyst)).extracting(Snapshot::id)
                .containsExactly(collaborationsFromFive.id(), fromFive.id());
        assertThat(snapshots.list(REGION, admin)).hasSize(4);
    }

    @Test
    void rolesAndBadInputChangeNothing() {
        assertThatThrownBy(() -> snapshots.save(collaborations, careStaff)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> snapshots.save(collaborations, utrechtManager)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> snapshots.list(REGION, utrechtManager)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> snapshots.list(REGION, careStaff)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> snapshots.save(sharingFromTwo, analyst)).isInstanceOf(InvalidParameters.class);
        assertThatThrownBy(() -> snapshots.save(new Parameters(REGION, Set.of(), 2, 5, null), admin))
                .isInstanceOf(InvalidParameters.class);
        assertThat(stored()).isZero();
    }
}
