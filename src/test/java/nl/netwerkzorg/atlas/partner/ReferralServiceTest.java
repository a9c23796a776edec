package nl.netwerkzorg.atlas.partner;

import static nl.netwerkzorg.atlas.partner.PartnerFixture.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.client.ClientAccessLog;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import nl.netwerkzorg.atlas.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/** "Verwijzing vastleggen": recorded and logged when allowed; refused with nothing written otherwise. */
@AtlasSpringTest
class ReferralServiceTest {

    @Autowired
    ReferralService referrals;
    @Autowired
    ClientAccessLog accessLog;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    UserService users;

    AtlasPrincipal huisarts;

    @BeforeEach
    void fixture() {
        PartnerFixture.create(neo4j);
        huisarts = new AtlasPrincipal("ha-test", "", "Huisarts", Role.CARE_STAFF, true, "TP-HA", List.of());
    }

    @AfterEach
    void removeFixture() {
        PartnerFixture.remove(neo4j);
    }

    private long referralTies() {
        return neo4j.query("MATCH (:Provider {id: 'TP-HA'})-[k:COLLABORATES_WITH {kind: 'REFERRAL'}]->() RETURN count(k)")
                .fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void recordsAReferralBetweenTheTwoProvidersAndLogsIt() {
        ReferralService.Referral referral = referrals.record(CLIENT, "TP-W2", "Wondzorg na ontslag", huisarts);
        assertThat(referral.fromId()).isEqualTo("TP-HA");
        assertThat(referral.toName()).isEqualTo("Testwijkzorg Twee");
        assertThat(referrals.referralsOf(CLIENT)).extracting(ReferralService.Referral::toId).containsExactly("TP-W2");
        assertThat(neo4j.query("""
                        MATCH (r:Referral {id: $id})-[:FROM]->(:Provider {id: 'TP-HA'}), (r)-[:TO]->(:Provider {id: 'TP-W2'}),
                              (r)-[:FOR]->(:Client {id: $client})
                        RETURN r.username + ' | ' + r.note""")
                .bind(referral.id()).to("id").bind(CLIENT).to("client").fetchAs(String.class).one())
                .contains("ha-test | Wondzorg na ontslag");
        assertThat(referralTies()).isEqualTo(1);
        assertThat(accessLog.entriesFor(CLIENT, 5)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("REFERRAL");
            assertThat(e.username()).isEqualTo("ha-test");
            assertThat(e.context()).isEqualTo("Verwijzing naar Testwijkzorg Twee");
        });
        // A second referral to the same provider adds a referral, not a second tie.
        referrals.record(CLIENT, "TP-W2", "", huisarts);
        assertThat(referralTies()).isEqualTo(1);
        assertThat(referrals.referralsOf(CLIENT)).hasSize(2);
    }

    @Test
    void aReferralAgainstTheClientsObjectionIsRefusedAndNothingIsRecorded() {
        assertThatThrownBy(() -> referrals.record(CLIENT, "TP-W5", "", huisarts))
                .isInstanceOf(ReferralService.Refused.class)
                .hasMessage("De cliënt heeft bezwaar gemaakt tegen het delen van gegevens met Testwijkzorg Vijf; er is niets vastgelegd");
        assertThat(referrals.referralsOf(CLIENT)).isEmpty();
        assertThat(referralTies()).isZero();
        assertThat(accessLog.entriesFor(CLIENT, 5)).isEmpty();
    }

    @Test
    void otherRefusalsWriteNothingEither() {
        assertThatThrownBy(() -> referrals.record(PartnerFixture.FOREIGN_CLIENT, "TP-W2", "", huisarts))
                .isInstanceOf(ReferralService.Refused.class).hasMessageContaining("niet (meer) in uw zorg");
        assertThatThrownBy(() -> referrals.record(CLIENT, "TP-AP", "", huisarts))
                .isInstanceOf(ReferralService.Refused.class).hasMessageContaining("zorgt al voor deze cliënt");
        assertThatThrownBy(() -> referrals.record(CLIENT, "TP-HA", "", huisarts))
                .isInstanceOf(ReferralService.Refused.class).hasMessageContaining("eigen organisatie");
        assertThatThrownBy(() -> referrals.record(CLIENT, "TP-NOPE", "", huisarts))
                .isInstanceOf(ReferralService.Refused.class).hasMessage("Onbekende zorgaanbieder: TP-NOPE");
        assertThatThrownBy(() -> referrals.record(CLIENT, "TP-W2", "x".repeat(501), huisarts))
                .isInstanceOf(ReferralService.Refused.class).hasMessageContaining("te lang");
        assertThatThrownBy(() -> referrals.record(CLIENT, "TP-W2", "", users.loadUserByUsername("admin")))
                .isInstanceOf(ReferralService.Refused.class).hasMessageContaining("Alleen een zorgverlener");
        assertThat(referrals.referralsOf(CLIENT)).isEmpty();
        assertThat(referralTies()).isZero();
        assertThat(accessLog.entriesFor(CLIENT, 5)).isEmpty();
    }
}
