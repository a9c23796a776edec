package nl.netwerkzorg.atlas.demo;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A client with their personal network: conditions, professionals, coordinator and informal carers. */
record PlannedClient(String id, int birthYear, String ageBand, String municipalityCode, double latitude,
        double longitude, List<String> conditions, List<Care> cares, @Nullable String coordinatorId,
        List<Carer> carers, List<String> objections) {

    PlannedClient {
        conditions = List.copyOf(conditions);
        cares = List.copyOf(cares);
        carers = List.copyOf(carers);
        objections = List.copyOf(objections);
    }

    /** {@code (:Provider)-[:CARES_FOR {role, since}]->(:Client)}. */
    record Care(String providerId, String providerType, String role, LocalDate since) {
    }

    /** An informal carer; {@code knownTo} is the provider they are in contact with, if any. */
    record Carer(String id, String role, @Nullable String knownTo) {
    }

    int relationshipCount() {
        int known = 0;
        for (Carer c : carers) {
            known += c.knownTo() == null ? 0 : 1;
        }
        // LIVES_IN + HAS_CONDITION + CARES_FOR + COORDINATES + SUPPORTS + KNOWN_TO
        return 1 + conditions.size() + cares.size() + (coordinatorId == null ? 0 : 1) + carers.size() + known;
    }
}
