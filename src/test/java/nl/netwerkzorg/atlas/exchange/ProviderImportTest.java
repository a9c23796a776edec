package nl.netwerkzorg.atlas.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.coverage.ProviderTypeCounts;
import nl.netwerkzorg.atlas.exchange.DataImport.Result;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Provider CSV import: valid files in the habits Dutch users have are written (and again, idempotently); every file of
 * the malformed corpus ({@code src/test/resources/import/malformed}, one defect each) is refused with a problem naming
 * where it is, and leaves the database exactly as it was.
 */
@AtlasSpringTest
class ProviderImportTest {

    static final AtlasPrincipal ADMIN = new AtlasPrincipal("import-admin", "", "Beheer", Role.ADMIN, true, null, List.of());
    static final Path CORPUS = Path.of("src/test/resources/import");

    @Autowired
    DataImport imports;
    @Autowired
    ProviderTypeCounts typeCounts;
    @Autowired
    Neo4jClient neo4j;

    @Autowired
    BackgroundWork background;

    /** Background work of the start (the patient-sharing network, then the client signals) writes too: wait for it. */
    @org.junit.jupiter.api.BeforeEach
    void quiet() throws InterruptedException {
        background.awaitQuiet();
    }

    @AfterEach
    void remove() {
        long removed = neo4j.query("""
                        MATCH (p:Provider) WHERE p.id STARTS WITH 'IMP-' OR p.id IN ['P-HOUTEN-001', 'P-HOUTEN-014', 'P-ZEIST-ELV-01']
                        DETACH DELETE p""").run().counters().nodesDeleted();
        neo4j.query("""
                MATCH (n) WHERE (n:Network AND n.id = 'N-DEM-UTRECHT-ZO') OR (n:Client AND n.id = 'C-HOUTEN-0001')
                             OR (n:InformalCarer AND n.id = 'M-HOUTEN-0001')
                             OR (n:CapacityUpdate AND n.providerId IN ['P-HOUTEN-001', 'P-ZEIST-ELV-01'])
                DETACH DELETE n""").run();
        neo4j.query("MATCH (e:AccessLogEntry {username: 'import-admin'}) DELETE e").run();
        neo4j.query("MATCH (h:ImportRecord {username: 'import-admin'}) DELETE h").run();
        if (removed > 0) {
            typeCounts.recomputeAll();
        }
    }

    static Stream<Path> malformed() throws IOException {
        return Files.list(CORPUS.resolve("malformed")).sorted();
    }

    /** Counts of everything but the import history, the derived-data markers and any imported test provider. */
    private String fingerprint() {
        return neo4j.query("""
                CALL () { MATCH (n) RETURN count(n) AS nodes }
                CALL () { MATCH (h:ImportRecord) RETURN count(h) AS history }
                CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
                CALL () { MATCH (d:AtlasDerived) RETURN collect(d.key + '@' + toString(d.computedAt)) AS markers }
                CALL () { MATCH (p:Provider) WHERE p.id STARTS WITH 'IMP-' RETURN collect(properties(p)) AS imported }
                RETURN nodes - history AS nodes, relationships, markers, imported""").fetch().one().orElseThrow().toString();
    }

    /** The fingerprint without what a repeated import legitimately renews: its times and the recomputed counts' marker. */
    private static String withoutTimes(String fingerprint) {
        return fingerprint.replaceAll("(importedAt|capacityUpdatedAt)=[^,}]*", "").replaceAll("providersByType@[^,\\]]*", "");
    }

    @Test
    void theMalformedCorpusHasAtLeastFiftyFiles() throws IOException {
        assertThat(malformed().count()).isGreaterThanOrEqualTo(50);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void eachMalformedFileIsRefusedWithAClearMessageAndChangesNothing(Path file) throws IOException {
        String before = fingerprint();
        Result result = imports.importFile(ADMIN, ImportKind.PROVIDERS, file.getFileName().toString(), Files.readAllBytes(file));
        assertThat(result.written()).isFalse();
        assertThat(result.validation().problems()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.message()).isNotBlank().doesNotContain("Exception"));
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(imports.history(ADMIN, 1)).singleElement().satisfies(h -> {
            assertThat(h.fileName()).isEqualTo(file.getFileName().toString());
            assertThat(h.accepted()).isFalse();
            assertThat(h.problems()).isPositive();
        });
    }

    @Test
    void problemsNameTheLineColumnAndValue() throws IOException {
        Result deep = imports.importFile(ADMIN, ImportKind.PROVIDERS, "x.csv", Files.readAllBytes(CORPUS.resolve("malformed/54-one-bad-row-among-a-thousand.csv")));
        assertThat(deep.validation().problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).isEqualTo("regel 1000, kolom gemeente ('GM0000'): "
                        + "Onbekende gemeentecode; verwacht GM met vier cijfers van een bestaande gemeente."));
        assertThat(deep.validation().rows()).isEqualTo(1000);
        Result formula = imports.importFile(ADMIN, ImportKind.PROVIDERS, "x.csv", Files.readAllBytes(CORPUS.resolve("malformed/44-formula-hyperlink.csv")));
        assertThat(formula.validation().problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo("naam");
            assertThat(p.value()).startsWith("=HYPERLINK(");
        });
        Result swapped = imports.importFile(ADMIN, ImportKind.PROVIDERS, "x.csv", Files.readAllBytes(CORPUS.resolve("malformed/34-swapped-coordinates.csv")));
        assertThat(swapped.validation().problems().getFirst().message()).contains("niet verwisseld");
        Result cp1252 = imports.importFile(ADMIN, ImportKind.PROVIDERS, "x.csv", Files.readAllBytes(CORPUS.resolve("malformed/52-windows-1252-unknown-type.csv")));
        assertThat(cp1252.validation().encoding()).isEqualTo("Windows-1252");
        assertThat(cp1252.validation().problems()).extracting(ImportProblem::column).containsExactly("soort");
    }

    @Test
    void validFilesAreWrittenWithSearchPointsAndServiceAreasAndAgainIdempotently() throws IOException {
        for (String name : List.of("semicolon-utf8-bom.csv", "comma-dot-decimals.csv", "windows-1252.csv")) {
            Result result = imports.importFile(ADMIN, ImportKind.PROVIDERS, name, Files.readAllBytes(CORPUS.resolve("valid/" + name)));
            assertThat(result.validation().problems()).as(name).isEmpty();
            assertThat(result.written()).as(name).isTrue();
        }
        Map<String, Object> one = neo4j.query("""
                        MATCH (p:Provider {id: 'IMP-1'})-[:LOCATED_IN]->(m:Municipality)
                        RETURN p.name AS name, p.agb AS agb, p.domain AS domain, p.searchPoint IS NOT NULL AS point,
                               p.location.latitude AS lat, m.code AS home,
                               COLLECT { MATCH (p)-[:SERVES]->(s) RETURN s.code ORDER BY s.code } AS serves""")
                .fetch().one().orElseThrow();
        assertThat(one).containsEntry("name", "Testpraktijk Een").containsEntry("agb", "87654321")
                .containsEntry("domain", "MEDICAL").containsEntry("point", true).containsEntry("home", "GM0687")
                .containsEntry("serves", List.of("GM0687", "GM0718"));
        assertThat((Double) one.get("lat")).isEqualTo(51.4988);
        assertThat(neo4j.query("MATCH (p:Provider {id: 'IMP-2'}) RETURN p.capacity + '/' + p.available").fetchAs(String.class).one())
                .contains("40/3");
        assertThat(neo4j.query("MATCH (p:Provider {id: 'IMP-4'}) RETURN p.name").fetchAs(String.class).one())
                .contains("Zorggroep Coöperatie Zeeën");

        String before = fingerprint();
        Result again = imports.importFile(ADMIN, ImportKind.PROVIDERS, "again.csv", Files.readAllBytes(CORPUS.resolve("valid/semicolon-utf8-bom.csv")));
        assertThat(again.written()).isTrue();
        assertThat(again.validation().inserted()).isZero();
        assertThat(again.validation().updated()).isEqualTo(2);
        assertThat(withoutTimes(fingerprint())).isEqualTo(withoutTimes(before));
    }

    @Test
    void aLineBreakInAQuotedCellAndFullPrecisionCoordinatesAreAccepted() {
        String csv = String.join(";", ProviderTable.COLUMNS.subList(0, 14)) + "\r\nIMP-5;;;Test;HUISARTS;GM0687;\"Markt 5\r\nMiddelburg\";"
                + "51.49880000000001;3,610899999999999;ja;;;;\r\nIMP-6;;;Test zes;APOTHEEK;GM0687;;51,5;3,6;nee;;;;\r\n";
        Result result = imports.importFile(ADMIN, ImportKind.PROVIDERS, "multiline.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(result.validation().problems()).isEmpty();
        assertThat(result.validation().rows()).isEqualTo(2);
        assertThat(neo4j.query("MATCH (p:Provider {id: 'IMP-5'}) RETURN p.address").fetchAs(String.class).one())
                .contains("Markt 5\nMiddelburg");
        Result broken = imports.importFile(ADMIN, ImportKind.PROVIDERS, "broken.csv", (String.join(";", ProviderTable.COLUMNS.subList(0, 14))
                + "\nIMP-7;;;\"Test;HUISARTS;GM0687;;51,5;3,6;ja;;;;\nIMP-8;;;Acht;HUISARTS;GM0687;;51,5;3,6;ja;;;;\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(broken.validation().problems()).extracting(ImportProblem::toString)
                .containsExactly("regel 2: Een aanhalingsteken (\") wordt niet gesloten.");
    }

    /**
     * The templates as the screen offers them name one another's examples, so downloaded and imported one after the
     * other (in the restore order) each is accepted. Region layers and inhabitants are only validated: written, they
     * would change the shared reference geography other tests read.
     */
    @Test
    void everyTemplateImportsCleanlyOneAfterTheOther() {
        for (ImportKind kind : ImportKind.values()) {
            if (kind == ImportKind.REGIONS || kind == ImportKind.INHABITANTS) {
                assertThat(imports.validate(ADMIN, kind, kind.fileStem() + "-sjabloon.csv", imports.template(kind)).problems())
                        .as(kind.name()).isEmpty();
                continue;
            }
            Result result = imports.importFile(ADMIN, kind, kind.fileStem() + "-sjabloon.csv", imports.template(kind));
            assertThat(result.validation().problems()).as(kind.name()).isEmpty();
            assertThat(result.written()).as(kind.name()).isTrue();
        }
        assertThat(neo4j.query("""
                MATCH (c:Client {id: 'C-HOUTEN-0001'})<-[:COORDINATES]-(p:Provider), (:InformalCarer {id: 'M-HOUTEN-0001'})-[:SUPPORTS]->(c)
                RETURN p.id""").fetchAs(String.class).one()).contains("P-HOUTEN-001");
        assertThat(new String(imports.template(ImportKind.PROVIDERS), StandardCharsets.UTF_8)).startsWith("\uFEFFid;agb;kvk;naam;soort;gemeente");
    }

    @Test
    void anAgbCodeOfAnotherProviderIsRefused() {
        String taken = neo4j.query("MATCH (p:Provider) WHERE p.agb IS NOT NULL RETURN p.agb LIMIT 1").fetchAs(String.class).one()
                .orElseThrow();
        String csv = String.join(";", ProviderTable.COLUMNS.subList(0, 14)) + "\nIMP-9;" + taken
                + ";;Test;HUISARTS;GM0687;;51,49;3,61;ja;;;;\n";
        Result result = imports.importFile(ADMIN, ImportKind.PROVIDERS, "agb.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(result.written()).isFalse();
        assertThat(result.validation().problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("Deze AGB-code hoort al bij zorgaanbieder ");
        });
    }

    @Test
    void onlyAnAdministratorImportsProviders() {
        AtlasPrincipal manager = new AtlasPrincipal("import-manager", "", "Netwerk", Role.NETWORK_MANAGER, true, null,
                List.of("PV29"));
        assertThatThrownBy(() -> imports.importFile(manager, ImportKind.PROVIDERS, "x.csv", imports.template(ImportKind.PROVIDERS))).isInstanceOf(AccessDeniedException.class);
        // A network manager sees their own imports only (here: none); a policy analyst none at all.
        assertThat(imports.history(manager, 5)).isEmpty();
        AtlasPrincipal analyst = new AtlasPrincipal("import-analyst", "", "Beleid", Role.POLICY_ANALYST, true, null, List.of());
        assertThatThrownBy(() -> imports.history(analyst, 5)).isInstanceOf(AccessDeniedException.class);
    }
}
