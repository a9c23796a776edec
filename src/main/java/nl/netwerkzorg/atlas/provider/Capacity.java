package nl.netwerkzorg.atlas.provider;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** Values of capacity upkeep: what a provider reports about its availability, and who reported it when. */
public final class Capacity {

    private Capacity() {
    }

    /** The most beds one provider location can report (a large hospital has ~1,500). */
    public static final int MAX_BEDS = 5_000;
    /** The longest waiting time that can be reported, in days. */
    public static final int MAX_WAITING_DAYS = 730;

    /**
     * What a provider reports. Bed-based types report {@code capacity} and {@code available} (free beds); other types
     * leave both empty. {@code waitingDays} may be empty when unknown.
     */
    public record Update(@Nullable Integer capacity, @Nullable Integer available, boolean acceptingClients,
                         @Nullable Integer waitingDays) {
    }

    /** A provider's current availability with its freshness. */
    public record Current(String providerId, String name, String type, String typeName, boolean bedBased,
                          @Nullable Integer capacity, @Nullable Integer available, @Nullable Boolean acceptingClients,
                          @Nullable Integer waitingDays, @Nullable OffsetDateTime updatedAt, @Nullable String updatedBy,
                          boolean stale) {
    }

    /** One past update, as recorded. */
    public record HistoryEntry(OffsetDateTime at, String username, @Nullable Integer capacity, @Nullable Integer available,
                               boolean acceptingClients, @Nullable Integer waitingDays) {
    }

    /** An update that cannot be stored as given; {@code field} names the input, the message is Dutch. */
    public static class InvalidUpdate extends IllegalArgumentException {
        private final String field;

        public InvalidUpdate(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
