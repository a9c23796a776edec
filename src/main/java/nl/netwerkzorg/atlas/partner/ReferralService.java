package nl.netwerkzorg.atlas.partner;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.netwerkzorg.atlas.client.ClientAccessLog;
import nl.netwerkzorg.atlas.client.ClientScope;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Verwijzing vastleggen": records that the user's provider referred one of its clients to another provider — a
 * {@code (:Referral)} with who, when and an optional note, and a {@code REFERRAL} collaboration between the two
 * providers — and logs it in the client access log. Refused, with nothing written, when the client objected to sharing
 * with the receiving provider, is not in the user's care, or the user has no provider.
 */
@Service
public class ReferralService {

    public static final int MAX_NOTE = 500;

    /** A recorded referral. */
    public record Referral(String id, String clientId, String fromId, String toId, String toName, OffsetDateTime at) {
    }

    /** A referral that may not be recorded; the message is Dutch and says why. Nothing was written. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final Neo4jClient neo4j;
    private final ClientAccessLog accessLog;

    ReferralService(Neo4jClient neo4j, ClientAccessLog accessLog) {
        this.neo4j = neo4j;
        this.accessLog = accessLog;
    }

    @Transactional
    public Referral record(String clientId, String toProviderId, String note, AtlasPrincipal user) {
        if (user.role() != Role.CARE_STAFF || user.provider().isEmpty()) {
            throw new Refused("Alleen een zorgverlener van een zorgaanbieder kan een verwijzing vastleggen");
        }
        if (note.length() > MAX_NOTE) {
            throw new Refused("De toelichting is te lang (" + note.length() + " tekens, hoogstens " + MAX_NOTE + ")");
        }
        String from = user.provider().get();
        Map<String, Object> parameters = new HashMap<>(ClientScope.parameters(user));
        parameters.put("clientId", clientId);
        parameters.put("to", toProviderId);
        Map<String, Object> check = neo4j.query("""
                        OPTIONAL MATCH (x:Client {id: $clientId}) WHERE""" + " " + ClientScope.condition(user, "x") + """

                        OPTIONAL MATCH (to:Provider {id: $to})
                        RETURN x IS NOT NULL AS inScope, to IS NOT NULL AS toExists, to.name AS toName,
                               x IS NOT NULL AND $to IN coalesce(x.objections, []) AS objected,
                               x IS NOT NULL AND to IS NOT NULL AND EXISTS { (to)-[:CARES_FOR|COORDINATES]->(x) } AS alreadyCaring""")
                .bindAll(parameters).fetch().one().orElseThrow();
        if (!(Boolean) check.get("inScope")) {
            throw new Refused("Cliënt " + clientId + " is niet (meer) in uw zorg of bestaat niet");
        }
        if (!(Boolean) check.get("toExists")) {
            throw new Refused("Onbekende zorgaanbieder: " + toProviderId);
        }
        String toName = (String) check.get("toName");
        if (toProviderId.equals(from)) {
            throw new Refused("Een verwijzing naar uw eigen organisatie kan niet");
        }
        if ((Boolean) check.get("objected")) {
            throw new Refused("De cliënt heeft bezwaar gemaakt tegen het delen van gegevens met " + toName
                    + "; er is niets vastgelegd");
        }
        if ((Boolean) check.get("alreadyCaring")) {
            throw new Refused(toName + " zorgt al voor deze cliënt; er is niets vastgelegd");
        }
        Map<String, Object> write = new HashMap<>();
        write.put("clientId", clientId);
        write.put("from", from);
        write.put("to", toProviderId);
        write.put("username", user.username());
        write.put("note", note.strip());
        Map<String, Object> created = neo4j.query("""
                        MATCH (x:Client {id: $clientId}), (from:Provider {id: $from}), (to:Provider {id: $to})
                        CREATE (r:Referral {id: randomUUID(), at: datetime(), username: $username, clientId: $clientId,
                                fromId: $from, toId: $to, note: $note})
                        CREATE (r)-[:FROM]->(from), (r)-[:TO]->(to), (r)-[:FOR]->(x)
                        MERGE (from)-[k:COLLABORATES_WITH {kind: 'REFERRAL'}]->(to)
                          ON CREATE SET k.since = date(), k.formal = false
                        RETURN r.id AS id, r.at AS at""")
                .bindAll(write).fetch().one().orElseThrow();
        accessLog.record(user, List.of(clientId), ClientAccessLog.Action.REFERRAL, "Verwijzing naar " + toName);
        Object at = created.get("at");
        return new Referral((String) created.get("id"), clientId, from, toProviderId, toName,
                at instanceof java.time.ZonedDateTime z ? z.toOffsetDateTime() : (OffsetDateTime) at);
    }

    /** The referrals recorded for one client, newest first (for tests and the client views). */
    @Transactional(readOnly = true)
    public List<Referral> referralsOf(String clientId) {
        return List.copyOf(neo4j.query("""
                        MATCH (r:Referral {clientId: $clientId})-[:TO]->(to:Provider)
                        RETURN r.id AS id, r.fromId AS fromId, r.toId AS toId, to.name AS toName, r.at AS at
                        ORDER BY r.at DESC""")
                .bind(clientId).to("clientId").fetch().all().stream()
                .map(r -> {
                    Object at = r.get("at");
                    return new Referral((String) r.get("id"), clientId, (String) r.get("fromId"), (String) r.get("toId"),
                            (String) r.get("toName"),
                            at instanceof java.time.ZonedDateTime z ? z.toOffsetDateTime() : (OffsetDateTime) at);
                }).toList());
    }
}
