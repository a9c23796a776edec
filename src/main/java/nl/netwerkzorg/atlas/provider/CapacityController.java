package nl.netwerkzorg.atlas.provider;

import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.netwerkzorg.atlas.provider.Capacity.Current;
import nl.netwerkzorg.atlas.provider.Capacity.InvalidUpdate;
import nl.netwerkzorg.atlas.provider.Capacity.Update;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/providers/{id}/capacity}: systems (a bed-management or planning system) push a provider's availability;
 * {@code GET} reads it with its freshness. Writes only for an administrator or a care professional of that provider.
 */
@RestController
@Tag(name = "Capaciteit", description = "Free beds, accepting new clients and waiting days of a provider")
class CapacityController {

    private final CapacityService capacity;

    CapacityController(CapacityService capacity) {
        this.capacity = capacity;
    }

    @GetMapping("/api/providers/{id}/capacity")
    @Operation(summary = "A provider's reported availability, with when and by whom it was last updated and whether it is stale")
    ResponseEntity<?> current(@PathVariable String id, @AuthenticationPrincipal AtlasPrincipal user) {
        return capacity.current(id, Locale.of("nl")).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "Onbekende zorgaanbieder: " + id)));
    }

    @PutMapping("/api/providers/{id}/capacity")
    @Operation(summary = "Report a provider's availability",
            description = "Body: `{\"capacity\": 12, \"available\": 2, \"acceptingClients\": true, \"waitingDays\": 0}`. "
                    + "Bed-based types (ELV, GRZ, VERPLEEGHUIS, ZIEKENHUIS) give capacity and available (0 ≤ available ≤ "
                    + "capacity); other types leave both out. The update is timestamped, attributed to the caller and kept "
                    + "in the history. Nothing is written when a value is invalid.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "Stored; the provider's availability as now recorded"),
                    @ApiResponse(responseCode = "400", description = "Invalid values, unknown provider"),
                    @ApiResponse(responseCode = "401", description = "Not logged in"),
                    @ApiResponse(responseCode = "403", description = "Not an administrator or care professional of this provider")})
    ResponseEntity<Current> update(@Parameter(description = "Provider id") @PathVariable String id, @RequestBody Update update,
            @AuthenticationPrincipal AtlasPrincipal user) {
        return ResponseEntity.ok(capacity.update(id, update, user, Locale.of("nl")));
    }

    @ExceptionHandler(InvalidUpdate.class)
    ResponseEntity<Map<String, String>> badRequest(InvalidUpdate e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage(), "field", e.field()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error",
                "De gegevens zijn geen geldige JSON met capacity, available, acceptingClients en waitingDays"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> forbidden(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error",
                "Alleen een beheerder of een zorgverlener van deze zorgaanbieder mag de capaciteit bijwerken"));
    }
}
