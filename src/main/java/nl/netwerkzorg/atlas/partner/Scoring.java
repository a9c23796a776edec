package nl.netwerkzorg.atlas.partner;

import java.util.Collection;

import nl.netwerkzorg.atlas.partner.PartnerSearch.AnchorRole;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Availability;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Score;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Tie;

/**
 * The partner score (0–100), documented in docs/partner-search.md so users can check every number:
 * <ul>
 *   <li><b>distance</b> (40): {@code 40 × (1 − km / radius)} — at the origin 40, at the edge of the radius 0;</li>
 *   <li><b>availability</b> (35): bed-based types {@code 0.6 + 0.4 × min(free beds, 5) / 5} when beds are free, else 0;
 *       other types {@code 0.5 + 0.5 × (1 − min(waiting days, 60) / 60)} when accepting new clients (unknown waiting
 *       days count as 30), else 0; stale information counts half;</li>
 *   <li><b>network</b> (25): the strongest tie — a direct tie (collaboration or shared clients) with the user's
 *       organisation or the client's coordinator 1.0, with another of the client's providers 0.8, a tie through one
 *       intermediary (2 hops) 0.4, none 0.</li>
 * </ul>
 */
final class Scoring {

    static final int DISTANCE_POINTS = 40;
    static final int AVAILABILITY_POINTS = 35;
    static final int NETWORK_POINTS = 25;
    static final int WAITING_DAYS_HORIZON = 60;
    static final int BEDS_FOR_FULL_POINTS = 5;

    private Scoring() {
    }

    static Score score(double distanceKm, int radiusKm, Availability availability, Collection<Tie> ties) {
        int distance = (int) Math.round(DISTANCE_POINTS * distance(distanceKm, radiusKm));
        int available = (int) Math.round(AVAILABILITY_POINTS * availability(availability));
        int network = networkPoints(ties);
        return new Score(distance + available + network, distance, available, network);
    }

    /** The network part in points; the ranking query receives these per provider. */
    static int networkPoints(Collection<Tie> ties) {
        return (int) Math.round(NETWORK_POINTS * network(ties));
    }

    static double distance(double distanceKm, int radiusKm) {
        return Math.max(0, Math.min(1, 1 - distanceKm / radiusKm));
    }

    static double availability(Availability a) {
        double value;
        if (a.bedBased()) {
            Integer free = a.available();
            value = free == null || free <= 0 ? 0 : 0.6 + 0.4 * Math.min(free, BEDS_FOR_FULL_POINTS) / BEDS_FOR_FULL_POINTS;
        } else if (Boolean.TRUE.equals(a.acceptingClients())) {
            int waiting = a.waitingDays() == null ? WAITING_DAYS_HORIZON / 2 : a.waitingDays();
            value = 0.5 + 0.5 * (1 - Math.min(waiting, WAITING_DAYS_HORIZON) / (double) WAITING_DAYS_HORIZON);
        } else {
            value = 0;
        }
        return a.stale() ? value / 2 : value;
    }

    static double network(Collection<Tie> ties) {
        double best = 0;
        for (Tie tie : ties) {
            double value = !tie.direct() ? 0.4
                    : tie.role() == AnchorRole.CLIENT_PROVIDER ? 0.8
                    : 1.0;
            best = Math.max(best, value);
        }
        return best;
    }
}
