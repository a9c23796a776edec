package nl.netwerkzorg.atlas.partner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.netwerkzorg.atlas.partner.PartnerSearch.InvalidQuery;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Order;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Origin;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Query;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Result;
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
 * {@code GET /api/partners}: the partner search of the Partners zoeken view as JSON, with the same parameters, ranking
 * and explanations. Not for policy analysts (403). Bad input answers 400 with a Dutch message; nothing is written.
 */
@RestController
@Tag(name = "Partners zoeken", description = "Available providers near a client, municipality, place or point, ranked and explained")
class PartnerController {

    private final PartnerSearchService partners;

    PartnerController(PartnerSearchService partners) {
        this.partners = partners;
    }

    @GetMapping("/api/partners")
    @Operation(summary = "Ranked partners near a starting point",
            description = "Give exactly one starting point: `client` (a pseudonymous client id in your care), `municipality` "
                    + "(CBS code GMxxxx), `place` (municipality, place name or 4-digit postcode) or `lat`+`lon`. Give one or "
                    + "more `type` codes (repeat the parameter or separate by commas) and/or `missing=true` (the types the "
                    + "client's care pathways require but their network lacks). Each partner carries its score (distance 40, "
                    + "availability 35, network 25 points; see docs/partner-search.md) and the reasons in `lang`. "
                    + "`order=beds` sorts by free beds (fresh reports first) for the ELV/GRZ bed finder.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "Partners in rank order"),
                    @ApiResponse(responseCode = "400", description = "Invalid or missing parameter, client not in your care"),
                    @ApiResponse(responseCode = "401", description = "Not logged in"),
                    @ApiResponse(responseCode = "403", description = "Role without access (policy analyst)")})
    ResponseEntity<?> search(
            @Parameter(description = "Client id (pseudonym) in your care") @RequestParam(required = false) @Nullable String client,
            @Parameter(description = "Municipality code, e.g. GM0321 (Houten)") @RequestParam(required = false) @Nullable String municipality,
            @Parameter(description = "Place name or 4-digit postcode") @RequestParam(required = false) @Nullable String place,
            @Parameter(description = "Latitude (WGS84), with lon") @RequestParam(required = false) @Nullable Double lat,
            @Parameter(description = "Longitude (WGS84), with lat") @RequestParam(required = false) @Nullable Double lon,
            @Parameter(description = "Provider type code(s), e.g. WIJKVERPLEGING") @RequestParam(name = "type", required = false) @Nullable List<String> type,
            @Parameter(description = "Also search the types the client's pathways miss") @RequestParam(defaultValue = "false") boolean missing,
            @Parameter(description = "Radius in km (1–100)") @RequestParam(defaultValue = "10") int radiusKm,
            @Parameter(description = "Only providers accepting new clients / with free beds") @RequestParam(defaultValue = "false") boolean available,
            @Parameter(description = "Maximum waiting days (0–730)") @RequestParam(required = false) @Nullable Integer maxWaitingDays,
            @Parameter(description = "score (default) or beds") @RequestParam(defaultValue = "score") String order,
            @Parameter(description = "Number of partners (1–100)") @RequestParam(defaultValue = "50") int limit,
            @Parameter(description = "nl (default) or en, for names and reasons") @RequestParam(defaultValue = "nl") String lang,
            @AuthenticationPrincipal AtlasPrincipal user) {
        List<Origin> origins = new ArrayList<>();
        if (client != null) {
            origins.add(new Origin.OfClient(client));
        }
        if (municipality != null) {
            origins.add(new Origin.OfMunicipality(municipality));
        }
        if (place != null) {
            origins.add(new Origin.OfPlace(place));
        }
        if (lat != null || lon != null) {
            if (lat == null || lon == null) {
                throw new InvalidQuery("point", "Geef zowel lat als lon");
            }
            origins.add(new Origin.OfPoint(lat, lon));
        }
        if (origins.size() != 1) {
            throw new InvalidQuery("origin", "Geef precies één startpunt: client, municipality, place of lat+lon");
        }
        Set<String> types = new LinkedHashSet<>();
        if (type != null) {
            type.forEach(t -> {
                for (String part : t.split(",")) {
                    if (!part.isBlank()) {
                        types.add(part.strip().toUpperCase(Locale.ROOT));
                    }
                }
            });
        }
        Order sort = switch (order.toLowerCase(Locale.ROOT)) {
            case "score" -> Order.SCORE;
            case "beds" -> Order.FREE_BEDS;
            default -> throw new InvalidQuery("order", "Sortering '" + order + "' bestaat niet: kies score of beds");
        };
        Result result = partners.search(new Query(origins.getFirst(), types, missing, radiusKm, available, maxWaitingDays,
                sort, limit), user, Locale.of("en".equals(lang) ? "en" : "nl"));
        return ResponseEntity.ok(result);
    }

    @ExceptionHandler(InvalidQuery.class)
    ResponseEntity<Map<String, String>> badRequest(InvalidQuery e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage(), "parameter", e.parameter()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> forbidden(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "Partners zoeken is niet beschikbaar voor uw rol"));
    }
}
