package nl.netwerkzorg.atlas.partner;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** The vocabulary of partner search: what is asked, and the ranked, explained answer. */
public final class PartnerSearch {

    private PartnerSearch() {
    }

    /** Largest search radius: beyond this "near the client" stops meaning anything. */
    public static final int MAX_RADIUS_KM = 100;
    public static final int DEFAULT_RADIUS_KM = 10;
    public static final int MAX_RESULTS = 100;
    /** The nearest candidates ranked per search; a wider search says it was cut. */
    public static final int CANDIDATE_LIMIT = 1_000;

    /** Where the search starts. */
    public sealed interface Origin {
        /** One of the user's clients: distance from their home (or their municipality when no home point is known). */
        record OfClient(String clientId) implements Origin {
        }

        /** A municipality by CBS code (GMxxxx): distance from a point inside it. */
        record OfMunicipality(String code) implements Origin {
        }

        /** A place typed by the user: a municipality name or the place of a provider's address. */
        record OfPlace(String name) implements Origin {
        }

        /** A point picked on the map (WGS84). */
        record OfPoint(double latitude, double longitude) implements Origin {
        }
    }

    /** How the results are ordered: by the explained score, or (bed finder) by free beds. */
    public enum Order {
        SCORE, FREE_BEDS
    }

    /**
     * A partner search. {@code types}: provider type codes; with {@code missingFromPathway} (client origin only) the
     * types the client's care pathways require but their network lacks are searched as well.
     */
    public record Query(Origin origin, Set<String> types, boolean missingFromPathway, int radiusKm, boolean onlyAvailable,
                        @Nullable Integer maxWaitingDays, Order order, int limit) {

        public Query {
            types = Set.copyOf(types);
        }

        public static Query of(Origin origin, Set<String> types, int radiusKm) {
            return new Query(origin, types, false, radiusKm, false, null, Order.SCORE, 50);
        }
    }

    /** Where the search started, resolved. {@code kind}: CLIENT, MUNICIPALITY, PLACE or POINT. */
    public record ResolvedOrigin(String kind, String label, double latitude, double longitude,
                                 @Nullable String clientId, @Nullable String municipalityCode) {
    }

    /** The answer: partners in rank order, with how many matched before the limit. */
    public record Result(ResolvedOrigin origin, List<String> types, List<String> missingTypes, int radiusKm,
                         int matched, boolean candidatesCut, List<Partner> partners) {
    }

    /** Reported availability and how fresh it is. */
    public record Availability(boolean bedBased, @Nullable Boolean acceptingClients, @Nullable Integer capacity,
                               @Nullable Integer available, @Nullable Integer waitingDays,
                               @Nullable OffsetDateTime updatedAt, boolean stale) {
    }

    /** Who the candidate is tied to, from the user's and the client's side. */
    public enum AnchorRole {
        /** The user's own organisation. */
        MY_ORGANISATION,
        /** The client's coordinator (casemanager / hoofdbehandelaar). */
        COORDINATOR,
        /** Another provider caring for the client. */
        CLIENT_PROVIDER
    }

    /**
     * One tie. {@code relation}: AGREEMENT, MDO or REFERRAL (a direct collaboration), SHARED_CLIENTS (cares for the same
     * clients; {@code sharedClients} how many) or VIA (collaborates with {@code viaName}, who collaborates with the anchor).
     */
    public record Tie(AnchorRole role, String anchorId, String anchorName, String anchorType, String relation,
                      int sharedClients, @Nullable String viaName) {

        public boolean direct() {
            return !"VIA".equals(relation);
        }
    }

    /** The score and its three parts (points out of {@link Scoring}'s weights). */
    public record Score(int total, int distance, int availability, int network) {
    }

    /**
     * One ranked partner with the reasons in the user's language. {@code referralBlocked}: why a referral for the
     * client cannot be recorded (empty when it can, or when the search did not start from a client).
     */
    public record Partner(int rank, String id, String name, String type, String typeName, @Nullable String agb,
                          @Nullable String kvk, String address, String municipality, double latitude, double longitude,
                          double distanceKm, Availability availability, List<Tie> ties, boolean caresForClient,
                          Score score, List<String> reasons, @Nullable String referralBlocked) {
    }

    /** A search that cannot run as asked: {@code parameter} names the input, the message is for the user (Dutch). */
    public static class InvalidQuery extends IllegalArgumentException {
        private final String parameter;

        public InvalidQuery(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }
}
