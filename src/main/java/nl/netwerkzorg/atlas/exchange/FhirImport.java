package nl.netwerkzorg.atlas.exchange;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import ca.uhn.fhir.parser.IParser;
import nl.netwerkzorg.atlas.base.CsvExport;
import nl.netwerkzorg.atlas.geography.MunicipalityGeometry;
import nl.netwerkzorg.atlas.geography.ReferenceGeography;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Import of a FHIR R4 Bundle in the IHE mCSD profiles (docs/fhir.md), JSON or XML. The bundle is parsed strictly, every
 * resource is checked for what the Atlas needs and mapped onto the CSV formats: Organizations become providers or, for
 * the Atlas's kind NETWERK or the organisation of a membership, networks; Locations give a provider its place and
 * municipality; HealthcareServices its type, service area and capacity; OrganizationAffiliations become memberships and
 * collaborations. Those rows then go through the same checks and the same one transaction as a CSV import of each kind,
 * in order ({@link DataImport#importParts}); a problem anywhere leaves the database as it was. Every problem names the
 * resource and element it is about. What the Atlas does not hold (Practitioner, PractitionerRole, Endpoint) is listed as
 * not imported. Administrators only.
 */
@Service
public class FhirImport {

    /** One problem, or a note on what was not imported or was derived: the resource, its element, the value. */
    public record FhirProblem(String resource, String element, String value, String message) {
        public FhirProblem {
            resource = resource == null ? "" : resource;
            element = element == null ? "" : element;
            value = value == null ? "" : value;
            value = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        }

        @Override
        public String toString() {
            return resource + (element.isEmpty() ? "" : " " + element) + (value.isEmpty() ? "" : " ('" + value + "')") + ": " + message;
        }
    }

    /** What an import did: written only without problems; the counts are rows per kind. */
    public record Result(String fileName, boolean written, int resources, Map<ImportKind, Integer> counts,
                         List<FhirProblem> problems, int problemCount, List<FhirProblem> notes) {
    }

    private static final int MAX_PROBLEMS = DataImport.MAX_PROBLEMS;
    /**
     * The largest bundle accepted: a province's export (Utrecht at the national preset: 63 MB, 71,000 resources); the
     * country (550 MB) is imported province by province.
     */
    public static final int MAX_BYTES = 256 * 1024 * 1024;
    /** A number with an exponent of three digits or more: no coordinate needs one, and it can exhaust the memory. */
    private static final java.util.regex.Pattern HUGE_NUMBER = java.util.regex.Pattern.compile(
            "-?\\d+(?:\\.\\d+)?[eE][+-]?\\d{3,}");
    /** An XML attribute value that is such a number as a whole. */
    private static final java.util.regex.Pattern HUGE_XML_NUMBER = java.util.regex.Pattern.compile(
            "value\\s*=\\s*([\"'])-?\\d+(?:\\.\\d+)?[eE][+-]?\\d{3,}\\1");

    private final FhirContext fhir;
    private final DataImport imports;
    private final ReferenceGeography geography;

    FhirImport(FhirContext fhir, DataImport imports, ReferenceGeography geography) {
        this.fhir = fhir;
        this.imports = imports;
        this.geography = geography;
    }

    /**
     * Checks the bundle and, only without problems, writes it. {@code defaultMunicipality} places an organisation whose
     * resources say nowhere where it is (the IHE examples); without it such an organisation is a problem.
     */
    public Result importBundle(AtlasPrincipal user, String fileName, byte[] bytes, Optional<String> defaultMunicipality) {
        DataImport.requireAdmin(user);
        String name = fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        Mapping mapping = new Mapping(defaultMunicipality.orElse(null));
        Bundle bundle = bytes.length > MAX_BYTES ? null : parse(bytes, mapping);
        if (bytes.length > MAX_BYTES) {
            mapping.problem("Bundle", "", "", "Het bestand is te groot (" + bytes.length / (1024 * 1024) + " MB, hoogstens "
                    + MAX_BYTES / (1024 * 1024) + " MB). Splits het in delen.");
        }
        if (bundle != null && mapping.problems.isEmpty()) {
            try {
                mapping.map(bundle);
            } catch (RuntimeException e) {
                mapping.problem("Bundle", "", "", "De bundel kan niet worden verwerkt: " + e);
            }
        }
        int resources = bundle == null ? 0 : bundle.getEntry().size();
        Map<ImportKind, Integer> counts = mapping.counts();
        if (!mapping.problems.isEmpty()) {
            return refused(user, name, resources, counts, mapping.problems, mapping.notes);
        }
        if (counts.values().stream().allMatch(n -> n == 0)) {
            mapping.problem("Bundle", "entry", "", "De bundel bevat niets wat de Atlas opneemt (Organization, Location, "
                    + "HealthcareService, OrganizationAffiliation).");
            return refused(user, name, resources, counts, mapping.problems, mapping.notes);
        }
        keepWhatTheBundleDoesNotSay(mapping.rows.get(ImportKind.PROVIDERS));
        List<DataImport.Part> parts = new ArrayList<>();
        mapping.rows.forEach((kind, rows) -> {
            if (!rows.isEmpty()) {
                parts.add(new DataImport.Part(kind, name + " › " + kind.fileStem(),
                        CsvExport.toBytes(imports.table(kind).columns(), rows.stream().map(r -> clean(r.cells())).toList())));
            }
        });
        DataImport.PartsResult result;
        try {
            result = imports.importParts(user, parts);
        } catch (RuntimeException e) {
            imports.recordOther(user, "FHIR", name, resources, false, 1, "Opslaan mislukt, er is niets opgeslagen: " + e.getMessage());
            throw e;
        }
        if (!result.written()) {
            List<FhirProblem> problems = new ArrayList<>();
            List<Row> rows = mapping.rows.get(result.failed());
            for (ImportProblem p : result.problems()) {
                Row row = p.line() >= 2 && p.line() - 2 < rows.size() ? rows.get(p.line() - 2) : null;
                String[] source = row == null ? new String[] {"Bundle", ""} : row.source(p.column());
                problems.add(new FhirProblem(source[0], source[1], p.value(), p.message()));
            }
            return refused(user, name, resources, counts, problems, mapping.notes, result.problemCount());
        }
        imports.recordOther(user, "FHIR", name, resources, true, 0, summary(counts));
        return new Result(name, true, resources, counts, List.of(), 0, List.copyOf(mapping.notes));
    }

    /** A provider already in the Atlas keeps its capacity and service area where the bundle says nothing of them. */
    private void keepWhatTheBundleDoesNotSay(List<Row> providers) {
        Set<String> ids = new java.util.HashSet<>();
        providers.stream().filter(r -> r.keepCapacity() || r.keepArea()).forEach(r -> ids.add(String.valueOf(r.cells().get(0))));
        if (ids.isEmpty()) {
            return;
        }
        Map<String, List<Object>> existing = new HashMap<>();
        imports.table(ImportKind.PROVIDERS).export(new CsvTable.ExportScope("", Set.of(), ids))
                .forEach(row -> existing.put(String.valueOf(row.get(0)), row));
        for (Row row : providers) {
            List<Object> stored = existing.get(String.valueOf(row.cells().get(0)));
            if (stored == null) {
                continue;
            }
            if (row.keepCapacity()) {
                for (int column : new int[] {9, 10, 11, 12, 14}) {
                    row.cells().set(column, stored.get(column) instanceof CsvExport.Numeric n ? n.text() : stored.get(column));
                }
            }
            if (row.keepArea()) {
                row.cells().set(13, stored.get(13));
            }
        }
    }

    /** Cells as the CSV checks expect one line: line breaks become ", ", other control characters a space. */
    private static List<Object> clean(List<Object> cells) {
        List<Object> clean = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            clean.add(cell instanceof String text ? text.strip().replaceAll("\\s*(\\r\\n|\\r|\\n)\\s*", ", ")
                    .replaceAll("\\p{Cntrl}", " ") : cell);
        }
        return clean;
    }

    /** {@link #importBundle} of an uploaded file, refused unread when it is larger than {@link #MAX_BYTES}. */
    public Result importBundle(AtlasPrincipal user, String fileName, java.nio.file.Path file, Optional<String> defaultMunicipality)
            throws java.io.IOException {
        DataImport.requireAdmin(user);
        long size = java.nio.file.Files.size(file);
        if (size > MAX_BYTES) {
            String name = fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
            return refused(user, name, 0, Map.of(), List.of(new FhirProblem("Bundle", "", "", "Het bestand is te groot ("
                    + size / (1024 * 1024) + " MB, hoogstens " + MAX_BYTES / (1024 * 1024) + " MB). Splits het in delen.")), List.of());
        }
        return importBundle(user, fileName, java.nio.file.Files.readAllBytes(file), defaultMunicipality);
    }

    private Result refused(AtlasPrincipal user, String name, int resources, Map<ImportKind, Integer> counts,
            List<FhirProblem> problems, List<FhirProblem> notes) {
        return refused(user, name, resources, counts, problems, notes, problems.size());
    }

    private Result refused(AtlasPrincipal user, String name, int resources, Map<ImportKind, Integer> counts,
            List<FhirProblem> problems, List<FhirProblem> notes, int problemCount) {
        imports.recordOther(user, "FHIR", name, resources, false, problemCount,
                String.join("; ", problems.stream().limit(3).map(FhirProblem::toString).toList()));
        return new Result(name, false, resources, counts, List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS))),
                problemCount, List.copyOf(notes));
    }

    private static String summary(Map<ImportKind, Integer> counts) {
        return counts.getOrDefault(ImportKind.PROVIDERS, 0) + " zorgaanbieders, " + counts.getOrDefault(ImportKind.NETWORKS, 0)
                + " netwerken, " + counts.getOrDefault(ImportKind.MEMBERSHIPS, 0) + " lidmaatschappen, "
                + counts.getOrDefault(ImportKind.COLLABORATIONS, 0) + " samenwerkingen";
    }

    /** The bundle, parsed strictly: every element it does not know, every invalid value is a problem. */
    private @Nullable Bundle parse(byte[] bytes, Mapping mapping) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String trimmed = text.stripLeading();
        if (trimmed.isEmpty()) {
            mapping.problem("Bundle", "", "", "Het bestand is leeg.");
            return null;
        }
        boolean xml = trimmed.startsWith("<");
        String huge = xml ? hugeXmlNumber(trimmed) : hugeJsonNumber(trimmed);
        if (huge != null) {
            mapping.problem("Bundle", "", huge, "Een getal met een exponent van drie of meer cijfers wordt niet gelezen.");
            return null;
        }
        if (!xml && !trimmed.startsWith("{")) {
            mapping.problem("Bundle", "", trimmed.substring(0, Math.min(20, trimmed.length())),
                    "Dit is geen FHIR-bundel: verwacht is JSON (begint met '{') of XML (begint met '<').");
            return null;
        }
        IParser parser = xml ? fhir.newXmlParser() : fhir.newJsonParser();
        parser.setParserErrorHandler(new ErrorHandlerAdapter() {
            @Override
            public void unknownElement(IParseLocation location, String name) {
                mapping.problem(where(location), name, "", "Onbekend element in FHIR R4.");
            }

            @Override
            public void unknownAttribute(IParseLocation location, String name) {
                mapping.problem(where(location), name, "", "Onbekend attribuut in FHIR R4.");
            }

            @Override
            public void invalidValue(IParseLocation location, String value, String error) {
                mapping.problem(where(location), "", value == null ? "" : value, "Ongeldige waarde: " + error);
            }

            @Override
            public void unexpectedRepeatingElement(IParseLocation location, String name) {
                mapping.problem(where(location), name, "", "Dit element mag maar één keer voorkomen.");
            }

            @Override
            public void incorrectJsonType(IParseLocation location, String name,
                    ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType expected,
                    ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType expectedScalar,
                    ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType found,
                    ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType foundScalar) {
                mapping.problem(where(location), name, "", "Verkeerd JSON-type: verwacht " + expected + ", gevonden " + found + ".");
            }
        });
        try {
            return parser.parseResource(Bundle.class, text);
        } catch (DataFormatException | ClassCastException | IllegalArgumentException | NullPointerException
                 | StackOverflowError e) {
            mapping.problem("Bundle", "", "", "Geen leesbare FHIR R4-bundel: " + (e instanceof StackOverflowError
                    ? "te diep genest" : e.getMessage()));
            return null;
        }
    }

    /** A JSON number token with a huge exponent (no coordinate needs one; HAPI would expand it until memory runs out). */
    private static @Nullable String hugeJsonNumber(String json) {
        try (com.fasterxml.jackson.core.JsonParser tokens = new com.fasterxml.jackson.core.JsonFactory().createParser(json)) {
            for (com.fasterxml.jackson.core.JsonToken t; (t = tokens.nextToken()) != null; ) {
                if (t == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT && HUGE_NUMBER.matcher(tokens.getText()).matches()) {
                    return tokens.getText();
                }
            }
        } catch (java.io.IOException e) {
            // Not valid JSON: the FHIR parser reports it.
        }
        return null;
    }

    private static @Nullable String hugeXmlNumber(String xml) {
        java.util.regex.Matcher m = HUGE_XML_NUMBER.matcher(xml);
        return m.find() ? m.group() : null;
    }

    private static String where(ca.uhn.fhir.parser.IParserErrorHandler.IParseLocation location) {
        return location == null || location.getParentElementName() == null ? "Bundle" : location.getParentElementName();
    }

    /** A CSV row made from a resource, with the resource and the element each column came from. */
    private record Row(List<Object> cells, String resource, Map<String, String> elements, boolean keepCapacity,
                       boolean keepArea) {
        Row(List<Object> cells, String resource, Map<String, String> elements) {
            this(cells, resource, elements, false, false);
        }

        /** The resource and element a column came from (the provider's Location or HealthcareService, or the row's). */
        String[] source(String column) {
            String element = elements.getOrDefault(column, column);
            int at = element.indexOf(SEPARATOR);
            return at < 0 ? new String[] {resource, element} : new String[] {element.substring(0, at), element.substring(at + 1)};
        }
    }

    /** Separates a resource from its element in {@link Row#elements}. */
    private static final char SEPARATOR = '\u0000';

    private static final Map<String, String> PROVIDER_ELEMENTS = Map.ofEntries(Map.entry("id", "identifier / id"),
            Map.entry("agb", "identifier (AGB)"), Map.entry("kvk", "identifier (KvK)"), Map.entry("naam", "name"),
            Map.entry("soort", "type"), Map.entry("gemeente", "Location.partOf / Location.address"),
            Map.entry("adres", "Location.address"), Map.entry("breedtegraad", "Location.position.latitude"),
            Map.entry("lengtegraad", "Location.position.longitude"),
            Map.entry("neemt_clienten_aan", "HealthcareService.extension (neemt-clienten-aan)"),
            Map.entry("capaciteit", "HealthcareService.extension (capaciteit)"),
            Map.entry("beschikbaar", "HealthcareService.extension (beschikbaar)"),
            Map.entry("wachtdagen", "HealthcareService.extension (wachtdagen)"),
            Map.entry("werkgebied", "HealthcareService.coverageArea"),
            Map.entry("capaciteit_bijgewerkt", "HealthcareService.extension (capaciteit-bijgewerkt)"));
    private static final Map<String, String> NETWORK_ELEMENTS = Map.of("id", "identifier / id", "naam", "name", "soort", "type",
            "aandoeningen", "extension (netwerk-zorgvraag)", "werkgebied", "extension (netwerk-werkgebied)");
    private static final Map<String, String> MEMBERSHIP_ELEMENTS = Map.of("netwerk", "organization", "zorgaanbieder",
            "participatingOrganization", "rol", "code", "sinds", "period.start");
    private static final Map<String, String> COLLABORATION_ELEMENTS = Map.of("zorgaanbieder", "organization", "partner",
            "participatingOrganization", "soort", "code", "sinds", "period.start", "formeel", "extension (formeel)");

    /** The translation of one bundle into rows, with the problems found on the way. */
    private final class Mapping {
        private final @Nullable String defaultMunicipality;
        final List<FhirProblem> problems = new ArrayList<>();
        final List<FhirProblem> notes = new ArrayList<>();
        final Map<ImportKind, List<Row>> rows = new EnumMap<>(ImportKind.class);
        private final Map<String, Resource> byKey = new LinkedHashMap<>();
        private final Map<String, Resource> byFullUrl = new HashMap<>();
        private final Map<String, MunicipalityGeometry> municipalities = new LinkedHashMap<>();
        private final Map<String, String> municipalityByName = new HashMap<>();
        private final Map<Organization, List<Location>> locationsOf = new java.util.IdentityHashMap<>();
        private final Map<Organization, List<HealthcareService>> servicesOf = new java.util.IdentityHashMap<>();
        private final Map<Location, List<HealthcareService>> servicesAt = new java.util.IdentityHashMap<>();
        private final Set<Organization> exchanges = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        Mapping(@Nullable String defaultMunicipality) {
            this.defaultMunicipality = defaultMunicipality;
            for (ImportKind kind : List.of(ImportKind.PROVIDERS, ImportKind.NETWORKS, ImportKind.MEMBERSHIPS, ImportKind.COLLABORATIONS)) {
                rows.put(kind, new ArrayList<>());
            }
            for (MunicipalityGeometry m : geography.municipalities()) {
                municipalities.put(m.code(), m);
                municipalityByName.put(normal(m.name()), m.code());
            }
        }

        void problem(String resource, String element, String value, String message) {
            problems.add(new FhirProblem(resource, element, value, message));
        }

        void note(String resource, String message) {
            notes.add(new FhirProblem(resource, "", "", message));
        }

        Map<ImportKind, Integer> counts() {
            Map<ImportKind, Integer> counts = new EnumMap<>(ImportKind.class);
            rows.forEach((kind, list) -> counts.put(kind, list.size()));
            return counts;
        }

        void map(Bundle bundle) {
            int index = 0;
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                index++;
                Resource resource = entry.getResource();
                if (resource == null) {
                    if (entry.hasRequest() && entry.getRequest().getMethod() == Bundle.HTTPVerb.DELETE) {
                        problem("entry " + index, "request", entry.getRequest().getUrl(),
                                "Verwijderen via een bundel kan niet; verwijder in de Atlas zelf of met verwijderen=ja in CSV.");
                    } else {
                        problem("entry " + index, "resource", "", "Dit onderdeel van de bundel bevat geen resource.");
                    }
                    continue;
                }
                String id = resource.getIdElement().getIdPart();
                if (id == null && entry.hasFullUrl() && !entry.getFullUrl().startsWith("urn:")) {
                    id = entry.getFullUrl().substring(entry.getFullUrl().lastIndexOf('/') + 1);
                }
                String key = resource.fhirType() + "/" + (id == null ? "#" + index : id);
                if (id == null && !entry.hasFullUrl()) {
                    problem("entry " + index + " (" + resource.fhirType() + ")", "id", "", "De resource heeft geen id en geen fullUrl.");
                    continue;
                }
                if (byKey.putIfAbsent(key, resource) != null) {
                    problem(key, "id", id, "Deze resource staat twee keer in de bundel.");
                }
                if (entry.hasFullUrl()) {
                    byFullUrl.put(entry.getFullUrl(), resource);
                }
            }
            if (!problems.isEmpty()) {
                return;
            }
            // Indexes, so each organisation finds its locations and services without a pass over the bundle.
            for (Resource r : byKey.values()) {
                if (r instanceof Location l && !FhirCodes.isMcsd(l.getType(), "jurisdiction")
                        && resolve(l.getManagingOrganization()) instanceof Organization o) {
                    locationsOf.computeIfAbsent(o, k -> new ArrayList<>()).add(l);
                } else if (r instanceof HealthcareService s) {
                    if (resolve(s.getProvidedBy()) instanceof Organization o) {
                        servicesOf.computeIfAbsent(o, k -> new ArrayList<>()).add(s);
                    }
                    for (Reference ref : s.getLocation()) {
                        if (resolve(ref) instanceof Location l) {
                            servicesAt.computeIfAbsent(l, k -> new ArrayList<>()).add(s);
                        }
                    }
                } else if (r instanceof OrganizationAffiliation a && "HIE/HIO".equals(FhirCodes.code(a.getCode(), FhirCodes.ORGANIZATION_ROLE))
                        && resolve(a.getOrganization()) instanceof Organization o) {
                    exchanges.add(o);
                }
            }
            Map<Organization, String> networks = new LinkedHashMap<>();
            List<Organization> providers = new ArrayList<>();
            Set<Organization> memberOrganizations = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Resource r : byKey.values()) {
                if (r instanceof OrganizationAffiliation a && isMembership(a) && resolve(a.getOrganization()) instanceof Organization o) {
                    memberOrganizations.add(o);
                }
            }
            for (Map.Entry<String, Resource> e : byKey.entrySet()) {
                Resource r = e.getValue();
                String key = e.getKey();
                switch (r) {
                    case Organization o when FhirCodes.isMcsd(o.getType(), "jurisdiction") -> {
                        // Geography: the Atlas has its municipalities; a jurisdiction only helps to place providers.
                        if (o.getIdentifier().stream().noneMatch(i -> FhirCodes.MUNICIPALITY.equals(i.getSystem()))) {
                            note(key, "Niet opgenomen: een bestuurlijk gebied (jurisdiction); de Atlas kent de CBS-gemeenten.");
                        }
                    }
                    case Organization o when FhirCodes.NETWORK.equals(FhirCodes.code(o.getType(), FhirCodes.ORGANIZATION_KIND))
                            || memberOrganizations.contains(o) -> networks.put(o, key);
                    case Organization o -> providers.add(o);
                    case Location l -> {
                    }
                    case HealthcareService s -> {
                    }
                    case OrganizationAffiliation a -> {
                    }
                    default -> note(key, "Niet opgenomen: de Atlas houdt geen " + r.fhirType() + " bij (alleen organisaties, "
                            + "locaties, zorgdiensten, lidmaatschappen en samenwerkingen).");
                }
            }
            for (Organization o : providers) {
                provider(o);
            }
            for (Map.Entry<Organization, String> e : networks.entrySet()) {
                network(e.getKey(), e.getValue());
            }
            for (Map.Entry<String, Resource> e : byKey.entrySet()) {
                if (e.getValue() instanceof OrganizationAffiliation a) {
                    affiliation(a, e.getKey(), networks.keySet());
                }
                if (e.getValue() instanceof Location l && !FhirCodes.isMcsd(l.getType(), "jurisdiction") && !l.hasManagingOrganization()
                        && servicesAt.getOrDefault(l, List.of()).stream().noneMatch(HealthcareService::hasProvidedBy)) {
                    note(e.getKey(), "Niet opgenomen: deze locatie hoort bij geen organisatie (managingOrganization ontbreekt).");
                }
            }
        }

        /** The resource a reference names, in this bundle: relative, absolute or by fullUrl. */
        @Nullable Resource resolve(Reference reference) {
            if (reference == null || !reference.hasReference()) {
                return null;
            }
            String ref = reference.getReference();
            Resource byUrl = byFullUrl.get(ref);
            if (byUrl != null) {
                return byUrl;
            }
            String local = local(ref);
            return local == null ? null : byKey.get(local);
        }

        private String key(Resource resource) {
            return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        }

        /** The Atlas key of a provider or network Organization: its Atlas identifier, else its resource id. */
        String atlasId(Organization o, String system) {
            for (Identifier identifier : o.getIdentifier()) {
                if (system.equals(identifier.getSystem()) && !text(identifier.getValue()).isBlank()) {
                    return identifier.getValue();
                }
            }
            return Optional.ofNullable(o.getIdElement().getIdPart()).orElse("");
        }

        private void provider(Organization org) {
            String key = key(org);
            Map<String, String> elements = new HashMap<>(PROVIDER_ELEMENTS);
            if (text(org.getName()).isBlank()) {
                problem(key, "name", "", "Een organisatie heeft een naam nodig (mCSD: name 1..1).");
            }
            if (!active(org.getActiveElement())) {
                note(key, "Niet opgenomen: de organisatie is niet actief (active = false).");
                return;
            }
            String agb = null;
            String kvk = null;
            for (Identifier identifier : org.getIdentifier()) {
                if (FhirCodes.AGB.equals(identifier.getSystem()) || FhirCodes.AGB_OID.equals(identifier.getSystem())) {
                    agb = identifier.getValue();
                } else if (FhirCodes.KVK.equals(identifier.getSystem())) {
                    kvk = identifier.getValue();
                }
            }
            // Its locations: managed by it, or where its services are given.
            List<Location> locations = new ArrayList<>(locationsOf.getOrDefault(org, List.of()));
            Set<HealthcareService> found = new LinkedHashSet<>(servicesOf.getOrDefault(org, List.of()));
            for (Location l : locations) {
                servicesAt.getOrDefault(l, List.of()).stream().filter(s -> !s.hasProvidedBy()).forEach(found::add);
            }
            List<HealthcareService> services = List.copyOf(found);
            for (HealthcareService s : services) {
                s.getLocation().forEach(ref -> {
                    if (resolve(ref) instanceof Location l && !locations.contains(l)) {
                        locations.add(l);
                    }
                });
            }
            Location location = locations.stream().filter(Location::hasPosition).findFirst()
                    .orElse(locations.isEmpty() ? null : locations.getFirst());
            for (Location other : locations) {
                if (other != location) {
                    note(key(other), "Niet opgenomen: de Atlas houdt één plaats per zorgaanbieder bij; die van "
                            + key(location) + " is gebruikt.");
                }
            }
            String locationKey = location == null ? key : key(location);
            // The type: the Atlas's own code, else a code of another system the Atlas knows.
            List<CodeableConcept> serviceTypes = services.stream().flatMap(s -> s.getType().stream()).toList();
            String type = Optional.ofNullable(FhirCodes.code(org.getType(), FhirCodes.PROVIDER_TYPE))
                    .or(() -> Optional.ofNullable(FhirCodes.code(serviceTypes, FhirCodes.PROVIDER_TYPE)))
                    .or(() -> Optional.ofNullable(FhirCodes.knownType(serviceTypes)))
                    .or(() -> Optional.ofNullable(location == null ? null : FhirCodes.knownType(location.getType())))
                    .or(() -> Optional.ofNullable(FhirCodes.knownType(org.getType())))
                    .orElse("");
            if (type.isEmpty()) {
                problem(key, "type", codes(org.getType(), serviceTypes), "Onbekende soort zorgaanbieder: geef een code uit "
                        + FhirCodes.PROVIDER_TYPE + " of een code die de Atlas kent (docs/fhir.md).");
            }
            // The place: the position, the municipality of the jurisdiction it is part of, else of its address.
            String municipality = null;
            String address = "";
            String latitude = "";
            String longitude = "";
            if (location != null) {
                elements.put("gemeente", locationKey + SEPARATOR + "partOf / address");
                elements.put("adres", locationKey + SEPARATOR + "address");
                elements.put("breedtegraad", locationKey + SEPARATOR + "position.latitude");
                elements.put("lengtegraad", locationKey + SEPARATOR + "position.longitude");
                if (text(location.getName()).isBlank()) {
                    problem(locationKey, "name", "", "Een locatie heeft een naam nodig (mCSD: name 1..1).");
                }
                if (location.hasPartOf() && resolve(location.getPartOf()) instanceof Location jurisdiction) {
                    municipality = municipalityOf(jurisdiction);
                } else if (location.hasPartOf()) {
                    municipality = gmCode(location.getPartOf());
                }
                Address a = location.getAddress();
                if (municipality == null && location.hasAddress()) {
                    municipality = municipalityByName.get(normal(a.hasDistrict() ? a.getDistrict() : a.getCity()));
                    if (municipality == null && a.hasCity()) {
                        municipality = municipalityByName.get(normal(a.getCity()));
                    }
                }
                address = addressText(a);
                if (location.hasPosition()) {
                    latitude = location.getPosition().hasLatitude() ? location.getPosition().getLatitude().toPlainString() : "";
                    longitude = location.getPosition().hasLongitude() ? location.getPosition().getLongitude().toPlainString() : "";
                    if (municipality == null && !latitude.isEmpty() && !longitude.isEmpty()) {
                        municipality = containing(Double.parseDouble(latitude), Double.parseDouble(longitude));
                    }
                }
            }
            if (municipality == null && defaultMunicipality != null) {
                municipality = defaultMunicipality;
                note(locationKey, "Geplaatst in de gekozen gemeente " + defaultMunicipality
                        + ": de bundel zegt niet waar deze organisatie is.");
            }
            if (municipality == null) {
                problem(locationKey, location == null ? "Location" : "partOf / address", "",
                        "Niet te plaatsen: geef een Location (managingOrganization) met een gemeente (partOf een gemeente, "
                                + "address.city) of een positie, of kies bij het importeren een gemeente voor zulke organisaties.");
                municipality = "";
            }
            if (latitude.isEmpty() && municipalities.containsKey(municipality)) {
                MunicipalityGeometry m = municipalities.get(municipality);
                latitude = String.valueOf(m.inner().latitude());
                longitude = String.valueOf(m.inner().longitude());
                note(locationKey, "Zonder positie: op een punt midden in gemeente " + m.name() + " gezet.");
            }
            // Service area, capacity: from its services.
            Set<String> serves = new LinkedHashSet<>();
            String accepting = "";
            String capacity = "";
            String available = "";
            String waiting = "";
            String updated = "";
            for (HealthcareService s : services) {
                for (Reference area : s.getCoverageArea()) {
                    String code = resolve(area) instanceof Location jurisdiction ? municipalityOf(jurisdiction)
                            : gmCode(area);
                    if (code == null) {
                        problem(key(s), "coverageArea", area.getReference() == null ? "" : area.getReference(),
                                "Geen Nederlandse gemeente: een werkgebied verwijst naar een gemeente (Location met CBS-code).");
                    } else {
                        serves.add(code);
                    }
                }
                accepting = accepting.isEmpty() ? bool(s, FhirCodes.EXT_ACCEPTING) : accepting;
                capacity = capacity.isEmpty() ? integer(s, FhirCodes.EXT_CAPACITY) : capacity;
                available = available.isEmpty() ? integer(s, FhirCodes.EXT_AVAILABLE) : available;
                waiting = waiting.isEmpty() ? integer(s, FhirCodes.EXT_WAITING_DAYS) : waiting;
                if (updated.isEmpty() && s.getExtensionByUrl(FhirCodes.EXT_CAPACITY_UPDATED) != null
                        && s.getExtensionByUrl(FhirCodes.EXT_CAPACITY_UPDATED).getValue() instanceof DateTimeType t) {
                    updated = text(t.getValueAsString());
                }
            }
            if (!services.isEmpty()) {
                String sKey = key(services.getFirst());
                for (String column : List.of("neemt_clienten_aan", "capaciteit", "beschikbaar", "wachtdagen", "werkgebied",
                        "capaciteit_bijgewerkt")) {
                    elements.put(column, sKey + SEPARATOR + PROVIDER_ELEMENTS.get(column).substring("HealthcareService.".length()));
                }
            }
            // What the bundle does not speak of is kept: a publisher without the Atlas's capacity extensions does not
            // empty the capacity, one without any HealthcareService not the service area.
            boolean speaksCapacity = services.stream().anyMatch(sv -> sv.getExtension().stream().anyMatch(e -> e.getUrl() != null
                    && List.of(FhirCodes.EXT_ACCEPTING, FhirCodes.EXT_CAPACITY, FhirCodes.EXT_AVAILABLE, FhirCodes.EXT_WAITING_DAYS,
                            FhirCodes.EXT_CAPACITY_UPDATED).contains(e.getUrl())));
            List<Object> cells = new ArrayList<>(List.of(atlasId(org, FhirCodes.PROVIDER_ID), text(agb), text(kvk),
                    text(org.getName()), type, municipality, address, latitude, longitude, accepting, capacity,
                    available, waiting, String.join("|", serves), updated));
            rows.get(ImportKind.PROVIDERS).add(new Row(cells, key, elements, !speaksCapacity, services.isEmpty()));
        }

        private void network(Organization org, String key) {
            if (!active(org.getActiveElement())) {
                note(key, "Niet opgenomen: het netwerk is niet actief (active = false).");
                return;
            }
            if (text(org.getName()).isBlank()) {
                problem(key, "name", "", "Een organisatie heeft een naam nodig (mCSD: name 1..1).");
            }
            String kind = FhirCodes.code(org.getType(), FhirCodes.NETWORK_KIND);
            if (kind == null) {
                kind = exchanges.contains(org) ? "GEGEVENSUITWISSELING" : "OVERIG";
                note(key, "Als netwerk van soort " + kind + " opgenomen: de organisatie heeft leden (OrganizationAffiliation).");
            }
            List<String> focus = new ArrayList<>();
            List<String> area = new ArrayList<>();
            for (Extension e : org.getExtension()) {
                if (FhirCodes.EXT_NETWORK_FOCUS.equals(e.getUrl()) && e.getValue() instanceof Coding c) {
                    focus.add(c.getCode());
                } else if (FhirCodes.EXT_NETWORK_AREA.equals(e.getUrl()) && e.getValue() instanceof Reference ref) {
                    String code = resolve(ref) instanceof Location l ? municipalityOf(l)
                            : gmCode(ref);
                    if (code == null) {
                        problem(key, "extension (netwerk-werkgebied)", ref.getReference() == null ? "" : ref.getReference(),
                                "Geen Nederlandse gemeente.");
                    } else {
                        area.add(code);
                    }
                }
            }
            rows.get(ImportKind.NETWORKS).add(new Row(List.of(atlasId(org, FhirCodes.NETWORK_ID), text(org.getName()),
                    kind, String.join("|", focus), String.join("|", area)), key, NETWORK_ELEMENTS));
        }

        private boolean isMembership(OrganizationAffiliation a) {
            String role = FhirCodes.code(a.getCode(), FhirCodes.ORGANIZATION_ROLE);
            return FhirCodes.code(a.getCode(), FhirCodes.MEMBERSHIP_ROLE) != null || "member".equals(role) || "HIE/HIO".equals(role);
        }

        private void affiliation(OrganizationAffiliation a, String key, Set<Organization> networks) {
            if (!active(a.getActiveElement())) {
                note(key, "Niet opgenomen: niet actief (active = false).");
                return;
            }
            if (resolve(a.getOrganization()) instanceof Organization o && !active(o.getActiveElement())
                    || resolve(a.getParticipatingOrganization()) instanceof Organization o2 && !active(o2.getActiveElement())) {
                note(key, "Niet opgenomen: een van beide organisaties is niet actief (active = false).");
                return;
            }
            if (!a.hasOrganization() || !a.hasParticipatingOrganization()) {
                problem(key, a.hasOrganization() ? "participatingOrganization" : "organization", "",
                        "Een OrganizationAffiliation noemt beide organisaties (mCSD: organization en participatingOrganization 1..1).");
                return;
            }
            String since = text(a.getPeriod().getStartElement().getValueAsString());
            if (since.length() > 10) {
                since = since.substring(0, 10);
            }
            Resource organization = resolve(a.getOrganization());
            Resource participant = resolve(a.getParticipatingOrganization());
            String participantId = participant instanceof Organization p ? atlasId(p, FhirCodes.PROVIDER_ID)
                    : referencedId(a.getParticipatingOrganization(), FhirCodes.PROVIDER_ID);
            if (organization instanceof Organization o && networks.contains(o)) {
                String role = Optional.ofNullable(FhirCodes.code(a.getCode(), FhirCodes.MEMBERSHIP_ROLE)).orElse("LID");
                rows.get(ImportKind.MEMBERSHIPS).add(new Row(List.of(atlasId(o, FhirCodes.NETWORK_ID), participantId, role, since, ""),
                        key, MEMBERSHIP_ELEMENTS));
                return;
            }
            if (organization == null && isMembership(a)) {
                // A membership of a network already in the Atlas (not in this bundle).
                String role = Optional.ofNullable(FhirCodes.code(a.getCode(), FhirCodes.MEMBERSHIP_ROLE)).orElse("LID");
                rows.get(ImportKind.MEMBERSHIPS).add(new Row(List.of(referencedId(a.getOrganization(), FhirCodes.NETWORK_ID),
                        participantId, role, since, ""), key, MEMBERSHIP_ELEMENTS));
                return;
            }
            String organizationId = organization instanceof Organization o ? atlasId(o, FhirCodes.PROVIDER_ID)
                    : referencedId(a.getOrganization(), FhirCodes.PROVIDER_ID);
            String kind = FhirCodes.code(a.getCode(), FhirCodes.COLLABORATION_KIND);
            if (kind == null) {
                kind = "AGREEMENT";
                note(key, "Als samenwerkingsafspraak (AGREEMENT) opgenomen: " + codes(a.getCode(), List.of()) + ".");
            }
            String formal = a.getExtensionByUrl(FhirCodes.EXT_FORMAL) != null
                    && a.getExtensionByUrl(FhirCodes.EXT_FORMAL).getValue() instanceof BooleanType b ? (b.booleanValue() ? "ja" : "nee") : "";
            rows.get(ImportKind.COLLABORATIONS).add(new Row(List.of(organizationId, participantId, kind, since, formal, ""), key,
                    COLLABORATION_ELEMENTS));
        }

        /** The id a reference to a resource outside the bundle names: for a provider already in the Atlas. */
        private String referencedId(Reference reference, String system) {
            if (reference.hasIdentifier() && system.equals(reference.getIdentifier().getSystem())
                    && !text(reference.getIdentifier().getValue()).isBlank()) {
                return reference.getIdentifier().getValue();
            }
            String local = local(reference.getReference());
            String id = local == null ? "" : local.substring(local.indexOf('/') + 1);
            return system.equals(FhirCodes.NETWORK_ID) && id.startsWith("netwerk-") ? id.substring("netwerk-".length()) : id;
        }

        /** The CBS code of a jurisdiction Location: its identifier, its id, or its name. */
        private @Nullable String municipalityOf(Location jurisdiction) {
            for (Identifier identifier : jurisdiction.getIdentifier()) {
                if (FhirCodes.MUNICIPALITY.equals(identifier.getSystem()) && !text(identifier.getValue()).isBlank()) {
                    return identifier.getValue();
                }
            }
            String id = jurisdiction.getIdElement().getIdPart();
            if (id != null && municipalities.containsKey(id)) {
                return id;
            }
            return jurisdiction.hasName() ? municipalityByName.get(normal(jurisdiction.getName())) : null;
        }

        private @Nullable String containing(double latitude, double longitude) {
            for (MunicipalityGeometry m : municipalities.values()) {
                if (m.outline().contains(longitude, latitude)) {
                    return m.code();
                }
            }
            return null;
        }
    }

    /** {@code Type/id} of a reference: relative, absolute or versioned ({@code …/_history/n}); null if it is none. */
    static @Nullable String local(@Nullable String reference) {
        if (reference == null || reference.startsWith("#")) {
            return null;
        }
        String ref = reference.replaceFirst("/_history/[^/]*$", "");
        String[] parts = ref.split("/");
        return parts.length >= 2 && !parts[parts.length - 1].isEmpty() ? parts[parts.length - 2] + "/" + parts[parts.length - 1] : null;
    }

    /** The CBS code a reference to a municipality's Location names by its id ({@code Location/GM0321}), if any. */
    static @Nullable String gmCode(Reference reference) {
        String local = local(reference.getReference());
        return local != null && local.matches("Location/GM\\d{4}") ? local.substring("Location/".length()) : null;
    }

    private static boolean active(org.hl7.fhir.r4.model.BooleanType active) {
        return active == null || active.getValue() == null || active.getValue();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String bool(DomainResource resource, String url) {
        Extension e = resource.getExtensionByUrl(url);
        return e != null && e.getValue() instanceof BooleanType b && b.getValue() != null ? (b.booleanValue() ? "ja" : "nee") : "";
    }

    private static String integer(DomainResource resource, String url) {
        Extension e = resource.getExtensionByUrl(url);
        return e != null && e.getValue() instanceof IntegerType i && i.getValue() != null ? String.valueOf(i.getValue()) : "";
    }

    private static String addressText(Address a) {
        if (!text(a.getText()).isBlank()) {
            return a.getText();
        }
        List<String> parts = new ArrayList<>();
        a.getLine().forEach(l -> {
            if (!text(l.getValue()).isBlank()) {
                parts.add(l.getValue());
            }
        });
        String place = text(a.getPostalCode()) + " " + text(a.getCity());
        if (!place.isBlank()) {
            parts.add(place.strip());
        }
        return String.join(", ", parts);
    }

    private static String codes(List<CodeableConcept> a, List<CodeableConcept> b) {
        List<String> codes = new ArrayList<>();
        for (List<CodeableConcept> list : List.of(a, b)) {
            for (CodeableConcept concept : list) {
                for (Coding c : concept.getCoding()) {
                    codes.add((c.hasSystem() ? c.getSystem() + "|" : "") + c.getCode());
                }
            }
        }
        return codes.isEmpty() ? "" : String.join(", ", codes);
    }

    /** A place name compared without case, accents, "Gemeente " or punctuation. */
    static String normal(@Nullable String name) {
        if (name == null) {
            return "";
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
        if (n.startsWith("gemeente ")) {
            n = n.substring("gemeente ".length());
        }
        return n.replaceAll("[^a-z0-9]+", " ").strip();
    }
}
