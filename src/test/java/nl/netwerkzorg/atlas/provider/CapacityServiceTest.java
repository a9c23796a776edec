package nl.netwerkzorg.atlas.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.provider.Capacity.Current;
import nl.netwerkzorg.atlas.provider.Capacity.InvalidUpdate;
import nl.netwerkzorg.atlas.provider.Capacity.Update;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import nl.netwerkzorg.atlas.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

/** Capacity upkeep: who may update, validation that changes nothing, attribution, history and staleness. */
@AtlasSpringTest
class CapacityServiceTest {

    static final Locale NL = Locale.of("nl");

    @Autowired
    CapacityService capacity;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    UserService users;

    AtlasPrincipal elvStaff;
    AtlasPrincipal otherStaff;

    @BeforeEach
    void fixture() {
        neo4j.query("""
                CREATE (:Provider {id: 'TC-ELV', name: 'Test-ELV Capaciteit', type: 'ELV', domain: 'LONG_TERM',
                        capacity: 10, available: 2, acceptingClients: true, waitingDays: 0,
                        capacityUpdatedAt: datetime() - duration({hours: 30})})
                CREATE (:Provider {id: 'TC-WV', name: 'Testwijkzorg Capaciteit', type: 'WIJKVERPLEGING', domain: 'LONG_TERM',
                        acceptingClients: false, waitingDays: 40, capacityUpdatedAt: datetime() - duration({days: 3})})""").run();
        elvStaff = new AtlasPrincipal("elv-test", "", "ELV", Role.CARE_STAFF, true, "TC-ELV", List.of());
        otherStaff = new AtlasPrincipal("wv-test", "", "WV", Role.CARE_STAFF, true, "TC-WV", List.of());
    }

    @AfterEach
    void remove() {
        neo4j.query("MATCH (n) WHERE (n:Provider AND n.id STARTS WITH 'TC-') OR (n:CapacityUpdate AND n.providerId STARTS WITH 'TC-') DETACH DELETE n").run();
    }

    @Test
    void staleAfter24HoursForBedsAnd30DaysOtherwise() {
        assertThat(capacity.current("TC-ELV", NL).orElseThrow().stale()).isTrue();
        assertThat(capacity.current("TC-WV", NL).orElseThrow().stale()).isFalse();
        CapacityProperties limits = capacity.properties();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(limits.isStale(true, now.minusHours(23), now)).isFalse();
        assertThat(limits.isStale(true, now.minusHours(25), now)).isTrue();
        assertThat(limits.isStale(false, now.minusDays(29), now)).isFalse();
        assertThat(limits.isStale(false, now.minusDays(31), now)).isTrue();
        assertThat(limits.isStale(false, null, now)).isTrue();
    }

    @Test
    void careStaffUpdateTheirOwnProviderTimestampedAttributedAndKept() {
        Current updated = capacity.update("TC-ELV", new Update(12, 4, true, 0), elvStaff, NL);
        assertThat(updated.capacity()).isEqualTo(12);
        assertThat(updated.available()).isEqualTo(4);
        assertThat(updated.updatedBy()).isEqualTo("elv-test");
        assertThat(updated.stale()).isFalse();
        assertThat(updated.updatedAt()).isAfter(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));
        capacity.update("TC-ELV", new Update(12, 0, false, 3), elvStaff, NL);
        assertThat(capacity.history("TC-ELV", 10)).extracting(Capacity.HistoryEntry::available).containsExactly(0, 4);
        assertThat(capacity.history("TC-ELV", 10)).allSatisfy(h -> assertThat(h.username()).isEqualTo("elv-test"));

        Current admin = capacity.update("TC-WV", new Update(null, null, true, 7), users.loadUserByUsername("admin"), NL);
        assertThat(admin.acceptingClients()).isTrue();
        assertThat(admin.waitingDays()).isEqualTo(7);
        assertThat(admin.updatedBy()).isEqualTo("admin");
    }

    @Test
    void othersMayNotUpdateAndNothingChanges() {
        assertThatThrownBy(() -> capacity.update("TC-ELV", new Update(10, 5, true, 0), otherStaff, NL))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> capacity.update("TC-ELV", new Update(10, 5, true, 0), users.loadUserByUsername("beleid"), NL))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> capacity.update("TC-ELV", new Update(10, 5, true, 0), users.loadUserByUsername("netwerkmanager"), NL))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(capacity.current("TC-ELV", NL).orElseThrow().available()).isEqualTo(2);
        assertThat(capacity.history("TC-ELV", 10)).isEmpty();
    }

    @Test
    void invalidValuesGetAClearMessageAndChangeNothing() {
        record Case(String provider, Update update, String field, String message) {
        }
        AtlasPrincipal admin = users.loadUserByUsername("admin");
        for (Case c : List.of(
                new Case("TC-ELV", new Update(10, 11, true, 0), "available", "Er kunnen niet meer bedden vrij zijn (11) dan er zijn (10)"),
                new Case("TC-ELV", new Update(-1, 0, false, 0), "capacity", "Aantal bedden moet tussen 0 en 5000 liggen"),
                new Case("TC-ELV", new Update(null, 0, false, 0), "capacity", "Aantal bedden moet tussen 0 en 5000 liggen"),
                new Case("TC-ELV", new Update(10, -2, false, 0), "available", "Vrije bedden moet 0 of meer zijn"),
                new Case("TC-ELV", new Update(10, 0, true, 0), "acceptingClients",
                        "Zonder vrije bedden kan de aanbieder geen nieuwe cliënten opnemen: zet 'neemt cliënten aan' uit"),
                new Case("TC-WV", new Update(5, 1, true, 0), "capacity", "Deze soort zorgaanbieder heeft geen bedden: laat bedden leeg"),
                new Case("TC-WV", new Update(null, null, true, 999), "waitingDays", "Wachttijd moet tussen 0 en 730 dagen liggen"),
                new Case("TC-NONE", new Update(null, null, true, 1), "provider", "Onbekende zorgaanbieder: TC-NONE"))) {
            assertThatThrownBy(() -> capacity.update(c.provider(), c.update(), admin, NL))
                    .as(c.toString()).isInstanceOf(InvalidUpdate.class).hasMessage(c.message())
                    .satisfies(e -> assertThat(((InvalidUpdate) e).field()).isEqualTo(c.field()));
        }
        Current elv = capacity.current("TC-ELV", NL).orElseThrow();
        assertThat(elv.capacity()).isEqualTo(10);
        assertThat(elv.available()).isEqualTo(2);
        assertThat(capacity.history("TC-ELV", 10)).isEmpty();
        assertThat(capacity.history("TC-WV", 10)).isEmpty();
    }
}
