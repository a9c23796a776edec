package nl.netwerkzorg.atlas.analysis;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import nl.netwerkzorg.atlas.analysis.Analysis.Parameters;
import nl.netwerkzorg.atlas.analysis.Analysis.Report;
import nl.netwerkzorg.atlas.analysis.Analysis.TieKind;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.RegionAccess;
import nl.netwerkzorg.atlas.security.Role;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dated snapshots of a region's connectivity figures, stored on demand so their course can be followed over time:
 * {@code (:AnalysisSnapshot {…})-[:OF_REGION]->(:Region)}. A snapshot holds the parameters it was computed with and
 * the report's figures (aggregates of providers and ties, never of clients), so a trend compares like with like.
 * Everyone who may analyse a region sees its snapshots, except that a policy analyst sees none taken with a threshold
 * below {@link Analysis#POLICY_MINIMUM_SHARED} shared clients — whatever its tie kinds, since the formal-versus-actual
 * figures count shared-client pairs at that threshold too. Snapshots are never edited.
 */
@Service
public class AnalysisSnapshots {

    /** The figures a snapshot keeps, in the order the views show them. */
    public enum Metric {
        PROVIDERS(s -> s.providers()),
        TIES(s -> s.ties()),
        DENSITY(Snapshot::density),
        MEAN_DEGREE(Snapshot::meanDegree),
        COMPONENTS(s -> s.components()),
        LARGEST_SHARE(s -> s.providers() == 0 ? 0 : (double) s.largestComponent() / s.providers()),
        ISOLATED(s -> s.isolated()),
        CUT_POINTS(s -> s.cutPoints()),
        BRIDGES(s -> s.bridges()),
        COMMUNITIES(s -> s.communities()),
        CROSS_DOMAIN_SHARE(Snapshot::crossDomainShare),
        AGREEMENTS_WITHOUT_SHARING(s -> s.agreementsWithoutSharing()),
        SHARING_WITHOUT_AGREEMENT(s -> s.sharingWithoutAgreement());

        private final ToDoubleFunction<Snapshot> value;

        Metric(ToDoubleFunction<Snapshot> value) {
            this.value = value;
        }

        public double of(Snapshot snapshot) {
            return value.applyAsDouble(snapshot);
        }

        /** Shares (0–1) rather than counts or ratios. */
        public boolean isShare() {
            return this == LARGEST_SHARE || this == CROSS_DOMAIN_SHARE;
        }
    }

    /** One stored snapshot: when, by whom, with which parameters, and the figures. */
    public record Snapshot(String id, String regionCode, String regionName, Parameters parameters, OffsetDateTime takenAt,
                           String takenBy, OffsetDateTime computedAt, int providers, long ties, double density,
                           double meanDegree, int components, int largestComponent, int isolated, int cutPoints,
                           int bridges, int communities, double modularity, double crossDomainShare,
                           long agreementsWithoutSharing, long sharingWithoutAgreement) {

        public double value(Metric metric) {
            return metric.of(this);
        }
    }

    private final Neo4jClient neo4j;
    private final TransactionTemplate read;
    private final TransactionTemplate write;
    private final AnalysisService analysis;
    private final RegionAccess regionAccess;

    AnalysisSnapshots(Neo4jClient neo4j, PlatformTransactionManager transactions, AnalysisService analysis,
            RegionAccess regionAccess) {
        this.neo4j = neo4j;
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
        this.write = new TransactionTemplate(transactions);
        this.analysis = analysis;
        this.regionAccess = regionAccess;
    }

    /**
     * Stores the report of {@code parameters} (computed now when it is not cached) as a snapshot dated now. The same
     * checks as the analysis itself apply: bad parameters are refused before anything is written.
     */
    public Snapshot save(Parameters parameters, AtlasPrincipal user) {
        Report report = analysis.analyse(parameters, user);
        return save(report, user);
    }

    /** Stores an already computed report (the one on screen) as a snapshot dated now. */
    public Snapshot save(Report report, AtlasPrincipal user) {
        // The report was computed for this user's rights; check them again, as a report object can outlive a session.
        analysis.cached(report.parameters(), user);
        Parameters p = report.parameters();
        Map<String, Object> figures = new TreeMap<>();
        figures.put("regionCode", p.regionCode());
        figures.put("kinds", p.kinds().stream().map(Enum::name).sorted().toList());
        figures.put("minimumShared", p.minimumShared());
        figures.put("heavySharing", p.heavySharing());
        figures.put("domain", p.domain() == null ? "" : p.domain());
        figures.put("takenBy", user.username());
        figures.put("computedAt", report.computedAt());
        figures.put("providers", report.nodes());
        figures.put("ties", report.ties());
        figures.put("density", report.density());
        figures.put("meanDegree", report.meanDegree());
        figures.put("components", report.components());
        figures.put("largestComponent", report.largestComponent());
        figures.put("isolated", report.isolatedCount());
        figures.put("cutPoints", report.cutPointCount());
        figures.put("bridges", report.bridgeCount());
        figures.put("communities", report.communityCount());
        figures.put("modularity", report.modularity());
        figures.put("crossDomainShare", report.crossDomainShare());
        figures.put("agreementsWithoutSharing", report.agreementsWithoutSharingCount());
        figures.put("sharingWithoutAgreement", report.sharingWithoutAgreementCount());
        return Objects.requireNonNull(write.execute(tx -> neo4j.query("""
                        MATCH (r:Region {code: $figures.regionCode})
                        CREATE (s:AnalysisSnapshot)-[:OF_REGION]->(r)
                        SET s = $figures, s.id = randomUUID(), s.takenAt = datetime()
                        RETURN s {.*, regionName: r.name} AS s""")
                .bind(figures).to("figures")
                .fetchAs(Snapshot.class).mappedBy((types, r) -> snapshot(r.get("s")))
                .one().orElseThrow(() -> new Analysis.InvalidParameters("region", "Onbekende regio: " + p.regionCode()))));
    }

    /** The region's snapshots this user may see, oldest first. */
    public List<Snapshot> list(String regionCode, AtlasPrincipal user) {
        if (!AnalysisService.mayUse(user) || !regionAccess.mayView(user, regionCode)) {
            throw new AccessDeniedException("Region " + regionCode + " is outside the user's regions");
        }
        int lowest = user.role() == Role.POLICY_ANALYST ? Analysis.POLICY_MINIMUM_SHARED : 0;
        return Objects.requireNonNull(read.execute(tx -> List.copyOf(neo4j.query("""
                        MATCH (s:AnalysisSnapshot {regionCode: $region})-[:OF_REGION]->(r:Region)
                        WHERE s.minimumShared >= $lowest
                        RETURN s {.*, regionName: r.name} AS s ORDER BY s.takenAt, s.id""")
                .bind(regionCode).to("region").bind(lowest).to("lowest")
                .fetchAs(Snapshot.class).mappedBy((types, r) -> snapshot(r.get("s")))
                .all())));
    }

    /** The snapshots with exactly these parameters, oldest first: the points of one trend. */
    public List<Snapshot> trend(Parameters parameters, AtlasPrincipal user) {
        return list(parameters.regionCode(), user).stream().filter(s -> s.parameters().equals(parameters)).toList();
    }

    private static Snapshot snapshot(Value s) {
        Set<TieKind> kinds = EnumSet.noneOf(TieKind.class);
        s.get("kinds").asList(Value::asString).forEach(k -> kinds.add(TieKind.valueOf(k)));
        String domain = s.get("domain").asString("");
        Parameters parameters = new Parameters(s.get("regionCode").asString(), kinds, s.get("minimumShared").asInt(),
                s.get("heavySharing").asInt(), domain.isEmpty() ? null : domain);
        return new Snapshot(s.get("id").asString(), s.get("regionCode").asString(), s.get("regionName").asString(""),
                parameters, s.get("takenAt").asOffsetDateTime(), s.get("takenBy").asString(""),
                s.get("computedAt").asOffsetDateTime(), s.get("providers").asInt(), s.get("ties").asLong(),
                s.get("density").asDouble(), s.get("meanDegree").asDouble(), s.get("components").asInt(),
                s.get("largestComponent").asInt(), s.get("isolated").asInt(), s.get("cutPoints").asInt(),
                s.get("bridges").asInt(), s.get("communities").asInt(), s.get("modularity").asDouble(),
                s.get("crossDomainShare").asDouble(), s.get("agreementsWithoutSharing").asLong(),
                s.get("sharingWithoutAgreement").asLong());
    }
}
