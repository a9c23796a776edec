package nl.netwerkzorg.atlas.demo;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** One provider row as the writer creates it; {@code index} is its position in the plan. */
record PlannedProvider(int index, String id, String agb, String kvk, String name, ProviderProfile type,
        String municipalityCode, double latitude, double longitude, String address, boolean acceptingClients,
        int waitingDays, @Nullable Integer capacity, @Nullable Integer available,
        OffsetDateTime capacityUpdatedAt, boolean isolated, List<String> serves) {

    PlannedProvider {
        serves = List.copyOf(serves);
    }
}
