package nl.netwerkzorg.atlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.analysis.Analysis.InvalidParameters;
import nl.netwerkzorg.atlas.analysis.Analysis.Pair;
import nl.netwerkzorg.atlas.analysis.Analysis.Parameters;
import nl.netwerkzorg.atlas.analysis.Analysis.ProviderRef;
import nl.netwerkzorg.atlas.analysis.Analysis.Report;
import nl.netwerkzorg.atlas.analysis.Analysis.TieKind;
import nl.netwerkzorg.atlas.analysis.Analysis.WhatIf;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

/** The connectivity analysis on {@link AnalysisFixture}: exact metrics, formal versus actual, roles and bad input. */
@AtlasSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisServiceTest {

    static final String REGION = AnalysisFixture.REGION;

    @Autowired
    Neo4jClient neo4j;
    @Autowired
    AnalysisService analysis;
    @Autowired
    PatientSharing sharing;

    final AtlasPrincipal admin = new AtlasPrincipal("an-admin", "", "Beheer", Role.ADMIN, true, null, List.of());
    final AtlasPrincipal analyst = new AtlasPrincipal("an-beleid", "", "Beleid", Role.POLICY_ANALYST, true, null, List.of());
    final AtlasPrincipal careStaff = new AtlasPrincipal("an-zorg", "", "Zorg", Role.CARE_STAFF, true, "AN-1", List.of());
    final AtlasPrincipal utrechtManager = new AtlasPrincipal("an-nm", "", "Netwerk", Role.NETWORK_MANAGER, true, null,
            List.of("PV26"));

    @BeforeAll
    void createRegion() {
        AnalysisFixture.create(neo4j);
        sharing.derive();
    }

    @AfterAll
    void remove() {
        AnalysisFixture.remove(neo4j);
    }

    @Test
    void theSharingNetworkCountsEachSharedClientOnce() {
        List<Long> counts = List.copyOf(neo4j.query("""
                        MATCH (a:Provider)-[s:SHARES_CLIENTS]-(b:Provider)
                        WHERE a.id IN ['AN-1', 'AN-2'] AND b.id IN ['AN-6', 'AN-3'] AND a.id < b.id
                        RETURN s.count AS n ORDER BY a.id""").fetchAs(Long.class).all());
        // AN-3 both cares for and coordinates its two clients: still 2 shared clients with AN-2.
        assertThat(counts).containsExactly(6L, 2L);
        assertThat(sharing.computedAt()).isPresent();
        assertThat(sharing.status().running()).isFalse();
    }

    @Test
    void collaborationsFormTwoCliquesJoinedByABridge() {
        Report r = analysis.analyse(new Parameters(REGION, Set.of(TieKind.COLLABORATION), 2, 5, null), admin);
        assertThat(r.regionName()).isEqualTo("Testregio Walcheren");
        assertThat(r.nodes()).isEqualTo(9);
        assertThat(r.ties()).isEqualTo(13);
        assertThat(r.density()).isCloseTo(13.0 / 36, within(1e-12));
        assertThat(r.components()).isEqualTo(2);
        assertThat(r.componentSizes()).containsExactly(8, 1);
        assertThat(r.isolated()).extracting(ProviderRef::id).containsExactly("AN-9");
        assertThat(r.bridges()).singleElement().satisfies(b -> {
            assertThat(b.a().id()).isEqualTo("AN-4");
            assertThat(b.b().id()).isEqualTo("AN-5");
        });
        assertThat(r.cutPoints()).extracting(c -> c.provider().id() + ":" + c.cutOff()).containsExactly("AN-4:3", "AN-5:3");
        assertThat(r.brokers()).extracting(b -> b.provider().id()).containsExactly("AN-4", "AN-5");
        // 12 pairs of the 28 among the eight connected providers run through AN-4.
        assertThat(r.brokers().getFirst().betweenness()).isCloseTo(12.0 / 28, within(1e-12));
        assertThat(r.brokers().getFirst().domainsAround()).isEqualTo(2);
        assertThat(r.crossDomainShare()).isCloseTo(1.0 / 13, within(1e-12));
        assertThat(r.domainTies()).extracting(d -> d.domainA() + "-" + d.domainB() + ":" + d.ties())
                .containsExactlyInAnyOrder("MEDICAL-MEDICAL:6", "SOCIAL-SOCIAL:6", "MEDICAL-SOCIAL:1");
        assertThat(r.communityCount()).isEqualTo(2);
        assertThat(r.communities()).extracting(c -> c.size() + " " + c.mainDomain()).containsExactlyInAnyOrder(
                "4 MEDICAL", "4 SOCIAL");
        // Formal versus actual: twelve agreements without shared clients; AN-1 and AN-6 share 6 without one.
        assertThat(r.agreementsWithoutSharingCount()).isEqualTo(12);
        assertThat(r.agreementsWithoutSharing()).extracting(p -> p.a().id() + "-" + p.b().id()).doesNotContain("AN-2-AN-3");
        assertThat(r.sharingWithoutAgreement()).singleElement().satisfies(p -> {
            assertThat(p.a().id() + "-" + p.b().id()).isEqualTo("AN-1-AN-6");
            assertThat(p.sharedClients()).isEqualTo(6);
        });
        assertThat(r.pictureComplete()).isTrue();
        assertThat(r.pictureNodes()).hasSize(9);
        assertThat(r.pictureEdges()).hasSize(13);
    }

    @Test
    void figuresPerMunicipalityForTheMap() {
        Report r = analysis.analyse(new Parameters(REGION, Set.of(TieKind.COLLABORATION), 2, 5, null), admin);
        assertThat(r.municipalities()).extracting(Analysis.MunicipalityFigures::name).containsExactly("Middelburg (Z.)", "Vlissingen");
        Analysis.MunicipalityFigures middelburg = r.municipalities().getFirst();
        assertThat(middelburg.code()).isEqualTo("GM0687");
        assertThat(middelburg.providers()).isEqualTo(8);
        // All 13 ties lie within Middelburg: 26 tie ends over 8 providers.
        assertThat(middelburg.tieEnds()).isEqualTo(26);
        assertThat(middelburg.meanDegree()).isEqualTo(26.0 / 8);
        assertThat(middelburg.isolated()).isZero();
        assertThat(middelburg.largestShare()).isEqualTo(1.0);
        assertThat(middelburg.cutPoints()).as("AN-4 and AN-5").isEqualTo(2);
        assertThat(middelburg.brokerage()).isCloseTo(2 * 12.0 / 28, within(1e-12));
        assertThat(middelburg.crossDomainShare()).as("only AN-4—AN-5 crosses: 2 of 26 ends").isCloseTo(2.0 / 26, within(1e-12));
        Analysis.MunicipalityFigures vlissingen = r.municipalities().get(1);
        assertThat(vlissingen.providers()).isEqualTo(1);
        assertThat(vlissingen.isolatedShare()).isEqualTo(1.0);
        assertThat(vlissingen.largestShare()).isZero();
        assertThat(vlissingen.meanDegree()).isZero();
    }

    @Test
    void addingThePatientSharingTieClosesTheBridge() {
        Report r = analysis.analyse(new Parameters(REGION, Set.of(TieKind.COLLABORATION, TieKind.SHARING), 2, 5, null),
                admin);
        assertThat(r.ties()).isEqualTo(14);
        assertThat(r.bridges()).isEmpty();
        assertThat(r.cutPoints()).isEmpty();
        Report sharingOnly = analysis.analyse(new Parameters(REGION, Set.of(TieKind.SHARING), 3, 5, null), admin);
        assertThat(sharingOnly.ties()).as("only AN-1—AN-6 shares at least 3 clients").isEqualTo(1);
        assertThat(sharingOnly.isolatedCount()).isEqualTo(7);
        Report social = analysis.analyse(new Parameters(REGION, Set.of(TieKind.COLLABORATION), 2, 5, "SOCIAL"), admin);
        assertThat(social.nodes()).isEqualTo(4);
        assertThat(social.ties()).isEqualTo(6);
        assertThat(social.density()).isEqualTo(1.0);
    }

    @Test
    void whatIfTheOnlyWijkverpleegkundigeOfVlissingenLeaves() {
        WhatIf w = analysis.whatIf(new Parameters(REGION, Set.of(TieKind.COLLABORATION), 2, 5, null), Set.of("AN-9"), null,
                admin, () -> false);
        assertThat(w.coverageLost()).extracting(c -> c.municipalityCode() + " " + c.municipalityName() + " " + c.type())
                .containsExactly("GM0718 Vlissingen WIJKVERPLEGING");
        assertThat(w.componentsBefore()).isEqualTo(2);
        assertThat(w.componentsAfter()).isEqualTo(1);
        assertThat(w.isolatedBefore()).isEqualTo(1);
        assertThat(w.isolatedAfter()).isZero();
        assertThat(w.componentsSplit()).isZero();
        assertThat(w.clientsAffected().value()).isZero();
        assertThat(w.removed()).extracting(ProviderRef::id).containsExactly("AN-9");
    }

    @Test
    void whatIfTheBridgeProviderLeavesTheNetworkSplits() {
        WhatIf w = analysis.whatIf(new Parameters(REGION, Set.of(TieKind.COLLABORATION), 2, 5, null), Set.of("AN-4"), null,
                admin, () -> false);
        assertThat(w.tiesBefore()).isEqualTo(13);
        assertThat(w.tiesAfter()).isEqualTo(9);
        assertThat(w.componentsBefore()).isEqualTo(2);
        assertThat(w.componentsAfter()).isEqualTo(3);
        assertThat(w.largestAfter()).isEqualTo(4);
        assertThat(w.componentsSplit()).isEqualTo(1);
        assertThat(w.coverageLost()).as("AN-1..3 are huisartsen in Middelburg too").isEmpty();
        assertThat(w.brokersAfter()).as("two cliques have no brokers").isEmpty();
    }

    @Test
    void whatIfTheHuisartsOfSixClientsLeavesCountsTheirLossesSuppressedForPolicyAnalysts() {
        WhatIf forAdmin = analysis.whatIf(new Parameters(REGION, Set.of(TieKind.COLLABORATION), 2, 5, null), Set.of("AN-1"),
                null, admin, () -> false);
        assertThat(forAdmin.clientsAffected().value()).isEqualTo(6);
        assertThat(forAdmin.clientsLosingRequiredType().value()).as("dementia requires a huisarts").isEqualTo(6);
        assertThat(forAdmin.clientsLosingCoordinator().value()).isEqualTo(3);
        WhatIf forAnalyst = analysis.whatIf(new Parameters(REGION, Set.of(TieKind.COLLABORATION), 5, 5, null),
                Set.of("AN-1"), null, analyst, () -> false);
        assertThat(forAnalyst.clientsLosingRequiredType().format(java.util.Locale.of("nl"))).isEqualTo("6");
        assertThat(forAnalyst.clientsLosingCoordinator().format(java.util.Locale.of("nl"))).isEqualTo("<5");
    }

    @Test
    void whatIfANetworkDissolvesItsMembersLoseTheirMembershipTies() {
        assertThat(analysis.networks(REGION, admin)).extracting(o -> o.id() + " " + o.members()).containsExactly("AN-NET 4");
        WhatIf w = analysis.whatIf(new Parameters(REGION, Set.of(TieKind.NETWORK), 2, 5, null), Set.of(), "AN-NET", admin,
                () -> false);
        assertThat(w.networkName()).isEqualTo("Testnetwerk Walcheren");
        assertThat(w.tiesBefore()).isEqualTo(6);
        assertThat(w.tiesAfter()).isZero();
        assertThat(w.newlyIsolated()).extracting(ProviderRef::id).containsExactly("AN-5", "AN-6", "AN-7", "AN-8");
        assertThat(w.coverageLost()).isEmpty();
        assertThatThrownBy(() -> analysis.whatIf(new Parameters(REGION, Set.of(TieKind.NETWORK), 2, 5, null), Set.of(), null,
                admin, () -> false)).isInstanceOf(InvalidParameters.class)
                .hasMessage("Kies een of meer zorgaanbieders of een netwerk dat wegvalt");
        assertThatThrownBy(() -> analysis.whatIf(new Parameters(REGION, Set.of(TieKind.NETWORK), 2, 5, null), Set.of("P000001"),
                null, admin, () -> false)).isInstanceOf(InvalidParameters.class)
                .hasMessage("Zorgaanbieder P000001 ligt niet in deze regio (of dit domein)");
    }

    @Test
    void rolesAndBadInput() {
        Parameters collaborations = new Parameters(REGION, Set.of(TieKind.COLLABORATION), 2, 10, null);
        assertThatThrownBy(() -> analysis.analyse(collaborations, careStaff)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> analysis.analyse(collaborations, utrechtManager)).isInstanceOf(AccessDeniedException.class);
        // A policy analyst sees no tie that stands for fewer than five clients.
        assertThat(analysis.minimumSharedFor(analyst)).isEqualTo(5);
        assertThatThrownBy(() -> analysis.analyse(collaborations, analyst)).isInstanceOf(InvalidParameters.class)
                .hasMessage("Minimum aantal gedeelde cliënten moet tussen 5 en 1000 liggen, niet 2");
        Report forAnalyst = analysis.analyse(new Parameters(REGION, Set.of(TieKind.COLLABORATION), 5, 5, null), analyst);
        assertThat(forAnalyst.sharingWithoutAgreement()).allSatisfy(p -> assertThat(p.sharedClients()).isGreaterThanOrEqualTo(5));
        assertThat(forAnalyst.agreementsWithoutSharing()).extracting(Pair::sharedClients).containsOnly(0L);

        assertThatThrownBy(() -> analysis.analyse(new Parameters(REGION, Set.of(), 2, 10, null), admin))
                .isInstanceOf(InvalidParameters.class).hasMessage("Kies minstens één soort verbinding");
        assertThatThrownBy(() -> analysis.analyse(new Parameters("XX99", Set.of(TieKind.NETWORK), 2, 10, null), admin))
                .isInstanceOf(InvalidParameters.class).hasMessage("Onbekende regio: XX99");
        assertThatThrownBy(() -> analysis.analyse(new Parameters(REGION, Set.of(TieKind.NETWORK), 2, 1, null), admin))
                .isInstanceOf(InvalidParameters.class).hasMessageContaining("'Veel gedeelde cliënten'");
        assertThatThrownBy(() -> analysis.analyse(new Parameters(REGION, Set.of(TieKind.NETWORK), 2, 10, "'); DROP"), admin))
                .isInstanceOf(InvalidParameters.class).hasMessage("Onbekend domein: '); DROP");
    }
}
