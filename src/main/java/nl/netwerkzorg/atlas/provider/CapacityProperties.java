package nl.netwerkzorg.atlas.provider;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atlas.capacity.*}: when reported availability stops counting as current.
 *
 * @param bedsStaleAfter  free beds (bed-based types: ELV, GRZ, verpleeghuis, ziekenhuis) older than this are stale
 * @param otherStaleAfter accepting-clients flag and waiting days of other types older than this are stale
 */
@ConfigurationProperties("atlas.capacity")
public record CapacityProperties(@DefaultValue("24h") Duration bedsStaleAfter,
                                 @DefaultValue("30d") Duration otherStaleAfter) {

    /** Stale: never updated, or updated longer ago than the limit for its kind. */
    public boolean isStale(boolean bedBased, @Nullable OffsetDateTime updatedAt, OffsetDateTime now) {
        return updatedAt == null || updatedAt.isBefore(now.minus(bedBased ? bedsStaleAfter : otherStaleAfter));
    }
}
