package nl.netwerkzorg.atlas.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The FHIR R4 / IHE mCSD exchange on the shared DEMO database: what the export holds, that a bad bundle is refused with
 * the resource and element named and changes nothing, that a good one is written whole, and who may do it. The round
 * trips through an empty database run in a child JVM ({@link CrashAndRestoreTest}).
 */
@AtlasSpringTest
class FhirImportTest {

    static final AtlasPrincipal ADMIN = new AtlasPrincipal("fhir-admin", "", "Beheer", Role.ADMIN, true, null, List.of());

    @Autowired
    FhirImport fhirImport;
    @Autowired
    FhirExport fhirExport;
    @Autowired
    FhirContext fhir;
    @Autowired
    Neo4jClient neo4j;

    @Autowired
    BackgroundWork background;
    @Autowired
    nl.netwerkzorg.atlas.coverage.ProviderTypeCounts typeCounts;

    /** Waits for the background work an import starts (signals, patient sharing), which changes what is compared. */
    @org.junit.jupiter.api.BeforeEach
    void quiet() throws InterruptedException {
        background.awaitQuiet();
    }

    @AfterEach
    void remove() {
        neo4j.query("MATCH (n) WHERE (n:Provider OR n:Network) AND n.id STARTS WITH 'FHX-' DETACH DELETE n").run();
        neo4j.query("MATCH (h:ImportRecord {username: 'fhir-admin'}) DELETE h").run();
    }

    private String fingerprint() {
        return neo4j.query("""
                CALL () { MATCH (n) WHERE NOT n:ImportRecord AND NOT n:AccessLogEntry RETURN count(n) AS nodes }
                CALL () { MATCH ()-[r]->() WITH type(r) AS type, count(r) AS n ORDER BY type RETURN collect(type + '=' + n) AS relationships }
                CALL () { MATCH (p:Provider) WITH p ORDER BY p.id
                          RETURN collect([p.id, p.name, p.type, p.agb, p.municipalityCode, round(p.location.latitude, 7), round(p.location.longitude, 7), p.acceptingClients]) AS providers }
                CALL () { MATCH (n:Network) WITH n ORDER BY n.id RETURN collect([n.id, n.name, n.kind]) AS networks }
                RETURN nodes, relationships, providers, networks""").fetch().one().orElseThrow().toString();
    }

    private long count(String cypher) {
        return neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void theExportIsAnMcsdTransactionBundleOfWhatTheAtlasHolds() {
        Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class,
                new String(fhirExport.export(ADMIN, Optional.empty()), StandardCharsets.UTF_8));
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
        List<Organization> orgs = resources(bundle, Organization.class);
        long providers = count("MATCH (p:Provider) RETURN count(p)");
        long networks = count("MATCH (n:Network) RETURN count(n)");
        assertThat(orgs.stream().filter(o -> o.getMeta().hasProfile(FhirCodes.PROFILE + "FacilityOrganization"))).hasSize((int) providers);
        assertThat(orgs.stream().filter(o -> FhirCodes.NETWORK.equals(FhirCodes.code(o.getType(), FhirCodes.ORGANIZATION_KIND))))
                .hasSize((int) networks);
        assertThat(resources(bundle, OrganizationAffiliation.class)).hasSize((int) count("""
                CALL () { MATCH ()-[m:MEMBER_OF]->() RETURN count(m) AS m }
                CALL () { MATCH ()-[c:COLLABORATES_WITH]->() RETURN count(c) AS c } RETURN m + c"""));
        // Every provider with an AGB code carries it in the AGB system; every facility has its position in the Netherlands.
        long withAgb = count("MATCH (p:Provider) WHERE p.agb IS NOT NULL RETURN count(p)");
        assertThat(orgs.stream().filter(o -> o.getIdentifier().stream().anyMatch(i -> FhirCodes.AGB.equals(i.getSystem()))))
                .hasSize((int) withAgb);
        assertThat(resources(bundle, Location.class).stream().filter(l -> l.getMeta().hasProfile(FhirCodes.PROFILE + "FacilityLocation")))
                .hasSize((int) providers)
                .allSatisfy(l -> assertThat(l.getPosition().getLatitude().doubleValue()).isBetween(50.75, 53.56))
                .allSatisfy(l -> assertThat(l.getPartOf().getReference()).matches("Location/GM\\d{4}"));
        assertThat(bundle.getEntry()).allSatisfy(e -> {
            assertThat(e.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PUT);
            assertThat(e.getRequest().getUrl()).isEqualTo(e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart());
        });
    }

    @Test
    void aBundleIsWrittenWholeAndImportingItsOwnExportChangesNothing() throws InterruptedException {
        // The derived providers-per-type counts are recomputed by every provider import; tests that create providers
        // directly leave them behind, so they are brought up to date first.
        typeCounts.recomputeAll();
        String before = fingerprint();
        byte[] exported = fhirExport.export(ADMIN, Optional.of("PV26"));
        FhirImport.Result again = fhirImport.importBundle(ADMIN, "utrecht.json", exported, Optional.empty());
        assertThat(again.problems()).isEmpty();
        assertThat(again.written()).isTrue();
        quiet();
        assertThat(fingerprint()).isEqualTo(before);

        FhirImport.Result result = fhirImport.importBundle(ADMIN, "nieuw.json", bundle(ORGANIZATION.formatted("FHX-1", "Huisarts Aan Zee",
                "HUISARTS", "12345678") + "," + LOCATION.formatted("FHX-1", "FHX-1", "52.0280", "5.1680", "GM0321") + ","
                + SERVICE.formatted("FHX-1") + "," + NETWORK.formatted("FHX-N", "Dementienetwerk Test") + ","
                + MEMBERSHIP.formatted("FHX-M", "FHX-N", "FHX-1")).getBytes(StandardCharsets.UTF_8), Optional.empty());
        assertThat(result.problems()).isEmpty();
        assertThat(result.written()).isTrue();
        assertThat(result.counts()).containsEntry(ImportKind.PROVIDERS, 1).containsEntry(ImportKind.NETWORKS, 1)
                .containsEntry(ImportKind.MEMBERSHIPS, 1);
        assertThat(neo4j.query("""
                MATCH (p:Provider {id: 'FHX-1'})-[:LOCATED_IN]->(m:Municipality), (p)-[:MEMBER_OF]->(n:Network {id: 'FHX-N'})
                RETURN p.agb + ' ' + m.code + ' ' + n.name + ' ' + p.waitingDays + ' '
                       + COLLECT { MATCH (p)-[:SERVES]->(s) RETURN s.code }[0]""").fetchAs(String.class).one())
                .contains("12345678 GM0321 Dementienetwerk Test 7 GM0356");

        // Another publisher's bundle that says nothing of capacity and service area leaves them; a versioned
        // reference (…/_history/2) is followed.
        FhirImport.Result other = fhirImport.importBundle(ADMIN, "ander.json", bundle(ORGANIZATION.formatted("FHX-1",
                "Huisarts Aan Zee", "HUISARTS", "12345678") + "," + LOCATION.formatted("FHX-1", "FHX-1/_history/2", "52.0900",
                "5.1200", "GM0344")).getBytes(StandardCharsets.UTF_8), Optional.empty());
        assertThat(other.problems()).isEmpty();
        assertThat(neo4j.query("""
                MATCH (p:Provider {id: 'FHX-1'})-[:LOCATED_IN]->(m:Municipality)
                RETURN m.code + ' ' + p.waitingDays + ' ' + COLLECT { MATCH (p)-[:SERVES]->(s) RETURN s.code }[0]""")
                .fetchAs(String.class).one()).contains("GM0344 7 GM0356");
    }

    static Stream<Arguments> malformed() {
        String org = ORGANIZATION.formatted("FHX-2", "Praktijk", "HUISARTS", "12345679");
        String loc = LOCATION.formatted("FHX-2", "FHX-2", "52.09", "5.12", "GM0344");
        return Stream.of(
                Arguments.of("empty", "", "Bundle", "leeg"),
                Arguments.of("not FHIR", "id;naam\n1;x", "Bundle", "geen FHIR-bundel"),
                Arguments.of("a Patient, not a Bundle", "{\"resourceType\":\"Patient\",\"id\":\"x\"}", "Bundle", "Geen leesbare"),
                Arguments.of("broken JSON", "{\"resourceType\":\"Bundle\",\"entry\":[", "Bundle", "Geen leesbare"),
                Arguments.of("unknown element", bundle(org.replace("\"active\"", "\"actief\": true, \"active\"") + "," + loc),
                        "", "Onbekend element"),
                Arguments.of("nothing the Atlas holds", bundle("{\"resource\":{\"resourceType\":\"Practitioner\",\"id\":\"pr\"}}"),
                        "Bundle", "niets wat de Atlas opneemt"),
                Arguments.of("organisation without a name", bundle(org.replace("\"name\": \"Praktijk\",", "") + "," + loc),
                        "Organization/FHX-2", "naam"),
                Arguments.of("unknown type", bundle(ORGANIZATION.formatted("FHX-2", "Praktijk", "ASTROLOOG", "12345679") + "," + loc),
                        "Organization/FHX-2", "Onbekende soort"),
                Arguments.of("AGB of seven digits", bundle(ORGANIZATION.formatted("FHX-2", "Praktijk", "HUISARTS", "1234567") + "," + loc),
                        "Organization/FHX-2", "8 cijfers"),
                Arguments.of("position outside the Netherlands", bundle(org + "," + LOCATION.formatted("FHX-2", "FHX-2", "48.85", "2.35", "GM0344")),
                        "Location/loc-FHX-2", "niet in Nederland"),
                Arguments.of("no place at all", bundle(org), "Organization/FHX-2", "Niet te plaatsen"),
                Arguments.of("the same resource twice", bundle(org + "," + org + "," + loc), "Organization/FHX-2", "twee keer"),
                Arguments.of("a delete", bundle("{\"request\":{\"method\":\"DELETE\",\"url\":\"Organization/x\"}}"), "entry 1", "Verwijderen"),
                Arguments.of("membership of an unknown provider", bundle(NETWORK.formatted("FHX-N", "Netwerk") + ","
                        + MEMBERSHIP.formatted("FHX-M", "FHX-N", "FHX-ONBEKEND")), "OrganizationAffiliation/FHX-M", "onbekend"),
                Arguments.of("affiliation without participant", bundle(NETWORK.formatted("FHX-N", "Netwerk") + ","
                        + MEMBERSHIP.formatted("FHX-M", "FHX-N", "FHX-1").replaceAll(",\\s*\"participatingOrganization\": \\{[^}]*}", "")),
                        "OrganizationAffiliation/FHX-M", "participatingOrganization"),
                Arguments.of("XML that is no FHIR", "<Bundle><entry>", "Bundle", "Geen leesbare"),
                Arguments.of("a number that would fill the memory", bundle(org + "," + LOCATION.formatted("FHX-2", "FHX-2", "1e999999999",
                        "5.12", "GM0344")), "Bundle", "exponent"),
                Arguments.of("a delete without url", bundle("{\"request\":{\"method\":\"DELETE\"}}"), "entry 1", "Verwijderen"),
                Arguments.of("a name that is only an extension", bundle(org.replace("\"name\": \"Praktijk\",",
                        "\"_name\": {\"extension\": [{\"url\": \"http://hl7.org/fhir/StructureDefinition/data-absent-reason\", "
                                + "\"valueCode\": \"unknown\"}]},") + "," + loc), "Organization/FHX-2", "naam"),
                // A line break in an address must not move the next organisation's problem onto another resource.
                Arguments.of("a line break before a bad AGB", bundle(org + "," + loc.replace("\"name\": \"Praktijk\",",
                        "\"name\": \"Praktijk\", \"address\": {\"text\": \"Dorpsstraat 1\\n3991 AB Houten\"},") + ","
                        + ORGANIZATION.formatted("FHX-3", "Tweede", "HUISARTS", "123") + "," + LOCATION.formatted("FHX-3", "FHX-3",
                        "52.1", "5.1", "GM0344") + "," + ORGANIZATION.formatted("FHX-4", "Derde", "HUISARTS", "12345671") + ","
                        + LOCATION.formatted("FHX-4", "FHX-4", "52.1", "5.1", "GM0344")), "Organization/FHX-3", "8 cijfers"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aBadBundleIsRefusedNamingTheResourceAndChangesNothing(String name, String content, String resource, String message) {
        String before = fingerprint();
        FhirImport.Result result = fhirImport.importBundle(ADMIN, name + ".json", content.getBytes(StandardCharsets.UTF_8), Optional.empty());
        assertThat(result.written()).isFalse();
        assertThat(result.problems()).as(name).isNotEmpty()
                .anySatisfy(p -> {
                    assertThat(p.resource()).contains(resource);
                    assertThat(p.toString()).containsIgnoringCase(message);
                })
                .allSatisfy(p -> assertThat(p.message()).isNotBlank().doesNotContain("Exception"));
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(count("MATCH (h:ImportRecord {username: 'fhir-admin', kind: 'FHIR', accepted: false}) RETURN count(h)")).isOne();
    }

    @Test
    void onlyAdministratorsExchangeFhir() {
        AtlasPrincipal manager = new AtlasPrincipal("nm", "", "Netwerk", Role.NETWORK_MANAGER, true, null, List.of("PV26"));
        assertThatThrownBy(() -> fhirExport.export(manager, Optional.empty())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fhirImport.importBundle(manager, "x.json", new byte[0], Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static <T> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
    }

    static String bundle(String entries) {
        return "{\"resourceType\": \"Bundle\", \"type\": \"transaction\", \"entry\": [" + entries + "]}";
    }

    static final String ORGANIZATION = """
            {"resource": {"resourceType": "Organization", "id": "%1$s",
              "identifier": [{"system": "https://netwerkzorg-atlas.nl/fhir/NamingSystem/zorgaanbieder-id", "value": "%1$s"},
                             {"system": "http://fhir.nl/fhir/NamingSystem/agb-z", "value": "%4$s"}],
              "active": true, "name": "%2$s",
              "type": [{"coding": [{"system": "https://netwerkzorg-atlas.nl/fhir/CodeSystem/soort-zorgaanbieder", "code": "%3$s"}]}]}}""";
    static final String LOCATION = """
            {"resource": {"resourceType": "Location", "id": "loc-%1$s", "status": "active", "name": "Praktijk",
              "managingOrganization": {"reference": "Organization/%2$s"},
              "position": {"latitude": %3$s, "longitude": %4$s},
              "partOf": {"reference": "Location/%5$s"}}}""";
    static final String SERVICE = """
            {"resource": {"resourceType": "HealthcareService", "id": "zorg-%1$s", "providedBy": {"reference": "Organization/%1$s"},
              "coverageArea": [{"reference": "Location/GM0356"}],
              "extension": [{"url": "https://netwerkzorg-atlas.nl/fhir/StructureDefinition/wachtdagen", "valueInteger": 7}]}}""";
    static final String NETWORK = """
            {"resource": {"resourceType": "Organization", "id": "%1$s", "active": true, "name": "%2$s",
              "type": [{"coding": [{"system": "https://netwerkzorg-atlas.nl/fhir/CodeSystem/soort-organisatie", "code": "NETWERK"}]},
                       {"coding": [{"system": "https://netwerkzorg-atlas.nl/fhir/CodeSystem/soort-netwerk", "code": "DEMENTIENETWERK"}]}]}}""";
    static final String MEMBERSHIP = """
            {"resource": {"resourceType": "OrganizationAffiliation", "id": "%1$s", "active": true,
              "organization": {"reference": "Organization/%2$s"}, "participatingOrganization": {"reference": "Organization/%3$s"},
              "code": [{"coding": [{"system": "http://hl7.org/fhir/organization-role", "code": "member"}]}]}}""";
}
