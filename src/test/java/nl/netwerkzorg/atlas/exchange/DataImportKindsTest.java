package nl.netwerkzorg.atlas.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.exchange.DataImport.Result;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Every CSV kind but the provider register (ProviderImportTest): a small network in Vlissingen imported kind by kind in
 * the documented order, checked in the graph, exported and imported again unchanged; and for each kind the mistakes
 * users make, each refused with a message at its line and column while the database stays as it was.
 */
@AtlasSpringTest
class DataImportKindsTest {

    static final AtlasPrincipal ADMIN = new AtlasPrincipal("kinds-admin", "", "Beheer", Role.ADMIN, true, null, List.of());

    @Autowired
    DataImport imports;
    @Autowired
    DataExport exports;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    BackgroundWork background;

    @BeforeEach
    void quiet() throws InterruptedException {
        background.awaitQuiet();
    }

    @AfterEach
    void remove() {
        neo4j.query("""
                MATCH (n) WHERE (n:Provider OR n:Network OR n:Client OR n:InformalCarer) AND n.id STARTS WITH 'IMX-'
                DETACH DELETE n""").run();
        neo4j.query("MATCH (u:CapacityUpdate) WHERE u.providerId STARTS WITH 'IMX-' DELETE u").run();
        neo4j.query("MATCH (e:AccessLogEntry {username: 'kinds-admin'}) DELETE e").run();
        neo4j.query("MATCH (r:Region {kind: 'IMXREGIO'}) DETACH DELETE r").run();
        neo4j.query("MATCH (h:ImportRecord) WHERE h.username IN ['kinds-admin', 'kinds-manager'] DELETE h").run();
    }

    private Result load(ImportKind kind, String csv) {
        return imports.importFile(ADMIN, kind, kind.fileStem() + ".csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private Result ok(ImportKind kind, String csv) {
        Result result = load(kind, csv);
        assertThat(result.validation().problems()).as(kind + " problems").isEmpty();
        assertThat(result.written()).isTrue();
        return result;
    }

    private Object one(String cypher) {
        return neo4j.query(cypher).fetch().one().map(m -> m.values().iterator().next()).orElse(null);
    }

    /**
     * Counts and properties of everything the test touches (and all nodes/relationships but the history and the access
     * log, which exports and imports of client files add to — checked on their own).
     */
    private String fingerprint() {
        return neo4j.query("""
                CALL () { MATCH (n) WHERE NOT n:ImportRecord AND NOT n:AccessLogEntry RETURN count(n) AS nodes }
                CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
                CALL () { MATCH (n) WHERE n.id STARTS WITH 'IMX-' WITH n ORDER BY n.id RETURN collect(properties(n)) AS ours }
                CALL () {
                  MATCH (n)-[r]-(m) WHERE n.id STARTS WITH 'IMX-'
                  WITH n, r, m ORDER BY n.id, type(r), coalesce(m.id, m.code), toString(r.until)
                  RETURN collect([n.id, type(r), coalesce(m.id, m.code), properties(r)]) AS rels
                }
                RETURN nodes, relationships, ours, rels""").fetch().one().orElseThrow().toString()
                .replaceAll("(importedAt|capacityUpdatedAt|flagsComputedAt)=[^,}]*", "");
    }

    private static final String PROVIDERS = """
            id;agb;kvk;naam;soort;gemeente;adres;breedtegraad;lengtegraad;neemt_clienten_aan;capaciteit;beschikbaar;wachtdagen;werkgebied
            IMX-HA;87654321;;Huisartsen Scheldekade;HUISARTS;GM0718;;51,4426;3,5736;ja;;;;GM0718
            IMX-WV;;;Wijkverpleging Walcheren;WIJKVERPLEGING;GM0718;;51,4500;3,5800;ja;;;5;GM0718|GM0687
            IMX-ELV;;;ELV Vlissingen;ELV;GM0718;;51,4550;3,5900;ja;12;2;0;GM0718
            IMX-AP;;;Apotheek Boulevard;APOTHEEK;GM0718;;51,4420;3,5700;ja;;;;GM0718
            """;

    private void network() {
        ok(ImportKind.PROVIDERS, PROVIDERS);
        ok(ImportKind.NETWORKS, """
                id;naam;soort;aandoeningen;werkgebied
                IMX-N1;Dementienetwerk Walcheren;DEMENTIENETWERK;DEMENTIE;GM0718|GM0687
                """);
        ok(ImportKind.MEMBERSHIPS, """
                netwerk;zorgaanbieder;rol;sinds;verwijderen
                IMX-N1;IMX-HA;PENVOERDER;2024-01-01;
                IMX-N1;IMX-WV;;15-03-2024;
                """);
        ok(ImportKind.COLLABORATIONS, """
                zorgaanbieder;partner;soort;sinds;formeel;verwijderen
                87654321;IMX-WV;AGREEMENT;2023-09-01;;
                IMX-HA;IMX-AP;MDO;;nee;
                """);
        ok(ImportKind.CLIENTS, """
                id;geboortejaar;gemeente;aandoeningen;bezwaar
                IMX-C1;1940;GM0718;DEMENTIE;
                IMX-C2;1990;GM0718;;IMX-AP
                """);
        ok(ImportKind.CARE_RELATIONS, """
                client;zorgaanbieder;rol;sinds;coordinator;einde
                IMX-C1;IMX-HA;BEHANDELAAR;2024-02-01;ja;
                IMX-C1;IMX-WV;VERPLEEGKUNDIGE;2024-02-15;;
                IMX-C1;IMX-ELV;ZORGVERLENER;2024-03-01;;2024-03-20
                IMX-C2;87654321;BEHANDELAAR;;;
                """);
        ok(ImportKind.CARERS, """
                id;client;rol;sinds;bekend_bij
                IMX-M1;IMX-C1;PARTNER;2024-02-01;IMX-WV
                IMX-M2;IMX-C1;KIND;;
                """);
    }

    @Test
    void aWholeNetworkImportsKindByKindAndLandsInTheGraph() {
        network();
        assertThat(one("MATCH (:Provider {id: 'IMX-WV'})-[m:MEMBER_OF]->(:Network {id: 'IMX-N1'}) RETURN m.role")).isEqualTo("LID");
        assertThat(one("MATCH (:Provider {id: 'IMX-HA'})-[m:MEMBER_OF]->(:Network {id: 'IMX-N1'}) RETURN m.role")).isEqualTo("PENVOERDER");
        assertThat(one("MATCH (n:Network {id: 'IMX-N1'}) RETURN n.focusCondition")).isEqualTo("DEMENTIE");
        assertThat(one("MATCH (:Network {id: 'IMX-N1'})-[:COVERS]->(m) RETURN count(m)")).isEqualTo(2L);
        assertThat(one("MATCH (:Provider {id: 'IMX-HA'})-[c:COLLABORATES_WITH {kind: 'AGREEMENT'}]->(:Provider {id: 'IMX-WV'}) RETURN c.formal"))
                .isEqualTo(true);
        assertThat(one("MATCH (c:Client {id: 'IMX-C1'}) RETURN c.ageBand")).isEqualTo("85+");
        assertThat(one("MATCH (c:Client {id: 'IMX-C2'}) RETURN c.objections")).isEqualTo(List.of("IMX-AP"));
        assertThat(one("MATCH (:Provider {id: 'IMX-HA'})-[:COORDINATES]->(c:Client {id: 'IMX-C1'}) RETURN count(c)")).isEqualTo(1L);
        assertThat(one("MATCH (:Provider {id: 'IMX-ELV'})-[r:CARED_FOR]->(:Client {id: 'IMX-C1'}) RETURN toString(r.until)"))
                .isEqualTo("2024-03-20");
        assertThat(one("MATCH (:Provider {id: 'IMX-ELV'})-[r:CARES_FOR]->(:Client {id: 'IMX-C1'}) RETURN count(r)")).isEqualTo(0L);
        assertThat(one("MATCH (:InformalCarer {id: 'IMX-M1'})-[:KNOWN_TO]->(p) RETURN p.id")).isEqualTo("IMX-WV");
        // The signals were evaluated with the import: C1 has a dementia pathway gap (no casemanager) but a coordinator.
        @SuppressWarnings("unchecked")
        List<String> flags = (List<String>) one("MATCH (c:Client {id: 'IMX-C1'}) RETURN c.flags");
        assertThat(flags).contains("PATHWAY_GAP").doesNotContain("NO_COORDINATOR");
        // Health data: every client written is in the access log, once per file that wrote it.
        assertThat(one("MATCH (e:AccessLogEntry {username: 'kinds-admin', action: 'IMPORT', clientId: 'IMX-C1'}) RETURN count(e)"))
                .isEqualTo(3L);
        assertThat(imports.history(ADMIN, 20)).extracting(DataImport.HistoryEntry::kind)
                .contains("PROVIDERS", "NETWORKS", "MEMBERSHIPS", "COLLABORATIONS", "CLIENTS", "CARE_RELATIONS", "CARERS");
    }

    @Test
    void everyKindExportsInItsImportFormatAndImportsBackUnchanged() {
        network();
        ok(ImportKind.REGIONS, """
                region_kind;region_code;region_name;municipality_code
                IMXREGIO;IMX-R1;Walcheren;GM0718
                IMXREGIO;IMX-R1;Walcheren;GM0687
                """);
        String before = fingerprint();
        List<ImportKind> kinds = new java.util.ArrayList<>(List.of(ImportKind.values()));
        kinds.remove(ImportKind.INHABITANTS); // only imported figures export; the test store holds estimates
        kinds.remove(ImportKind.CAPACITY); // a capacity file is a new report (it refreshes the figures): last, below
        for (ImportKind kind : kinds) {
            byte[] csv = exports.export(ADMIN, kind, Optional.of("PV29"));
            String text = new String(csv, StandardCharsets.UTF_8);
            assertThat(text).as(kind.name()).startsWith("\uFEFF" + String.join(";", imports.table(kind).columns()));
            assertThat(text).as(kind.name()).contains("IMX-");
            Result again = imports.importFile(ADMIN, kind, "export.csv", csv);
            assertThat(again.validation().problems()).as(kind.name()).isEmpty();
            assertThat(again.written()).isTrue();
            assertThat(again.validation().inserted()).as(kind + " rows new on re-import").isZero();
        }
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(one("MATCH (e:AccessLogEntry {username: 'kinds-admin', action: 'EXPORT'}) WHERE e.clientId STARTS WITH 'IMX-' RETURN count(e)"))
                .as("one entry per client per exported client file").isEqualTo(5L);
        // Only this test's providers: a capacity report of another test's fixture would make its figures fresh.
        String capacity = ours(exports.export(ADMIN, ImportKind.CAPACITY, Optional.of("PV29")));
        Result reported = imports.importFile(ADMIN, ImportKind.CAPACITY, "capaciteit.csv", capacity.getBytes(StandardCharsets.UTF_8));
        assertThat(reported.validation().problems()).isEmpty();
        assertThat(reported.validation().rows()).isEqualTo(4);
        assertThat(ours(exports.export(ADMIN, ImportKind.CAPACITY, Optional.of("PV29")))).isEqualTo(capacity);
    }

    /** The header and this test's rows of an export. */
    private static String ours(byte[] csv) {
        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
        return lines.getFirst() + "\r\n" + String.join("\r\n", lines.stream().filter(l -> l.startsWith("IMX-")).toList()) + "\r\n";
    }

    @Test
    void oneReportHoldsTheCellProblemsAndTheUnknownReferences() {
        network();
        Result result = load(ImportKind.MEMBERSHIPS, """
                netwerk;zorgaanbieder;rol;sinds;verwijderen
                IMX-ONBEKEND;IMX-HA;LID;;
                IMX-N1;IMX-AP;;2099-01-01;
                """);
        assertThat(result.written()).isFalse();
        assertThat(result.validation().problems()).extracting(ImportProblem::toString).containsExactly(
                "regel 2, kolom netwerk ('IMX-ONBEKEND'): Onbekend netwerk; importeer eerst de netwerken.",
                "regel 3, kolom sinds ('2099-01-01'): De datum ligt in de toekomst.");
    }

    @Test
    void capacityReportsAreAttributedAndKeptAsHistory() {
        ok(ImportKind.PROVIDERS, PROVIDERS);
        ok(ImportKind.CAPACITY, """
                zorgaanbieder;capaciteit;beschikbaar;neemt_clienten_aan;wachtdagen
                IMX-ELV;;5;;
                IMX-WV;;;nee;14
                """);
        assertThat(one("MATCH (p:Provider {id: 'IMX-ELV'}) RETURN [p.capacity, p.available, p.capacityUpdatedBy]"))
                .isEqualTo(List.of(12L, 5L, "kinds-admin"));
        assertThat(one("MATCH (p:Provider {id: 'IMX-WV'}) RETURN [p.acceptingClients, p.waitingDays]")).isEqualTo(List.of(false, 14L));
        assertThat(one("MATCH (u:CapacityUpdate {providerId: 'IMX-ELV', username: 'kinds-admin'}) RETURN count(u)")).isEqualTo(1L);
    }

    @Test
    void theProgressIsReportedWhileCheckingAndWhenWriting() {
        List<String> updates = new java.util.ArrayList<>();
        Result result = imports.importFile(ADMIN, ImportKind.PROVIDERS, "zorgaanbieders.csv",
                PROVIDERS.getBytes(StandardCharsets.UTF_8), (phase, done, total) -> updates.add(phase + " " + done + "/" + total));
        assertThat(result.written()).isTrue();
        assertThat(updates).containsExactly("CHECK 0/4", "WRITE 4/4");
    }

    @Test
    void serviceAreasAreReplacedPerProvider() {
        ok(ImportKind.PROVIDERS, PROVIDERS);
        ok(ImportKind.SERVICE_AREAS, """
                zorgaanbieder;gemeente
                IMX-WV;GM0718
                IMX-WV;GM0654
                """);
        assertThat(one("MATCH (:Provider {id: 'IMX-WV'})-[:SERVES]->(m) WITH m ORDER BY m.code RETURN collect(m.code)"))
                .isEqualTo(List.of("GM0654", "GM0718"));
        assertThat(one("MATCH (:Provider {id: 'IMX-HA'})-[:SERVES]->(m) RETURN count(m)")).isEqualTo(1L);
    }

    @Test
    void mistakesAreRefusedAtTheirLineAndChangeNothing() {
        network();
        String before = fingerprint();
        Map<ImportKind, Map<String, String>> cases = Map.of(
                ImportKind.MEMBERSHIPS, Map.of(
                        "netwerk;zorgaanbieder;rol;sinds;verwijderen\nIMX-N9;IMX-HA;;;\n", "Onbekend netwerk",
                        "netwerk;zorgaanbieder;rol;sinds;verwijderen\nIMX-N1;IMX-AP;;;ja\n", "geen lid",
                        "netwerk;zorgaanbieder;rol;sinds;verwijderen\nIMX-N1;IMX-HA;;2099-01-01;\n", "toekomst"),
                ImportKind.COLLABORATIONS, Map.of(
                        "zorgaanbieder;partner;soort;sinds;formeel;verwijderen\nIMX-HA;87654321;MDO;;;\n", "met zichzelf",
                        "zorgaanbieder;partner;soort;sinds;formeel;verwijderen\nIMX-HA;IMX-WV;VRIENDSCHAP;;;\n", "Onbekende soort",
                        "zorgaanbieder;partner;soort;sinds;formeel;verwijderen\nIMX-HA;IMX-WV;MDO;;;\nIMX-WV;IMX-HA;MDO;;;\n", "regel 2"),
                ImportKind.CLIENTS, Map.of(
                        "id;geboortejaar;gemeente;aandoeningen;bezwaar\n123456782;1950;GM0718;;\n", "BSN",
                        "id;geboortejaar;gemeente;aandoeningen;bezwaar\nIMX-C9;1850;GM0718;;\n", "tussen 1900",
                        "id;geboortejaar;gemeente;aandoeningen;bezwaar\nIMX-C9;1950;GM0718;HOOIKOORTS;\n", "Onbekende aandoening",
                        "id;geboortejaar;gemeente;aandoeningen;bezwaar\nIMX-C1;1940;GM0718;DEMENTIE;IMX-HA\n", "coördinator van de cliënt"),
                ImportKind.CARE_RELATIONS, Map.of(
                        "client;zorgaanbieder;rol;sinds;coordinator;einde\nIMX-C2;IMX-AP;;;;\n", "bezwaar",
                        "client;zorgaanbieder;rol;sinds;coordinator;einde\nIMX-C1;IMX-WV;;;ja;\nIMX-C1;IMX-AP;;;ja;\n", "één coördinator",
                        "client;zorgaanbieder;rol;sinds;coordinator;einde\nIMX-C1;IMX-HA;;;;2024-05-01\n", "coördinator van de cliënt",
                        "client;zorgaanbieder;rol;sinds;coordinator;einde\nIMX-C1;IMX-WV;;2024-05-01;;2024-04-01\n", "vóór het begin",
                        "client;zorgaanbieder;rol;sinds;coordinator;einde\nIMX-C1;IMX-WV;;;;2024-01-31\n", "vóór het begin van de betrokkenheid"),
                ImportKind.CARERS, Map.of(
                        "id;client;rol;sinds;bekend_bij\nIMX-M1;IMX-C2;PARTNER;;\n", "ondersteunt al",
                        "id;client;rol;sinds;bekend_bij\nIMX-M9;IMX-C1;OOM;;\n", "Onbekende rol",
                        "id;client;rol;sinds;bekend_bij\nIMX-M9;IMX-C1;BUUR;;IMX-AP\n", "hoort niet bij het netwerk"),
                ImportKind.CAPACITY, Map.of(
                        "zorgaanbieder;capaciteit;beschikbaar;neemt_clienten_aan;wachtdagen\nIMX-HA;10;2;;\n", "soorten met bedden",
                        "zorgaanbieder;capaciteit;beschikbaar;neemt_clienten_aan;wachtdagen\nIMX-ELV;;30;;\n", "Meer vrije bedden",
                        "zorgaanbieder;capaciteit;beschikbaar;neemt_clienten_aan;wachtdagen\nIMX-ELV;;;;\n", "meldt niets",
                        "zorgaanbieder;capaciteit;beschikbaar;neemt_clienten_aan;wachtdagen\nIMX-ELV;1;;;\n", "Meer vrije bedden dan de 1"),
                ImportKind.REGIONS, Map.of(
                        "region_kind;region_code;region_name;municipality_code\nPROVINCIE;PV99;Nieuwland;GM0718\n", "CBS",
                        "region_kind;region_code;region_name;municipality_code\nIMXREGIO;IMX-R2;A;GM9999\n", "Onbekende gemeentecode"),
                ImportKind.INHABITANTS, Map.of(
                        "municipality_code;inhabitants;reference_date\nGM0718;44000;2024-01-01\nGM0718;44001;2024-01-01\n", "regel 2",
                        "municipality_code;inhabitants;reference_date\nGM0718;veel;2024-01-01\n", "Geen geheel getal"),
                ImportKind.NETWORKS, Map.of(
                        "id;naam;soort;aandoeningen;werkgebied\nIMX-N2;=HYPERLINK(\"x\");VSV;;\n", "spreadsheetformule",
                        "id;naam;soort;aandoeningen;werkgebied\nIMX-N2;Netwerk;VSV;;GM0718|GM12\n", "Onbekende gemeentecode"));
        cases.forEach((kind, files) -> files.forEach((csv, expected) -> {
            Result result = load(kind, csv);
            assertThat(result.written()).as(kind + ": " + csv).isFalse();
            assertThat(result.validation().problems()).as(kind + ": " + csv)
                    .anySatisfy(p -> {
                        assertThat(p.line()).isGreaterThanOrEqualTo(2);
                        assertThat(p.message()).contains(expected);
                    });
        }));
        assertThat(fingerprint()).isEqualTo(before);
    }

    /**
     * A network manager imports and exports the networks of their own regions and who is in them — and nothing else: a
     * network reaching outside their regions, now or after the file, is refused row by row and nothing changes.
     */
    @Test
    void aNetworkManagerImportsTheNetworksOfTheirOwnRegionsOnly() {
        AtlasPrincipal manager = new AtlasPrincipal("kinds-manager", "", "Netwerk", Role.NETWORK_MANAGER, true, null, List.of("PV26"));
        byte[] providers = PROVIDERS.getBytes(StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.importFile(manager, ImportKind.PROVIDERS, "p.csv", providers))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        ok(ImportKind.NETWORKS, "id;naam;soort;aandoeningen;werkgebied\nIMX-NZ;Netwerk Zeeland;DEMENTIENETWERK;;GM0718\n");

        String before = fingerprint();
        Result refused = imports.importFile(manager, ImportKind.NETWORKS, "netwerken.csv", ("""
                id;naam;soort;aandoeningen;werkgebied
                IMX-NU;Netwerk Houten;DEMENTIENETWERK;DEMENTIE;GM0321|GM0718
                IMX-NZ;Overgenomen;DEMENTIENETWERK;;GM0321
                IMX-NL;Zonder gebied;VSV;;
                """).getBytes(StandardCharsets.UTF_8));
        assertThat(refused.written()).isFalse();
        assertThat(refused.validation().problems()).extracting(ImportProblem::toString).containsExactly(
                "regel 2, kolom werkgebied ('GM0718'): Deze gemeenten liggen buiten uw regio's; alleen een beheerder legt dat vast.",
                "regel 3, kolom id ('IMX-NZ'): Dit netwerk werkt nu (ook) buiten uw regio's; alleen een beheerder wijzigt het.",
                "regel 4, kolom werkgebied: Geef het werkgebied: een netwerkmanager beheert netwerken binnen de eigen regio's.");
        assertThat(fingerprint()).isEqualTo(before);

        Result accepted = imports.importFile(manager, ImportKind.NETWORKS, "netwerken.csv",
                "id;naam;soort;aandoeningen;werkgebied\nIMX-NU;Netwerk Houten;DEMENTIENETWERK;DEMENTIE;GM0321|GM0356\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.validation().problems()).isEmpty();
        assertThat(accepted.written()).isTrue();

        String member = neo4j.query("MATCH (p:Provider {municipalityCode: 'GM0321'}) RETURN p.id ORDER BY p.id LIMIT 1")
                .fetchAs(String.class).one().orElseThrow();
        Result outside = imports.importFile(manager, ImportKind.MEMBERSHIPS, "leden.csv", ("netwerk;zorgaanbieder;rol;sinds;verwijderen\n"
                + "IMX-NU;" + member + ";LID;;\nIMX-NZ;" + member + ";LID;;\n").getBytes(StandardCharsets.UTF_8));
        assertThat(outside.written()).isFalse();
        assertThat(outside.validation().problems()).extracting(ImportProblem::toString).containsExactly(
                "regel 3, kolom netwerk ('IMX-NZ'): Dit netwerk werkt (ook) buiten uw regio's; alleen een beheerder wijzigt zijn leden.");
        Result members = imports.importFile(manager, ImportKind.MEMBERSHIPS, "leden.csv",
                ("netwerk;zorgaanbieder;rol;sinds;verwijderen\nIMX-NU;" + member + ";PENVOERDER;;\n").getBytes(StandardCharsets.UTF_8));
        assertThat(members.written()).isTrue();
        assertThat(one("MATCH (:Provider)-[m:MEMBER_OF]->(:Network {id: 'IMX-NU'}) RETURN m.role")).isEqualTo("PENVOERDER");

        // Exports of their own region, of these two kinds; the history shows their own imports only.
        assertThat(new String(exports.export(manager, ImportKind.MEMBERSHIPS, Optional.of("PV26")), StandardCharsets.UTF_8))
                .contains("IMX-NU;" + member + ";PENVOERDER");
        for (var attempt : List.<Runnable>of(() -> exports.export(manager, ImportKind.NETWORKS, Optional.empty()),
                () -> exports.export(manager, ImportKind.NETWORKS, Optional.of("PV29")),
                () -> exports.export(manager, ImportKind.PROVIDERS, Optional.of("PV26")))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(attempt::run)
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        }
        assertThat(imports.history(manager, 50)).hasSize(4).allSatisfy(h -> assertThat(h.username()).isEqualTo("kinds-manager"));
    }
}
