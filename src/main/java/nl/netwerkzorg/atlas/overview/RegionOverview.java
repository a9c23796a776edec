package nl.netwerkzorg.atlas.overview;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the Overzicht shows for one region, straight from the database. Client counts are already suppressed:
 * {@link SuppressedCount} carries "<5" instead of 1..4. Clients per condition come from the derived counts computed at
 * {@code clientsByConditionComputedAt} (null only before they were ever computed).
 */
public record RegionOverview(
        String regionCode,
        String regionName,
        String regionKind,
        long municipalities,
        long inhabitants,
        boolean inhabitantsEstimated,
        long providers,
        List<TypeCount> providersByType,
        long networks,
        SuppressedCount clients,
        List<ConditionCount> clientsByCondition,
        @Nullable OffsetDateTime clientsByConditionComputedAt,
        long serverMillis) {

    public RegionOverview {
        providersByType = List.copyOf(providersByType);
        clientsByCondition = List.copyOf(clientsByCondition);
    }

    /** Providers of one type located in the region. */
    public record TypeCount(String code, String name, String domain, long count) {
    }

    /** Clients with one condition living in the region (suppressed below 5). */
    public record ConditionCount(String code, String name, SuppressedCount count) {
    }
}
