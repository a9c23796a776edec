package nl.netwerkzorg.atlas.analysis;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.netwerkzorg.atlas.analysis.Analysis.Bridge;
import nl.netwerkzorg.atlas.analysis.Analysis.Broker;
import nl.netwerkzorg.atlas.analysis.Analysis.Community;
import nl.netwerkzorg.atlas.analysis.Analysis.CutPoint;
import nl.netwerkzorg.atlas.analysis.Analysis.DomainTies;
import nl.netwerkzorg.atlas.analysis.Analysis.InvalidParameters;
import nl.netwerkzorg.atlas.analysis.Analysis.MunicipalityFigures;
import nl.netwerkzorg.atlas.analysis.Analysis.Pair;
import nl.netwerkzorg.atlas.analysis.Analysis.Parameters;
import nl.netwerkzorg.atlas.analysis.Analysis.ProviderRef;
import nl.netwerkzorg.atlas.analysis.Analysis.Report;
import nl.netwerkzorg.atlas.analysis.Analysis.TieKind;
import nl.netwerkzorg.atlas.analysis.AnalysisSnapshots.Snapshot;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/analysis} and {@code GET /api/analysis/snapshots}: Analyse's figures of a region as JSON, for the
 * same users with the same rules (no care staff; a network manager only for their regions; a policy analyst no
 * shared-client tie below 5 clients). Aggregates and providers only. Bad parameters answer 400 with a Dutch message.
 */
@RestController
@Tag(name = "Analyse", description = "Connectivity of care in a region: figures, brokers, weak points, snapshots")
class AnalysisController {

    private final AnalysisService analysis;
    private final AnalysisSnapshots snapshots;

    AnalysisController(AnalysisService analysis, AnalysisSnapshots snapshots) {
        this.analysis = analysis;
        this.snapshots = snapshots;
    }

    /** The report without the picture: figures, lists (up to 100 rows each, with complete counts), municipalities. */
    record Result(Parameters parameters, String regionName, String regionKind, OffsetDateTime computedAt,
                  @Nullable OffsetDateTime sharingComputedAt, int providers, long ties, double density, double meanDegree,
                  int maxDegree, SortedMap<Integer, Integer> degreeDistribution, int components, int largestComponent,
                  int isolatedCount, List<ProviderRef> isolated, boolean betweennessEstimated, int betweennessSources,
                  List<Broker> brokers, int cutPointCount, List<CutPoint> cutPoints, int bridgeCount, List<Bridge> bridges,
                  double crossDomainShare, List<DomainTies> domainTies, int communityCount, double modularity,
                  List<Community> communities, long agreementsWithoutSharingCount, List<Pair> agreementsWithoutSharing,
                  long sharingWithoutAgreementCount, List<Pair> sharingWithoutAgreement,
                  List<MunicipalityFigures> municipalities, int largeNetworksLeftOut) {

        static Result of(Report r) {
            return new Result(r.parameters(), r.regionName(), r.regionKind(), r.computedAt(), r.sharingComputedAt(),
                    r.nodes(), r.ties(), r.density(), r.meanDegree(), r.maxDegree(), r.degreeDistribution(),
                    r.components(), r.largestComponent(), r.isolatedCount(), r.isolated(), r.betweennessEstimated(),
                    r.betweennessSources(), r.brokers(), r.cutPointCount(), r.cutPoints(), r.bridgeCount(), r.bridges(),
                    r.crossDomainShare(), r.domainTies(), r.communityCount(), r.modularity(), r.communities(),
                    r.agreementsWithoutSharingCount(), r.agreementsWithoutSharing(), r.sharingWithoutAgreementCount(),
                    r.sharingWithoutAgreement(), r.municipalities(), r.largeNetworksLeftOut());
        }
    }

    @GetMapping("/api/analysis")
    @Operation(summary = "Connectivity of care in a region",
            description = "The provider graph of the region from the chosen tie kinds (`collaboration`, `network`, `sharing`), "
                    + "with density, components, isolated providers, brokers (betweenness), articulation points, bridges, "
                    + "ties across domains, communities, formal versus actual collaboration and figures per municipality. "
                    + "Computed on the server (seconds for a large province) and cached per region and parameters.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The region's figures"),
                    @ApiResponse(responseCode = "400", description = "Unknown region, tie kind or domain, or a threshold out of range"),
                    @ApiResponse(responseCode = "401", description = "Not logged in"),
                    @ApiResponse(responseCode = "403", description = "Care staff, or a region outside the user's scope")})
    ResponseEntity<?> analysis(
            @Parameter(description = "Region code, e.g. PV26 (province Utrecht), GG2514 or ZK05") @RequestParam String region,
            @Parameter(description = "Tie kinds, comma-separated: collaboration, network, sharing")
            @RequestParam(defaultValue = "collaboration,sharing") String ties,
            @Parameter(description = "Fewest shared clients for a sharing tie (policy analysts: at least 5)")
            @RequestParam(required = false) @Nullable Integer minShared,
            @Parameter(description = "Fewest shared clients that count as heavy sharing (formal versus actual)")
            @RequestParam(required = false) @Nullable Integer heavySharing,
            @Parameter(description = "Only one domain: MEDICAL, LONG_TERM, SOCIAL or INFORMAL") @RequestParam(required = false)
            @Nullable String domain,
            @AuthenticationPrincipal AtlasPrincipal user) {
        int minimum = minShared != null ? minShared : Math.max(analysis.minimumSharedFor(user), 2);
        int heavy = heavySharing != null ? heavySharing : Math.max(minimum, Analysis.DEFAULT_HEAVY_SHARING);
        Parameters parameters = new Parameters(region, kinds(ties), minimum, heavy,
                domain == null || domain.isBlank() ? null : domain);
        return ResponseEntity.ok(Result.of(analysis.analyse(parameters, user)));
    }

    @GetMapping("/api/analysis/snapshots")
    @Operation(summary = "Dated snapshots of a region's figures, oldest first",
            description = "Every snapshot stored in Analyse (Verloop) for the region, with its parameters; policy analysts "
                    + "see none whose shared-client ties stand for fewer than 5 clients.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The snapshots"),
                    @ApiResponse(responseCode = "401", description = "Not logged in"),
                    @ApiResponse(responseCode = "403", description = "Care staff, or a region outside the user's scope")})
    List<Snapshot> snapshots(@Parameter(description = "Region code") @RequestParam String region,
            @AuthenticationPrincipal AtlasPrincipal user) {
        return snapshots.list(region, user);
    }

    private static Set<TieKind> kinds(String text) {
        Set<TieKind> kinds = EnumSet.noneOf(TieKind.class);
        for (String part : text.split(",")) {
            String name = part.strip().toLowerCase(java.util.Locale.ROOT);
            switch (name) {
                case "collaboration", "samenwerking" -> kinds.add(TieKind.COLLABORATION);
                case "network", "netwerk" -> kinds.add(TieKind.NETWORK);
                case "sharing", "gedeeld" -> kinds.add(TieKind.SHARING);
                case "" -> {
                }
                default -> throw new InvalidParameters("ties", "Onbekende soort verbinding: " + part.strip()
                        + " (kies uit collaboration, network, sharing)");
            }
        }
        return kinds;
    }

    @ExceptionHandler(InvalidParameters.class)
    ResponseEntity<Map<String, String>> badRequest(InvalidParameters e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage(), "parameter", e.parameter()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> forbidden(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "Geen toegang tot Analyse voor dit gebied"));
    }
}
