package nl.netwerkzorg.atlas.coverage;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import nl.netwerkzorg.atlas.coverage.Coverage.Gap;
import nl.netwerkzorg.atlas.coverage.Coverage.Matrix;
import nl.netwerkzorg.atlas.coverage.Coverage.MatrixRow;
import nl.netwerkzorg.atlas.coverage.Coverage.Measure;
import nl.netwerkzorg.atlas.coverage.Coverage.MunicipalityCoverage;
import nl.netwerkzorg.atlas.coverage.Coverage.MunicipalityDetail;
import nl.netwerkzorg.atlas.coverage.Coverage.MunicipalityInfo;
import nl.netwerkzorg.atlas.coverage.Coverage.NetworkInfo;
import nl.netwerkzorg.atlas.coverage.Coverage.PathwayInfo;
import nl.netwerkzorg.atlas.coverage.Coverage.ProviderTypeInfo;
import nl.netwerkzorg.atlas.coverage.Coverage.Requirement;
import nl.netwerkzorg.atlas.coverage.Coverage.Result;
import nl.netwerkzorg.atlas.coverage.Coverage.RollupRow;
import nl.netwerkzorg.atlas.coverage.Coverage.Target;
import nl.netwerkzorg.atlas.coverage.Coverage.TypeCount;
import nl.netwerkzorg.atlas.coverage.Coverage.TypeDetail;
import nl.netwerkzorg.atlas.coverage.ReachEstimator.ProviderLocations;
import nl.netwerkzorg.atlas.coverage.ReachEstimator.Reach;
import nl.netwerkzorg.atlas.geography.GeoPoint;
import nl.netwerkzorg.atlas.geography.GeographyService;
import nl.netwerkzorg.atlas.overview.SuppressedCount;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.RegionAccess;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage and regional gaps (DESIGN.md §4): which municipalities of a region are served by a provider type or by all
 * required types of a care pathway, how dense the supply is, and which share of inhabitants lives within the pathway's
 * travel distance. Provider counts come from the derived {@link ProviderTypeCounts} and are cached in memory per
 * version (their {@code computedAt}), so a recomputation after a provider change invalidates the cache everywhere.
 * A network manager only sees their own regions; client counts are suppressed below 5.
 */
@Service
public class CoverageService {

    /** Distance used for a provider type that no pathway requires. */
    static final int DEFAULT_MAX_KM = 15;
    /** The largest distance a user may ask for. */
    public static final int MAX_KM = 100;

    private final Neo4jClient neo4j;
    private final ProviderTypeCounts counts;
    private final ReachEstimator reach;
    private final RegionAccess regionAccess;
    private volatile CountsCache cache = CountsCache.EMPTY;
    private final Map<String, ProviderLocations> locations = new ConcurrentHashMap<>();
    private volatile OffsetDateTime locationsVersion = OffsetDateTime.MIN;
    private final Map<String, RegionData> regionCache = new ConcurrentHashMap<>();
    private volatile OffsetDateTime regionsVersion = OffsetDateTime.MIN;

    CoverageService(Neo4jClient neo4j, ProviderTypeCounts counts, ReachEstimator reach, RegionAccess regionAccess) {
        this.neo4j = neo4j;
        this.counts = counts;
        this.reach = reach;
        this.regionAccess = regionAccess;
    }

    /** A region's code and name. */
    public record RegionRef(String code, String name, String kind) {
    }

    @Transactional(readOnly = true)
    public List<ProviderTypeInfo> providerTypes(Locale locale) {
        boolean english = isEnglish(locale);
        return List.copyOf(neo4j.query("""
                        MATCH (t:ProviderType)
                        RETURN t.code AS code, CASE WHEN $english THEN coalesce(t.nameEn, t.name) ELSE t.name END AS name,
                               coalesce(t.domain, 'UNKNOWN') AS domain
                        ORDER BY name""")
                .bind(english).to("english")
                .fetchAs(ProviderTypeInfo.class)
                .mappedBy((types, r) -> new ProviderTypeInfo(r.get("code").asString(), r.get("name").asString(),
                        r.get("domain").asString()))
                .all());
    }

    @Transactional(readOnly = true)
    public List<PathwayInfo> pathways(Locale locale) {
        boolean english = isEnglish(locale);
        return List.copyOf(neo4j.query("""
                        MATCH (cp:CarePathway)-[:FOR]->(k:Condition)
                        CALL (cp) {
                          MATCH (cp)-[q:REQUIRES]->(t:ProviderType)
                          WITH q, t ORDER BY coalesce(q.optional, false), t.code
                          RETURN collect([t.code, CASE WHEN $english THEN coalesce(t.nameEn, t.name) ELSE t.name END,
                                          coalesce(q.optional, false), coalesce(q.maxKm, 0)]) AS requirements
                        }
                        RETURN cp.code AS code, CASE WHEN $english THEN coalesce(cp.nameEn, cp.name) ELSE cp.name END AS name,
                               k.code AS condition, CASE WHEN $english THEN coalesce(k.nameEn, k.name) ELSE k.name END AS conditionName,
                               coalesce(cp.source, 'assumption') AS source, requirements
                        ORDER BY name""")
                .bind(english).to("english")
                .fetchAs(PathwayInfo.class)
                .mappedBy((types, r) -> new PathwayInfo(r.get("code").asString(), r.get("name").asString(),
                        r.get("condition").asString(), r.get("conditionName").asString(), r.get("source").asString(),
                        r.get("requirements").asList(v -> new Requirement(v.get(0).asString(), v.get(1).asString(),
                                v.get(2).asBoolean(), v.get(3).asInt()))))
                .all());
    }

    /** The region, if it exists and the user may see it; throws {@link AccessDeniedException} when it exists but not for them. */
    @Transactional(readOnly = true)
    public Optional<RegionRef> region(String regionCode, AtlasPrincipal user) {
        Optional<RegionRef> region = regionData(regionCode, versions()).map(RegionData::ref);
        if (region.isPresent() && !regionAccess.mayView(user, regionCode)) {
            throw new AccessDeniedException("No access to region " + regionCode);
        }
        return region;
    }

    /** Coverage of every municipality of the region for a provider type or pathway, by the chosen measure. */
    @Transactional(readOnly = true)
    public Result coverage(String regionCode, Target target, Measure measure, Optional<Integer> maxKm,
            AtlasPrincipal user, Locale locale) {
        long start = System.nanoTime();
        if (maxKm.isPresent() && (maxKm.get() < 1 || maxKm.get() > MAX_KM)) {
            throw new CoverageRequestException("km", String.valueOf(maxKm.get()));
        }
        Versions versions = versions();
        RegionData regionData = requireRegion(regionCode, user, versions);
        RegionRef region = regionData.ref();
        CountsCache counts = currentCounts(versions);
        List<MunicipalityInfo> municipalities = regionData.municipalities();
        List<MunicipalityCoverage> rows = new ArrayList<>(municipalities.size());
        String targetName;
        int km;
        if (target.isPathway()) {
            PathwayInfo pathway = pathway(target.code(), locale)
                    .orElseThrow(() -> new CoverageRequestException("pathway", target.code()));
            if (measure == Measure.DENSITY) {
                throw new CoverageRequestException("measure", measure.parameter());
            }
            targetName = pathway.name();
            km = maxKm.orElse(0);
            List<Requirement> required = pathway.required();
            List<Reach> reaches = measure == Measure.DISTANCE ? reaches(required, maxKm, counts.version()) : List.of();
            for (MunicipalityInfo m : municipalities) {
                List<String> missing = new ArrayList<>();
                long served = 0;
                for (Requirement r : required) {
                    if (counts.count(m.code(), r.typeCode()).served()) {
                        served++;
                    } else {
                        missing.add(r.typeName());
                    }
                }
                Double share = measure == Measure.DISTANCE ? reach.shareWithinReach(m.code(), reaches) : null;
                double value = switch (measure) {
                    case SERVED -> required.isEmpty() ? 1 : (double) served / required.size();
                    case DISTANCE -> share;
                    case DENSITY -> throw new IllegalStateException();
                };
                rows.add(new MunicipalityCoverage(m, 0, served, 0, share, missing, value));
            }
        } else {
            ProviderTypeInfo type = providerTypes(locale).stream().filter(t -> t.code().equals(target.code())).findFirst()
                    .orElseThrow(() -> new CoverageRequestException("type", target.code()));
            targetName = type.name();
            km = maxKm.orElseGet(() -> defaultMaxKm(type.code()));
            List<Reach> reaches = measure == Measure.DISTANCE
                    ? List.of(new Reach(providerLocations(type.code(), counts.version()), km)) : List.of();
            for (MunicipalityInfo m : municipalities) {
                TypeCount c = counts.count(m.code(), type.code());
                double density = m.inhabitants() > 0 ? c.located() * 10_000.0 / m.inhabitants() : 0;
                Double share = measure == Measure.DISTANCE ? reach.shareWithinReach(m.code(), reaches) : null;
                double value = switch (measure) {
                    case SERVED -> c.served() ? 1 : 0;
                    case DENSITY -> density;
                    case DISTANCE -> share;
                };
                rows.add(new MunicipalityCoverage(m, c.located(), c.serving(), density, share,
                        c.served() ? List.of() : List.of(type.name()), value));
            }
        }
        return new Result(region.code(), region.name(), target, targetName, measure, km, rows, counts.version(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Municipalities × all provider types for the region (counts per type). */
    @Transactional(readOnly = true)
    public Matrix matrix(String regionCode, AtlasPrincipal user, Locale locale) {
        long start = System.nanoTime();
        Versions versions = versions();
        RegionData regionData = requireRegion(regionCode, user, versions);
        RegionRef region = regionData.ref();
        CountsCache counts = currentCounts(versions);
        List<MatrixRow> rows = new ArrayList<>();
        for (MunicipalityInfo m : regionData.municipalities()) {
            rows.add(new MatrixRow(m, counts.byMunicipality().getOrDefault(m.code(), Map.of())));
        }
        return new Matrix(region.code(), region.name(), providerTypes(locale), rows, counts.version(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Every municipality of the region missing a required type of the pathway, most inhabitants first; with the number
     * of clients with the pathway's condition living there (suppressed below 5).
     */
    @Transactional(readOnly = true)
    public List<Gap> gaps(String regionCode, String pathwayCode, AtlasPrincipal user, Locale locale) {
        Versions versions = versions();
        RegionData regionData = requireRegion(regionCode, user, versions);
        PathwayInfo pathway = pathway(pathwayCode, locale).orElseThrow(() -> new CoverageRequestException("pathway", pathwayCode));
        CountsCache counts = currentCounts(versions);
        Map<String, Long> clients = new HashMap<>();
        neo4j.query("""
                        MATCH (:Region {code: $region})<-[:IN_REGION]-(m:Municipality)
                        OPTIONAL MATCH (m)-[t:CLIENTS_WITH]->(:Condition {code: $condition})
                        RETURN m.code AS code, coalesce(t.count, 0) AS clients""")
                .bind(regionCode).to("region").bind(pathway.conditionCode()).to("condition")
                .fetch().all()
                .forEach(row -> clients.put((String) row.get("code"), ((Number) row.get("clients")).longValue()));
        List<Gap> gaps = new ArrayList<>();
        for (MunicipalityInfo m : regionData.municipalities()) {
            List<Requirement> missing = pathway.required().stream()
                    .filter(r -> !counts.count(m.code(), r.typeCode()).served()).toList();
            if (!missing.isEmpty()) {
                gaps.add(new Gap(m, missing, SuppressedCount.of(clients.getOrDefault(m.code(), 0L))));
            }
        }
        gaps.sort(Comparator.comparingLong((Gap g) -> g.municipality().inhabitants()).reversed()
                .thenComparing(Comparator.comparingLong((Gap g) -> g.clientsWithCondition().value()).reversed())
                .thenComparing(g -> g.municipality().name()));
        return gaps;
    }

    /**
     * For every region of a kind that the user may see: the share of its municipalities and of its inhabitants served
     * by each provider type.
     */
    @Transactional(readOnly = true)
    public List<RollupRow> rollup(String regionKind, AtlasPrincipal user) {
        CountsCache counts = currentCounts(versions());
        List<RollupRow> rows = new ArrayList<>();
        List<String> types = List.copyOf(neo4j.query("MATCH (t:ProviderType) RETURN t.code ORDER BY t.code").fetchAs(String.class).all());
        neo4j.query("""
                        MATCH (r:Region {kind: $kind})<-[:IN_REGION]-(m:Municipality)
                        WITH r, m ORDER BY m.code
                        RETURN r.code AS code, r.name AS name, collect([m.code, coalesce(m.inhabitants, 0)]) AS municipalities
                        ORDER BY name""")
                .bind(regionKind).to("kind")
                .fetchAs(RollupRow.class)
                .mappedBy((ts, r) -> {
                    List<Value> members = r.get("municipalities").asList(v -> v);
                    long inhabitants = members.stream().mapToLong(v -> v.get(1).asLong()).sum();
                    Map<String, Double> municipalityShare = new LinkedHashMap<>();
                    Map<String, Double> inhabitantShare = new LinkedHashMap<>();
                    for (String type : types) {
                        long served = 0;
                        long servedInhabitants = 0;
                        for (Value v : members) {
                            if (counts.count(v.get(0).asString(), type).served()) {
                                served++;
                                servedInhabitants += v.get(1).asLong();
                            }
                        }
                        municipalityShare.put(type, members.isEmpty() ? 0 : (double) served / members.size());
                        inhabitantShare.put(type, inhabitants == 0 ? 0 : (double) servedInhabitants / inhabitants);
                    }
                    return new RollupRow(r.get("code").asString(), r.get("name").asString(), members.size(), inhabitants,
                            municipalityShare, inhabitantShare);
                })
                .all().stream()
                .filter(row -> regionAccess.mayView(user, row.regionCode()))
                .forEach(rows::add);
        return rows;
    }

    /** The side panel: providers per type serving the municipality, the pathway's missing types, networks covering it. */
    @Transactional(readOnly = true)
    public Optional<MunicipalityDetail> municipality(String municipalityCode, Optional<String> pathwayCode,
            AtlasPrincipal user, Locale locale) {
        if (!regionAccess.mayViewMunicipality(user, municipalityCode)) {
            throw new AccessDeniedException("No access to municipality " + municipalityCode);
        }
        Optional<MunicipalityInfo> info = neo4j.query("""
                        MATCH (m:Municipality {code: $code})
                        RETURN m.code AS code, m.name AS name, coalesce(m.inhabitants, 0) AS inhabitants,
                               coalesce(m.inhabitantsSource, 'ESTIMATE') <> 'IMPORT' AS estimated""")
                .bind(municipalityCode).to("code")
                .fetchAs(MunicipalityInfo.class).mappedBy((ts, r) -> municipalityInfo(r))
                .one();
        if (info.isEmpty()) {
            return Optional.empty();
        }
        CountsCache counts = currentCounts(versions());
        List<TypeDetail> types = providerTypes(locale).stream()
                .map(t -> new TypeDetail(t, counts.count(municipalityCode, t.code())))
                .filter(t -> t.count().served())
                .sorted(Comparator.comparingLong((TypeDetail t) -> t.count().serving()).reversed())
                .toList();
        List<Requirement> missing = pathwayCode.flatMap(code -> pathway(code, locale))
                .map(p -> p.required().stream().filter(r -> !counts.count(municipalityCode, r.typeCode()).served()).toList())
                .orElse(List.of());
        List<NetworkInfo> networks = List.copyOf(neo4j.query("""
                        MATCH (m:Municipality {code: $code})<-[:COVERS]-(n:Network)
                        RETURN n.id AS id, n.name AS name, n.kind AS kind, COUNT { (n)<-[:MEMBER_OF]-() } AS members
                        ORDER BY name""")
                .bind(municipalityCode).to("code")
                .fetchAs(NetworkInfo.class)
                .mappedBy((ts, r) -> new NetworkInfo(r.get("id").asString(), r.get("name").asString(),
                        r.get("kind").asString(""), r.get("members").asLong()))
                .all());
        return Optional.of(new MunicipalityDetail(info.get(), types, missing, networks));
    }

    /** The boundaries of the region's municipalities as a GeoJSON FeatureCollection (properties: code, name). */
    @Transactional(readOnly = true)
    public String boundaries(String regionCode, AtlasPrincipal user) {
        requireRegion(regionCode, user, versions());
        List<String> features = List.copyOf(neo4j.query("""
                        MATCH (:Region {code: $code})<-[:IN_REGION]-(m:Municipality)
                        RETURN m.code AS code, m.name AS name, m.boundaryGeoJson AS geometry ORDER BY code""")
                .bind(regionCode).to("code")
                .fetchAs(String.class)
                .mappedBy((ts, r) -> "{\"type\":\"Feature\",\"properties\":{\"code\":" + json(r.get("code").asString())
                        + ",\"name\":" + json(r.get("name").asString()) + "},\"geometry\":" + r.get("geometry").asString() + "}")
                .all());
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    /** The distance a provider type is measured with: the smallest of the pathways that require it, else a default. */
    @Transactional(readOnly = true)
    public int defaultMaxKm(String typeCode) {
        return neo4j.query("""
                        MATCH (:CarePathway)-[q:REQUIRES]->(:ProviderType {code: $type})
                        WHERE NOT coalesce(q.optional, false) AND q.maxKm > 0
                        RETURN min(q.maxKm) AS km""")
                .bind(typeCode).to("type")
                .fetchAs(Integer.class).mappedBy((ts, r) -> r.get("km").isNull() ? DEFAULT_MAX_KM : r.get("km").asInt())
                .one().orElse(DEFAULT_MAX_KM);
    }

    private Optional<PathwayInfo> pathway(String code, Locale locale) {
        return pathways(locale).stream().filter(p -> p.code().equals(code)).findFirst();
    }

    private List<Reach> reaches(List<Requirement> required, Optional<Integer> maxKm, OffsetDateTime version) {
        List<Reach> reaches = new ArrayList<>();
        for (Requirement r : required) {
            reaches.add(new Reach(providerLocations(r.typeCode(), version), maxKm.orElse(r.maxKm() > 0 ? r.maxKm() : DEFAULT_MAX_KM)));
        }
        return reaches;
    }

    /** The region for a question about it: unknown → {@link CoverageRequestException}, not the user's → {@link AccessDeniedException}. */
    private RegionData requireRegion(String regionCode, AtlasPrincipal user, Versions versions) {
        RegionData region = regionData(regionCode, versions).orElseThrow(() -> new CoverageRequestException("region", regionCode));
        if (!regionAccess.mayView(user, regionCode)) {
            throw new AccessDeniedException("No access to region " + regionCode);
        }
        return region;
    }

    /** A region with its municipalities, cached until the geography version changes (imports of regions or inhabitants). */
    private Optional<RegionData> regionData(String regionCode, Versions versions) {
        if (!versions.geography().equals(regionsVersion)) {
            regionCache.clear();
            regionsVersion = versions.geography();
        }
        RegionData cached = regionCache.get(regionCode);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<RegionData> loaded = neo4j.query("""
                        MATCH (r:Region {code: $code})
                        CALL (r) {
                          MATCH (r)<-[:IN_REGION]-(m:Municipality)
                          WITH m ORDER BY m.name
                          RETURN collect([m.code, m.name, coalesce(m.inhabitants, 0),
                                          coalesce(m.inhabitantsSource, 'ESTIMATE') <> 'IMPORT']) AS municipalities
                        }
                        RETURN r.code AS code, r.name AS name, r.kind AS kind, municipalities""")
                .bind(regionCode).to("code")
                .fetchAs(RegionData.class)
                .mappedBy((ts, r) -> new RegionData(new RegionRef(r.get("code").asString(), r.get("name").asString(),
                        r.get("kind").asString()), r.get("municipalities").asList(v -> new MunicipalityInfo(v.get(0).asString(),
                        v.get(1).asString(), v.get(2).asLong(), v.get(3).asBoolean()))))
                .one();
        loaded.ifPresent(data -> regionCache.put(regionCode, data));
        return loaded;
    }

    /** The versions of what the caches hold: provider counts and geography (both markers in the database). */
    private Versions versions() {
        return neo4j.query("""
                        OPTIONAL MATCH (p:AtlasDerived {key: $providers})
                        OPTIONAL MATCH (g:AtlasDerived {key: $geography})
                        RETURN p.computedAt AS providers, g.computedAt AS geography""")
                .bind(ProviderTypeCounts.KEY).to("providers").bind(GeographyService.GEOGRAPHY_VERSION).to("geography")
                .fetchAs(Versions.class)
                .mappedBy((ts, r) -> new Versions(orMin(r.get("providers")), orMin(r.get("geography"))))
                .one().orElse(new Versions(OffsetDateTime.MIN, OffsetDateTime.MIN));
    }

    private static OffsetDateTime orMin(Value value) {
        return value.isNull() ? OffsetDateTime.MIN : value.asOffsetDateTime();
    }

    private static MunicipalityInfo municipalityInfo(org.neo4j.driver.Record r) {
        return new MunicipalityInfo(r.get("code").asString(), r.get("name").asString(), r.get("inhabitants").asLong(),
                r.get("estimated").asBoolean());
    }

    /**
     * Drops the cached provider counts and positions, so the next call reads them from the database (benchmarks measure
     * cold calls with it; an operator can call it after writing providers outside the application).
     */
    public void evictCache() {
        cache = CountsCache.EMPTY;
        regionCache.clear();
        regionsVersion = OffsetDateTime.MIN;
        locations.clear();
        locationsVersion = OffsetDateTime.MIN;
    }

    /** The provider counts of every municipality, read again only when they were recomputed. */
    private CountsCache currentCounts(Versions versions) {
        OffsetDateTime version = versions.providers();
        CountsCache current = cache;
        if (current.version().equals(version) && current != CountsCache.EMPTY) {
            return current;
        }
        // One row per municipality (not per count): far fewer records to map than 342 × types.
        Map<String, Map<String, TypeCount>> byMunicipality = new HashMap<>();
        neo4j.query("""
                        MATCH (m:Municipality)
                        RETURN m.code AS municipality,
                               [(m)-[t:PROVIDERS_OF_TYPE]->(pt:ProviderType) | [pt.code, t.located, t.serving]] AS counts""")
                .fetchAs(MunicipalityCounts.class)
                .mappedBy((ts, r) -> {
                    Map<String, TypeCount> counts = new HashMap<>();
                    for (Value v : r.get("counts").values()) {
                        counts.put(v.get(0).asString(), new TypeCount(v.get(1).asLong(), v.get(2).asLong()));
                    }
                    return new MunicipalityCounts(r.get("municipality").asString(), counts);
                })
                .all()
                .forEach(m -> byMunicipality.put(m.code(), m.counts()));
        CountsCache loaded = new CountsCache(version, byMunicipality);
        cache = loaded;
        return loaded;
    }

    /** Provider positions of a type, nationally (neighbouring regions count for distance), cached per counts version. */
    private ProviderLocations providerLocations(String type, OffsetDateTime version) {
        if (!version.equals(locationsVersion)) {
            locations.clear();
            locationsVersion = version;
        }
        return locations.computeIfAbsent(type, t -> new ProviderLocations(List.copyOf(neo4j.query("""
                        MATCH (p:Provider {type: $type}) WHERE p.location IS NOT NULL
                        RETURN p.location.latitude AS lat, p.location.longitude AS lon""")
                .bind(t).to("type")
                .fetchAs(GeoPoint.class).mappedBy((ts, r) -> new GeoPoint(r.get("lat").asDouble(), r.get("lon").asDouble()))
                .all())));
    }

    private static boolean isEnglish(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    private static String json(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private record MunicipalityCounts(String code, Map<String, TypeCount> counts) {
    }

    private record Versions(OffsetDateTime providers, OffsetDateTime geography) {
    }

    private record RegionData(RegionRef ref, List<MunicipalityInfo> municipalities) {
    }

    private record CountsCache(OffsetDateTime version, Map<String, Map<String, TypeCount>> byMunicipality) {

        static final CountsCache EMPTY = new CountsCache(OffsetDateTime.MIN, Map.of());

        TypeCount count(String municipality, String type) {
            return byMunicipality.getOrDefault(municipality, Map.of()).getOrDefault(type, TypeCount.NONE);
        }
    }
}
