package nl.netwerkzorg.atlas.geography;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import nl.netwerkzorg.atlas.database.DerivedDataMarkers;
import nl.netwerkzorg.atlas.geography.CsvImportException.RowProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Municipalities and regions: loads the shipped CBS geography and imports region layers and inhabitants from CSV.
 * Imports are all-or-nothing: every row is validated first, and one transaction writes them or nothing.
 */
@Service
public class GeographyService {

    public static final List<String> REGION_HEADER = List.of("region_kind", "region_code", "region_name", "municipality_code");
    public static final List<String> INHABITANTS_HEADER = List.of("municipality_code", "inhabitants", "reference_date");
    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("GM\\d{4}");
    private static final Pattern REGION_KIND = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern REGION_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    /**
     * Marker key whose time changes with every change of municipalities, regions or inhabitants; caches of regional
     * figures use it as their version (it is stored in the database, so every application instance sees it).
     */
    public static final String GEOGRAPHY_VERSION = "geography";
    private static final Logger log = LoggerFactory.getLogger(GeographyService.class);

    private final Neo4jClient neo4j;
    private final ReferenceGeography reference;
    private final DerivedDataMarkers markers;

    GeographyService(Neo4jClient neo4j, ReferenceGeography reference, DerivedDataMarkers markers) {
        this.neo4j = neo4j;
        this.reference = reference;
        this.markers = markers;
    }

    /** Region layer counts of an import. */
    public record RegionImportResult(int regions, int memberships, Set<String> kinds) {
    }

    /** Result of an inhabitants import. */
    public record InhabitantsImportResult(int municipalities, long inhabitants) {
    }

    @Transactional(readOnly = true)
    public long municipalityCount() {
        return neo4j.query("MATCH (m:Municipality) RETURN count(m) AS n").fetchAs(Long.class).one().orElse(0L);
    }

    /** Writes the 342 shipped municipalities (idempotent: MERGE on the CBS code). */
    @Transactional
    public int loadMunicipalities() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MunicipalityGeometry m : reference.municipalities()) {
            Map<String, Object> row = new HashMap<>();
            row.put("code", m.code());
            row.put("name", m.name());
            row.put("provinceCode", m.provinceCode());
            row.put("provinceName", m.provinceName());
            row.put("areaKm2", m.areaKm2());
            row.put("centroidLat", m.centroid().latitude());
            row.put("centroidLon", m.centroid().longitude());
            row.put("innerLat", m.inner().latitude());
            row.put("innerLon", m.inner().longitude());
            row.put("boundary", m.outlineGeoJson());
            rows.add(row);
        }
        neo4j.query("""
                UNWIND $rows AS row
                MERGE (m:Municipality {code: row.code})
                SET m.name = row.name, m.provinceCode = row.provinceCode, m.provinceName = row.provinceName,
                    m.areaKm2 = row.areaKm2,
                    m.centroid = point({latitude: row.centroidLat, longitude: row.centroidLon}),
                    m.location = point({latitude: row.innerLat, longitude: row.innerLon}),
                    m.boundaryGeoJson = row.boundary
                """).bind(rows).to("rows").run();
        markers.record(GEOGRAPHY_VERSION, OffsetDateTime.now(), 0);
        log.info("Loaded {} municipalities ({})", rows.size(), ReferenceGeography.ATTRIBUTION);
        return rows.size();
    }

    /**
     * Imports {@code region_kind;region_code;region_name;municipality_code}. For every kind in the file its
     * memberships are replaced by the file's; regions of that kind no longer in the file are removed unless
     * something else (a network, a manager) still refers to them.
     */
    @Transactional
    public RegionImportResult importRegions(String csv) {
        List<SemicolonCsv.Row> rows = SemicolonCsv.read(csv, REGION_HEADER);
        Set<String> known = knownMunicipalityCodes();
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Map<String, Object>> regions = new LinkedHashMap<>();
        Map<String, String> regionKindByCode = new HashMap<>();
        Set<String> memberships = new HashSet<>();
        List<Map<String, Object>> links = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        for (SemicolonCsv.Row row : rows) {
            String kind = row.get(0).toUpperCase(Locale.ROOT);
            String code = row.get(1);
            String name = row.get(2);
            String municipality = row.get(3).toUpperCase(Locale.ROOT);
            int before = problems.size();
            if (row.fields().size() != 4) {
                problems.add(new RowProblem(row.line(), "verwacht 4 velden, gevonden " + row.fields().size()));
                continue;
            }
            if (!REGION_KIND.matcher(kind).matches()) {
                problems.add(new RowProblem(row.line(), "ongeldige regiosoort '" + row.get(0) + "' (hoofdletters, cijfers en _)"));
            }
            if (!REGION_CODE.matcher(code).matches()) {
                problems.add(new RowProblem(row.line(), "ongeldige regiocode '" + code + "'"));
            }
            if (name.isEmpty() || name.length() > 120) {
                problems.add(new RowProblem(row.line(), "regionaam ontbreekt of is langer dan 120 tekens"));
            }
            if (!MUNICIPALITY_CODE.matcher(municipality).matches()) {
                problems.add(new RowProblem(row.line(), "ongeldige gemeentecode '" + row.get(3) + "' (verwacht GM gevolgd door 4 cijfers)"));
            } else if (!known.contains(municipality)) {
                problems.add(new RowProblem(row.line(), "onbekende gemeentecode " + municipality));
            }
            String previousKind = regionKindByCode.putIfAbsent(code, kind);
            if (previousKind != null && !previousKind.equals(kind)) {
                problems.add(new RowProblem(row.line(), "regiocode " + code + " komt al voor met soort " + previousKind));
            }
            if (problems.size() > before) {
                continue;
            }
            if (!memberships.add(code + "|" + municipality)) {
                problems.add(new RowProblem(row.line(), "gemeente " + municipality + " staat dubbel in regio " + code));
                continue;
            }
            regions.putIfAbsent(code, Map.of("code", code, "kind", kind, "name", name));
            links.add(Map.of("region", code, "municipality", municipality));
            kinds.add(kind);
        }
        if (!problems.isEmpty()) {
            throw new CsvImportException(problems);
        }
        if (rows.isEmpty()) {
            throw new CsvImportException(List.of(new RowProblem(2, "het bestand bevat geen regels na de kopregel")));
        }
        writeRegions(List.copyOf(regions.values()), links, kinds, true);
        return new RegionImportResult(regions.size(), links.size(), Set.copyOf(kinds));
    }

    /**
     * Writes checked region rows ({@code code}, {@code kind}, {@code name}) and memberships ({@code region},
     * {@code municipality}) in the caller's transaction. With {@code wholeKinds}, for every kind given its memberships
     * are replaced and regions of that kind no longer listed are removed unless something else still refers to them;
     * otherwise only the listed regions' memberships are replaced and other regions stay.
     */
    @Transactional
    public void writeRegions(List<Map<String, Object>> regions, List<Map<String, Object>> links, Set<String> kinds,
            boolean wholeKinds) {
        List<Object> codes = regions.stream().map(r -> r.get("code")).toList();
        neo4j.query("""
                MATCH (:Municipality)-[rel:IN_REGION]->(r:Region)
                WHERE CASE WHEN $wholeKinds THEN r.kind IN $kinds ELSE r.code IN $codes END
                DELETE rel
                """).bind(List.copyOf(kinds)).to("kinds").bind(codes).to("codes").bind(wholeKinds).to("wholeKinds").run();
        neo4j.query("""
                UNWIND $regions AS row
                MERGE (r:Region {code: row.code})
                SET r.kind = row.kind, r.name = row.name
                """).bind(List.copyOf(regions)).to("regions").run();
        neo4j.query("""
                UNWIND $links AS row
                MATCH (r:Region {code: row.region}), (m:Municipality {code: row.municipality})
                CREATE (m)-[:IN_REGION]->(r)
                """).bind(links).to("links").run();
        if (wholeKinds) {
            neo4j.query("""
                    MATCH (r:Region) WHERE r.kind IN $kinds AND NOT r.code IN $codes AND NOT EXISTS { (r)--() }
                    DELETE r
                    """).bind(List.copyOf(kinds)).to("kinds").bind(codes).to("codes").run();
        }
        markers.record(GEOGRAPHY_VERSION, OffsetDateTime.now(), 0);
        log.info("Imported {} regions of kind(s) {} with {} municipality memberships", regions.size(), kinds, links.size());
    }

    /** Imports {@code municipality_code;inhabitants;reference_date}; {@code source} is IMPORT or ESTIMATE. */
    @Transactional
    public InhabitantsImportResult importInhabitants(String csv, String source) {
        List<SemicolonCsv.Row> rows = SemicolonCsv.read(csv, INHABITANTS_HEADER);
        Set<String> known = knownMunicipalityCodes();
        List<RowProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Map<String, Object>> values = new ArrayList<>();
        long total = 0;
        for (SemicolonCsv.Row row : rows) {
            if (row.fields().size() != 3) {
                problems.add(new RowProblem(row.line(), "verwacht 3 velden, gevonden " + row.fields().size()));
                continue;
            }
            String code = row.get(0).toUpperCase(Locale.ROOT);
            int before = problems.size();
            if (!known.contains(code)) {
                problems.add(new RowProblem(row.line(), MUNICIPALITY_CODE.matcher(code).matches()
                        ? "onbekende gemeentecode " + code
                        : "ongeldige gemeentecode '" + row.get(0) + "' (verwacht GM gevolgd door 4 cijfers)"));
            } else if (!seen.add(code)) {
                problems.add(new RowProblem(row.line(), "gemeente " + code + " staat dubbel in het bestand"));
            }
            long inhabitants = -1;
            try {
                inhabitants = Long.parseLong(row.get(1).replace(".", "").replace(" ", ""));
            } catch (NumberFormatException e) {
                // reported below
            }
            if (inhabitants < 0 || inhabitants > 2_000_000) {
                problems.add(new RowProblem(row.line(), "aantal inwoners '" + row.get(1) + "' is geen geheel getal tussen 0 en 2.000.000"));
            }
            LocalDate date = parseDate(row.get(2));
            if (date == null) {
                problems.add(new RowProblem(row.line(), "peildatum '" + row.get(2) + "' is geen datum (jjjj-mm-dd of dd-mm-jjjj)"));
            }
            if (problems.size() == before) {
                values.add(Map.of("code", code, "inhabitants", inhabitants, "date", date));
                total += inhabitants;
            }
        }
        if (!problems.isEmpty()) {
            throw new CsvImportException(problems);
        }
        writeInhabitants(values, source);
        return new InhabitantsImportResult(values.size(), total);
    }

    /** Writes checked inhabitants rows ({@code code}, {@code inhabitants}, {@code date}) in the caller's transaction. */
    @Transactional
    public void writeInhabitants(List<Map<String, Object>> values, String source) {
        neo4j.query("""
                UNWIND $rows AS row
                MATCH (m:Municipality {code: row.code})
                SET m.inhabitants = row.inhabitants, m.inhabitantsReferenceDate = row.date, m.inhabitantsSource = $source
                """).bind(values).to("rows").bind(source).to("source").run();
        markers.record(GEOGRAPHY_VERSION, OffsetDateTime.now(), 0);
        log.info("Imported inhabitants for {} municipalities (source {})", values.size(), source);
    }

    private Set<String> knownMunicipalityCodes() {
        return new HashSet<>(neo4j.query("MATCH (m:Municipality) RETURN m.code AS code").fetchAs(String.class).all());
    }

    private static @Nullable LocalDate parseDate(String text) {
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("dd-MM-uuuu"))) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }
}
