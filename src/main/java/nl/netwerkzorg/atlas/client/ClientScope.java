package nl.netwerkzorg.atlas.client;

import java.util.Map;

import nl.netwerkzorg.atlas.security.AtlasPrincipal;

/**
 * Which clients a user may see, as a Cypher condition on a client variable, chosen by role: an administrator all; a
 * network manager the clients living in their regions; a care professional the clients their provider cares for or
 * coordinates, unless the client objected to sharing with that provider; a policy analyst none. The condition is a
 * constant per role; the user's regions and provider travel as the parameters {@code $regions} and {@code $own}
 * ({@link #parameters}). Every service that shows a client uses this one rule.
 */
public final class ClientScope {

    private ClientScope() {
    }

    /** The condition on the client bound to {@code variable} (a fixed identifier chosen by the caller, never user text). */
    public static String condition(AtlasPrincipal user, String variable) {
        if (!variable.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("Not a Cypher variable: " + variable);
        }
        return switch (user.role()) {
            case ADMIN -> "true";
            case NETWORK_MANAGER -> "EXISTS { (" + variable
                    + ")-[:LIVES_IN]->(:Municipality)-[:IN_REGION]->(scopeRegion:Region) WHERE scopeRegion.code IN $regions }";
            case CARE_STAFF -> "(EXISTS { (" + variable + ")<-[:CARES_FOR|COORDINATES]-(:Provider {id: $own}) }"
                    + " AND NOT $own IN coalesce(" + variable + ".objections, []))";
            case POLICY_ANALYST -> "false";
        };
    }

    /** The parameters the condition refers to. */
    public static Map<String, Object> parameters(AtlasPrincipal user) {
        return Map.of("regions", user.regionCodes(), "own", user.provider().orElse(""));
    }
}
