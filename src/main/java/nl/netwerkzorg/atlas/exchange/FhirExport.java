package nl.netwerkzorg.atlas.exchange;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import nl.netwerkzorg.atlas.base.CsvExport;
import nl.netwerkzorg.atlas.geography.MunicipalityGeometry;
import nl.netwerkzorg.atlas.geography.ReferenceGeography;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provider register, networks, memberships and collaborations of the whole country or of one region as one FHIR R4
 * transaction Bundle in the IHE mCSD profiles (docs/fhir.md). It is built from the rows of the CSV exports, so the two
 * formats hold the same and a bundle imports back ({@link FhirImport}) to exactly what was exported. Administrators only;
 * it holds no client data.
 */
@Service
public class FhirExport {

    private final FhirContext fhir;
    private final DataImport imports;
    private final DataExport exports;
    private final Neo4jClient neo4j;
    private final ReferenceGeography geography;
    private final TransactionTemplate reading;

    FhirExport(FhirContext fhir, DataImport imports, DataExport exports, Neo4jClient neo4j, ReferenceGeography geography,
            PlatformTransactionManager transactionManager) {
        this.fhir = fhir;
        this.imports = imports;
        this.exports = exports;
        this.neo4j = neo4j;
        this.geography = geography;
        this.reading = new TransactionTemplate(transactionManager);
        this.reading.setReadOnly(true);
    }

    /** The bundle as JSON bytes (a region; the country's bundle is better streamed). */
    public byte[] export(AtlasPrincipal user, Optional<String> regionCode) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            export(user, regionCode, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the bundle as compact JSON, resource by resource: the country holds about half a million resources, which
     * are never all in memory as FHIR objects at once. Returns the number of entries.
     */
    public int export(AtlasPrincipal user, Optional<String> regionCode, java.io.OutputStream target) throws java.io.IOException {
        DataImport.requireAdmin(user);
        record Read(List<List<Object>> providers, List<List<Object>> networks, List<List<Object>> memberships,
                    List<List<Object>> collaborations, Map<String, String> typeNames, Map<String, String> conditionNames) {
        }
        Read read = DataImport.retrying(() -> reading.execute(status -> {
            CsvTable.ExportScope scope = regionCode.map(exports::scope).orElse(null);
            return new Read(imports.table(ImportKind.PROVIDERS).export(scope), imports.table(ImportKind.NETWORKS).export(scope),
                    imports.table(ImportKind.MEMBERSHIPS).export(scope), imports.table(ImportKind.COLLABORATIONS).export(scope),
                    names("ProviderType"), names("Condition"));
        }));
        TreeSet<String> municipalities = new TreeSet<>();
        for (List<Object> row : read.providers()) {
            municipalities.add(text(row.get(5)));
            municipalities.addAll(list(text(row.get(13))));
        }
        read.networks().forEach(row -> municipalities.addAll(list(text(row.get(4)))));
        municipalities.remove("");
        Map<String, MunicipalityGeometry> known = new HashMap<>();
        geography.municipalities().forEach(m -> known.put(m.code(), m));
        Map<String, String> networkIds = new HashMap<>();
        read.networks().forEach(row -> networkIds.put(text(row.get(0)), FhirCodes.resourceId("netwerk-", text(row.get(0)))));

        IParser parser = fhir.newJsonParser();
        java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16);
        out.write("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"timestamp\":\""
                + new DateTimeType(new Date()).getValueAsString() + "\",\"entry\":[");
        int[] entries = {0};
        java.util.function.Consumer<Resource> entry = resource -> {
            String url = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
            try {
                out.write((entries[0]++ == 0 ? "" : ",") + "{\"fullUrl\":\"urn:uuid:"
                        + UUID.nameUUIDFromBytes(url.getBytes(StandardCharsets.UTF_8)) + "\",\"resource\":");
                parser.encodeResourceToWriter(resource, out);
                out.write(",\"request\":{\"method\":\"PUT\",\"url\":\"" + url + "\"}}");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        try {
            for (String code : municipalities) {
                String name = Optional.ofNullable(known.get(code)).map(MunicipalityGeometry::name).orElse(code);
                entry.accept(jurisdictionOrganization(code, name));
                entry.accept(jurisdictionLocation(code, name));
            }
            for (List<Object> row : read.providers()) {
                provider(row, read.typeNames()).forEach(entry);
            }
            for (List<Object> row : read.networks()) {
                entry.accept(network(row, read.conditionNames()));
            }
            for (List<Object> row : read.memberships()) {
                entry.accept(membership(row, networkIds));
            }
            for (List<Object> row : read.collaborations()) {
                entry.accept(collaboration(row));
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        out.write("]}");
        out.flush();
        return entries[0];
    }

    private Map<String, String> names(String label) {
        Map<String, String> names = new HashMap<>();
        neo4j.query("MATCH (t:" + label + ") RETURN t.code AS code, t.name AS name").fetch().all()
                .forEach(r -> names.put((String) r.get("code"), (String) r.get("name")));
        return names;
    }

    /** A provider's Organization id: its own id, hashed where it is no FHIR id or could be a network's or municipality's. */
    static String providerOrganizationId(String providerId) {
        String lower = providerId.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("netwerk-") || lower.startsWith("gemeente-") ? "p-" + FhirCodes.hash(providerId)
                : FhirCodes.resourceId("", providerId);
    }

    private static Reference provider(String id) {
        Reference reference = new Reference("Organization/" + providerOrganizationId(id));
        reference.getIdentifier().setSystem(FhirCodes.PROVIDER_ID).setValue(id);
        return reference;
    }

    private static Organization jurisdictionOrganization(String code, String name) {
        Organization org = new Organization();
        org.setId("gemeente-" + code);
        org.getMeta().addProfile(FhirCodes.PROFILE + "JurisdictionOrganization");
        org.addIdentifier().setSystem(FhirCodes.MUNICIPALITY).setValue(code);
        org.setActive(true).setName("Gemeente " + name);
        org.addType().addCoding(FhirCodes.mcsd("jurisdiction"));
        org.addType().addCoding(new Coding(FhirCodes.ORGANIZATION_TYPE, "govt", "Government"));
        return org;
    }

    private static Location jurisdictionLocation(String code, String name) {
        Location location = new Location();
        location.setId(code);
        location.getMeta().addProfile(FhirCodes.PROFILE + "JurisdictionLocation");
        location.addIdentifier().setSystem(FhirCodes.MUNICIPALITY).setValue(code);
        location.setStatus(Location.LocationStatus.ACTIVE).setName(name);
        location.addType().addCoding(FhirCodes.mcsd("jurisdiction"));
        location.setPhysicalType(new CodeableConcept(new Coding(FhirCodes.PHYSICAL_TYPE, "jdn", "Jurisdiction")));
        location.setManagingOrganization(new Reference("Organization/gemeente-" + code));
        return location;
    }

    /** A provider row (ProviderTable.COLUMNS) as Organization, Location and HealthcareService. */
    private static List<Resource> provider(List<Object> row, Map<String, String> typeNames) {
        String id = text(row.get(0));
        String orgId = providerOrganizationId(id);
        String type = text(row.get(4));
        Coding typeCoding = new Coding(FhirCodes.PROVIDER_TYPE, type, typeNames.get(type));

        Organization org = new Organization();
        org.setId(orgId);
        org.getMeta().addProfile(FhirCodes.PROFILE + "FacilityOrganization");
        org.addIdentifier().setSystem(FhirCodes.PROVIDER_ID).setValue(id);
        if (!text(row.get(1)).isEmpty()) {
            org.addIdentifier(new Identifier().setSystem(FhirCodes.AGB).setValue(text(row.get(1))));
        }
        if (!text(row.get(2)).isEmpty()) {
            org.addIdentifier(new Identifier().setSystem(FhirCodes.KVK).setValue(text(row.get(2))));
        }
        org.setActive(true).setName(text(row.get(3)));
        org.addType().addCoding(typeCoding.copy());
        org.addType().addCoding(FhirCodes.mcsd("facility"));

        Location location = new Location();
        location.setId(FhirCodes.resourceId("locatie-", id));
        location.getMeta().addProfile(FhirCodes.PROFILE + "FacilityLocation");
        location.setStatus(Location.LocationStatus.ACTIVE).setName(text(row.get(3)));
        location.addType().addCoding(FhirCodes.mcsd("facility"));
        location.setPhysicalType(new CodeableConcept(new Coding(FhirCodes.PHYSICAL_TYPE, "bu", "Building")));
        Address address = location.getAddress();
        if (!text(row.get(6)).isEmpty()) {
            address.setText(text(row.get(6)));
        }
        address.setCountry("NL");
        location.getPosition().setLatitude(new BigDecimal(text(row.get(7)).replace(',', '.')))
                .setLongitude(new BigDecimal(text(row.get(8)).replace(',', '.')));
        location.setManagingOrganization(new Reference("Organization/" + orgId));
        location.setPartOf(new Reference("Location/" + text(row.get(5))));

        HealthcareService service = new HealthcareService();
        service.setId(FhirCodes.resourceId("zorg-", id));
        service.getMeta().addProfile(FhirCodes.PROFILE + "HealthcareService");
        service.setActive(true).setName(Optional.ofNullable(typeNames.get(type)).orElse(type));
        service.addType().addCoding(typeCoding.copy());
        service.setProvidedBy(new Reference("Organization/" + orgId));
        service.addLocation(new Reference("Location/" + location.getIdElement().getIdPart()));
        for (String code : list(text(row.get(13)))) {
            service.addCoverageArea(new Reference("Location/" + code));
        }
        if (!text(row.get(9)).isEmpty()) {
            service.addExtension(FhirCodes.EXT_ACCEPTING, new BooleanType("ja".equals(text(row.get(9)))));
        }
        integer(service, FhirCodes.EXT_CAPACITY, text(row.get(10)));
        integer(service, FhirCodes.EXT_AVAILABLE, text(row.get(11)));
        integer(service, FhirCodes.EXT_WAITING_DAYS, text(row.get(12)));
        if (!text(row.get(14)).isEmpty()) {
            // FHIR wants the seconds, which java.time leaves out when they are zero; a millisecond is precise enough.
            service.addExtension(FhirCodes.EXT_CAPACITY_UPDATED, new DateTimeType(java.time.OffsetDateTime.parse(text(row.get(14)))
                    .truncatedTo(java.time.temporal.ChronoUnit.MILLIS).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        }
        return List.of(org, location, service);
    }

    private static void integer(HealthcareService service, String url, String value) {
        if (!value.isEmpty()) {
            service.addExtension(url, new IntegerType(Integer.parseInt(value)));
        }
    }

    /** A network row (NetworkTable.COLUMNS) as an Organization of the Atlas's kind NETWERK. */
    private static Organization network(List<Object> row, Map<String, String> conditionNames) {
        String id = text(row.get(0));
        Organization org = new Organization();
        org.setId(FhirCodes.resourceId("netwerk-", id));
        org.getMeta().addProfile(FhirCodes.PROFILE + "Organization");
        org.addIdentifier().setSystem(FhirCodes.NETWORK_ID).setValue(id);
        org.setActive(true).setName(text(row.get(1)));
        org.addType().addCoding(new Coding(FhirCodes.ORGANIZATION_KIND, FhirCodes.NETWORK, "Zorgnetwerk"));
        org.addType().addCoding(new Coding(FhirCodes.NETWORK_KIND, text(row.get(2)), null));
        for (String condition : list(text(row.get(3)))) {
            org.addExtension(FhirCodes.EXT_NETWORK_FOCUS, new Coding(FhirCodes.CONDITION, condition, conditionNames.get(condition)));
        }
        for (String code : list(text(row.get(4)))) {
            org.addExtension(FhirCodes.EXT_NETWORK_AREA, new Reference("Location/" + code));
        }
        return org;
    }

    /** A membership row (MembershipTable.COLUMNS): the network is the organization, the provider participates. */
    private static OrganizationAffiliation membership(List<Object> row, Map<String, String> networkIds) {
        String network = text(row.get(0));
        String provider = text(row.get(1));
        OrganizationAffiliation affiliation = new OrganizationAffiliation();
        affiliation.setId("lid-" + FhirCodes.hash(network + "\u0000" + provider));
        affiliation.getMeta().addProfile(FhirCodes.PROFILE + "OrganizationAffiliation");
        affiliation.setActive(true);
        Reference networkReference = new Reference("Organization/" + networkIds.get(network));
        networkReference.getIdentifier().setSystem(FhirCodes.NETWORK_ID).setValue(network);
        affiliation.setOrganization(networkReference);
        affiliation.setParticipatingOrganization(provider(provider));
        affiliation.addCode().addCoding(new Coding(FhirCodes.ORGANIZATION_ROLE, "member", "Member"));
        if (!text(row.get(2)).isEmpty()) {
            affiliation.addCode().addCoding(new Coding(FhirCodes.MEMBERSHIP_ROLE, text(row.get(2)), null));
        }
        if (!text(row.get(3)).isEmpty()) {
            affiliation.setPeriod(new Period().setStartElement(new DateTimeType(text(row.get(3)))));
        }
        return affiliation;
    }

    /** A collaboration row (CollaborationTable.COLUMNS): from the provider to its partner. */
    private static OrganizationAffiliation collaboration(List<Object> row) {
        String from = text(row.get(0));
        String to = text(row.get(1));
        String kind = text(row.get(2));
        OrganizationAffiliation affiliation = new OrganizationAffiliation();
        affiliation.setId("samenwerking-" + FhirCodes.hash(from + "\u0000" + to + "\u0000" + kind));
        affiliation.getMeta().addProfile(FhirCodes.PROFILE + "OrganizationAffiliation");
        affiliation.setActive(true);
        affiliation.setOrganization(provider(from));
        affiliation.setParticipatingOrganization(provider(to));
        affiliation.addCode().addCoding(new Coding(FhirCodes.COLLABORATION_KIND, kind, null));
        if (!text(row.get(3)).isEmpty()) {
            affiliation.setPeriod(new Period().setStartElement(new DateTimeType(text(row.get(3)))));
        }
        if (!text(row.get(4)).isEmpty()) {
            affiliation.addExtension(FhirCodes.EXT_FORMAL, new BooleanType("ja".equals(text(row.get(4)))));
        }
        return affiliation;
    }

    private static String text(Object cell) {
        return cell instanceof CsvExport.Numeric n ? n.text() : cell == null ? "" : cell.toString();
    }

    private static List<String> list(String cell) {
        return cell.isEmpty() ? List.of() : List.of(cell.split("\\|"));
    }
}
