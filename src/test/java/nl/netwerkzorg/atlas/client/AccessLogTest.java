package nl.netwerkzorg.atlas.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.client.ClientAccessLog.Action;
import nl.netwerkzorg.atlas.client.ClientAccessLog.Entry;
import nl.netwerkzorg.atlas.client.ClientAccessLog.Filter;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

/** The Toegangslog: filtered by administrators only, its export logged, and no statement of the application alters it. */
@AtlasSpringTest
class AccessLogTest {

    /** The application's days are Dutch days (between 23:00 and 24:00 UTC it is already tomorrow in Amsterdam). */
    static final java.time.ZoneId AMSTERDAM = java.time.ZoneId.of("Europe/Amsterdam");

    static final AtlasPrincipal ADMIN = new AtlasPrincipal("log-admin", "", "Beheer", Role.ADMIN, true, null, List.of());
    static final AtlasPrincipal MANAGER = new AtlasPrincipal("log-manager", "", "Netwerk", Role.NETWORK_MANAGER, true, null,
            List.of("PV29"));
    static final AtlasPrincipal CARE = new AtlasPrincipal("log-care", "", "Zorg", Role.CARE_STAFF, true, "CF-CM", List.of());

    @Autowired
    ClientAccessLog log;
    @Autowired
    Neo4jClient neo4j;

    @BeforeEach
    void entries() {
        remove();
        log.record(MANAGER, List.of("C9620001", "C9620002"), Action.EXPORT, "test export");
        log.record(CARE, List.of("C9620001"), Action.VIEW_DETAIL, "test view");
        log.record(CARE, List.of("C9620003"), Action.EDIT, "test edit");
    }

    @AfterEach
    void remove() {
        neo4j.query("MATCH (e:AccessLogEntry) WHERE e.clientId STARTS WITH 'C96200' DELETE e").run();
    }

    @Test
    void filtersByUserClientActionAndDay() {
        assertThat(log.search(ADMIN, new Filter("log-care", "", Optional.empty(), Optional.empty(), Optional.empty()), 0, 10))
                .extracting(Entry::clientId).containsExactly("C9620003", "C9620001");
        assertThat(log.search(ADMIN, new Filter("", "c9620001", Optional.empty(), Optional.empty(), Optional.empty()), 0, 10))
                .extracting(Entry::action).containsExactlyInAnyOrder("EXPORT", "VIEW_DETAIL");
        assertThat(log.count(ADMIN, new Filter("", "", Optional.of(Action.EDIT), Optional.of(LocalDate.now(AMSTERDAM)),
                Optional.of(LocalDate.now(AMSTERDAM))))).isGreaterThanOrEqualTo(1);
        assertThat(log.count(ADMIN, new Filter("log-manager", "", Optional.empty(), Optional.of(LocalDate.now(AMSTERDAM).plusDays(1)),
                Optional.empty()))).isZero();
        assertThat(log.count(ADMIN, new Filter("log-manager", "", Optional.empty(), Optional.empty(),
                Optional.of(LocalDate.now(AMSTERDAM).minusDays(1))))).isZero();
        assertThat(log.search(ADMIN, new Filter("log-manager", "", Optional.empty(), Optional.empty(), Optional.empty()), 1, 1))
                .hasSize(1);
    }

    @Test
    void onlyAnAdministratorReadsTheLogAndTheExportIsLoggedToo() {
        for (AtlasPrincipal other : List.of(MANAGER, CARE)) {
            assertThatThrownBy(() -> log.search(other, Filter.none(), 0, 10)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> log.count(other, Filter.none())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> log.export(other, Filter.none())).isInstanceOf(AccessDeniedException.class);
        }
        List<Entry> exported = log.export(ADMIN, new Filter("log-care", "", Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(exported).hasSize(2);
        assertThat(log.entriesFor("C9620001", 10)).extracting(e -> e.username() + " " + e.action() + " " + e.context())
                .contains("log-admin EXPORT Toegangslog › export CSV");
    }

    /** No statement in the application's code or queries changes or deletes an access-log entry. */
    @Test
    void noStatementOfTheApplicationAltersTheLog() throws IOException {
        Pattern altering = Pattern.compile("(?s)AccessLogEntry[^\"]*?\\b(SET|DELETE|REMOVE|DETACH|MERGE)\\b");
        List<Path> sources;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("cypher")))) {
            sources = files.filter(Files::isRegularFile).toList();
        }
        assertThat(sources).hasSizeGreaterThan(50);
        for (Path source : sources) {
            String text = Files.readString(source);
            for (String statement : text.split("\"\"\"|;")) {
                if (statement.contains("AccessLogEntry")) {
                    assertThat(altering.matcher(statement).find()).as(source + ": " + statement.strip()).isFalse();
                }
            }
        }
    }
}
