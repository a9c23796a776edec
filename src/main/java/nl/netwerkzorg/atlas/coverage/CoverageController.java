package nl.netwerkzorg.atlas.coverage;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.netwerkzorg.atlas.coverage.Coverage.Measure;
import nl.netwerkzorg.atlas.coverage.Coverage.Result;
import nl.netwerkzorg.atlas.coverage.Coverage.Target;
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
 * {@code GET /api/coverage}: the Dekking view's numbers as JSON, for the same users (any role; a network manager only for
 * their own regions), with the same parameters. Bad parameters answer 400 with a Dutch message, never a stack trace.
 */
@RestController
@Tag(name = "Dekking", description = "Coverage of provider types and care pathways per municipality")
class CoverageController {

    private final CoverageService coverage;

    CoverageController(CoverageService coverage) {
        this.coverage = coverage;
    }

    @GetMapping("/api/coverage")
    @Operation(summary = "Coverage per municipality of a region",
            description = "Give either `type` (a provider type code such as HUISARTS) or `pathway` (a care pathway code such as "
                    + "PAD_DEMENTIE). Measures: `served` (any provider located in or serving the municipality; for a pathway: "
                    + "share of required types served), `density` (located providers per 10,000 inhabitants; types only), "
                    + "`distance` (estimated share of inhabitants within `km`, default the pathway distance).",
            responses = {
                    @ApiResponse(responseCode = "200", description = "Coverage of every municipality of the region"),
                    @ApiResponse(responseCode = "400", description = "Unknown region, type, pathway or measure, or km out of range"),
                    @ApiResponse(responseCode = "401", description = "Not logged in"),
                    @ApiResponse(responseCode = "403", description = "Region outside the user's scope")})
    ResponseEntity<?> coverage(
            @Parameter(description = "Region code, e.g. PV26 (province Utrecht), GG2514, ZK05 or NL") @RequestParam String region,
            @Parameter(description = "Provider type code") @RequestParam(required = false) @Nullable String type,
            @Parameter(description = "Care pathway code") @RequestParam(required = false) @Nullable String pathway,
            @Parameter(description = "served, density or distance") @RequestParam(defaultValue = "served") String measure,
            @Parameter(description = "Maximum distance in km for `distance` (1–100)") @RequestParam(required = false) @Nullable Integer km,
            @Parameter(description = "nl (default) or en, for names") @RequestParam(defaultValue = "nl") String lang,
            @AuthenticationPrincipal AtlasPrincipal user) {
        if ((type == null) == (pathway == null)) {
            throw new CoverageRequestException("target", "");
        }
        Measure m = Measure.parse(measure).orElseThrow(() -> new CoverageRequestException("measure", measure));
        Target target = type != null ? Target.type(type) : Target.pathway(pathway);
        Result result = coverage.coverage(region, target, m, Optional.ofNullable(km), user, Locale.of(lang));
        return ResponseEntity.ok(result);
    }

    @ExceptionHandler(CoverageRequestException.class)
    ResponseEntity<Map<String, String>> badRequest(CoverageRequestException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.dutchMessage(), "parameter", e.parameter()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> forbidden(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "Geen toegang tot dit gebied"));
    }
}
