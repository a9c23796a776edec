package nl.netwerkzorg.atlas.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.coverage.ProviderTypeCounts;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

/** The provider export is the import's format: exported providers import again, unchanged. */
@AtlasSpringTest
class ProviderExportTest {

    static final AtlasPrincipal ADMIN = new AtlasPrincipal("export-admin", "", "Beheer", Role.ADMIN, true, null, List.of());

    @Autowired
    DataExport exports;
    @Autowired
    DataImport imports;
    @Autowired
    ProviderTypeCounts typeCounts;
    @Autowired
    Neo4jClient neo4j;

    @AfterEach
    void remove() {
        neo4j.query("MATCH (p:Provider) WHERE p.id STARTS WITH 'IMP-' DETACH DELETE p").run();
        neo4j.query("MATCH (h:ImportRecord {username: 'export-admin'}) DELETE h").run();
        typeCounts.recomputeAll();
    }

    private String imported() {
        return neo4j.query("""
                MATCH (p:Provider) WHERE p.id STARTS WITH 'IMP-'
                RETURN p.id AS id, p.agb AS agb, p.kvk AS kvk, p.name AS name, p.type AS type, p.domain AS domain,
                       p.municipalityCode AS m, p.address AS address, p.location AS location, p.searchPoint AS point,
                       p.acceptingClients AS accepting, p.capacity AS capacity, p.available AS available,
                       p.waitingDays AS waiting, COLLECT { MATCH (p)-[:SERVES]->(s) RETURN s.code ORDER BY s.code } AS serves,
                       COLLECT { MATCH (p)-[:LOCATED_IN]->(s) RETURN s.code } AS home
                ORDER BY id""").fetch().all().toString();
    }

    @Test
    void anExportedRegionImportsAgainUnchanged() throws Exception {
        Path valid = Path.of("src/test/resources/import/valid");
        for (String name : List.of("semicolon-utf8-bom.csv", "windows-1252.csv")) {
            assertThat(imports.importFile(ADMIN, ImportKind.PROVIDERS, name, Files.readAllBytes(valid.resolve(name))).written()).isTrue();
        }
        String before = imported();
        byte[] csv = exports.export(ADMIN, ImportKind.PROVIDERS, Optional.of("PV29"));
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF" + String.join(";", ProviderTable.COLUMNS) + "\r\n")
                .contains("IMP-1;87654321;11223344;Testpraktijk Een;HUISARTS;GM0687;\"Markt 1, Middelburg\";51,4988;3,6109;ja;;;3;GM0687|GM0718")
                .contains("IMP-2;87654322;11223344;Testverpleeghuis Twee;VERPLEEGHUIS;GM0687;\"Markt 1, Middelburg\";51,4988;3,6109;ja;40;3;3;");

        neo4j.query("MATCH (p:Provider) WHERE p.id STARTS WITH 'IMP-' DETACH DELETE p").run();
        DataImport.Result again = imports.importFile(ADMIN, ImportKind.PROVIDERS, "export.csv", csv);
        assertThat(again.validation().problems()).isEmpty();
        assertThat(imported()).isEqualTo(before);
    }

    @Test
    void theWholeDemoRegisterPassesTheImportChecks() {
        byte[] csv = exports.export(ADMIN, ImportKind.PROVIDERS, Optional.of("PV26"));
        long providers = neo4j.query("""
                        MATCH (:Region {code: 'PV26'})<-[:IN_REGION]-(:Municipality)<-[:LOCATED_IN]-(p:Provider) RETURN count(p)""")
                .fetchAs(Long.class).one().orElseThrow();
        DataImport.Validation validation = imports.validate(ADMIN, ImportKind.PROVIDERS, "utrecht.csv", csv);
        assertThat(validation.problems()).isEmpty();
        assertThat(validation.rows()).isEqualTo((int) providers).isGreaterThan(1000);
        assertThat(validation.updated()).isEqualTo((int) providers);
    }

    @Test
    void onlyAnAdministratorExports() {
        AtlasPrincipal analyst = new AtlasPrincipal("export-analyst", "", "Beleid", Role.POLICY_ANALYST, true, null, List.of());
        assertThatThrownBy(() -> exports.export(analyst, ImportKind.PROVIDERS, Optional.empty())).isInstanceOf(AccessDeniedException.class);
    }
}
