package nl.netwerkzorg.atlas.provider;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.netwerkzorg.atlas.base.FullTextQuery;
import nl.netwerkzorg.atlas.provider.Capacity.Current;
import nl.netwerkzorg.atlas.provider.Capacity.HistoryEntry;
import nl.netwerkzorg.atlas.provider.Capacity.InvalidUpdate;
import nl.netwerkzorg.atlas.provider.Capacity.Update;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Capacity upkeep: a provider's free beds, accepting-clients flag and waiting days, updated by a care professional of
 * that provider or an administrator. Every update is validated before anything is written, timestamped, attributed
 * and kept as a {@code (:CapacityUpdate)} history entry; freshness follows {@link CapacityProperties}.
 */
@Service
public class CapacityService {

    private final Neo4jClient neo4j;
    private final CapacityProperties properties;

    CapacityService(Neo4jClient neo4j, CapacityProperties properties) {
        this.neo4j = neo4j;
        this.properties = properties;
    }

    /** Administrators update any provider; a care professional only their own; other roles none. */
    public boolean mayUpdate(AtlasPrincipal user, String providerId) {
        return user.role() == Role.ADMIN
                || (user.role() == Role.CARE_STAFF && user.provider().map(providerId::equals).orElse(false));
    }

    public CapacityProperties properties() {
        return properties;
    }

    @Transactional(readOnly = true)
    public Optional<Current> current(String providerId, Locale locale) {
        return neo4j.query("""
                        MATCH (p:Provider {id: $id})
                        OPTIONAL MATCH (t:ProviderType {code: p.type})
                        RETURN p.id AS id, p.name AS name, p.type AS type, CASE WHEN $en THEN t.nameEn ELSE t.name END AS typeName,
                               coalesce(t.bedBased, false) AS bedBased, p.capacity AS capacity, p.available AS available,
                               p.acceptingClients AS accepting, p.waitingDays AS waitingDays,
                               p.capacityUpdatedAt AS updatedAt, p.capacityUpdatedBy AS updatedBy""")
                .bind(providerId).to("id").bind("en".equals(locale.getLanguage())).to("en")
                .fetchAs(Current.class).mappedBy((types, r) -> {
                    boolean bedBased = r.get("bedBased").asBoolean();
                    OffsetDateTime updatedAt = time(r.get("updatedAt"));
                    return new Current(r.get("id").asString(), r.get("name").asString(), r.get("type").asString(),
                            r.get("typeName").isNull() ? r.get("type").asString() : r.get("typeName").asString(), bedBased,
                            integer(r.get("capacity")), integer(r.get("available")),
                            r.get("accepting").isNull() ? null : r.get("accepting").asBoolean(),
                            integer(r.get("waitingDays")), updatedAt,
                            r.get("updatedBy").isNull() ? null : r.get("updatedBy").asString(),
                            properties.isStale(bedBased, updatedAt, OffsetDateTime.now(ZoneOffset.UTC)));
                }).one();
    }

    /**
     * Stores a capacity report for the provider. Throws {@link InvalidUpdate} (Dutch message, nothing written) for
     * values out of range, and {@link AccessDeniedException} when the user may not update this provider.
     */
    @Transactional
    public Current update(String providerId, Update update, AtlasPrincipal user, Locale locale) {
        if (!mayUpdate(user, providerId)) {
            throw new AccessDeniedException("Capacity of " + providerId + " is not this user's to update");
        }
        Current before = current(providerId, locale)
                .orElseThrow(() -> new InvalidUpdate("provider", "Onbekende zorgaanbieder: " + providerId));
        validate(update, before.bedBased());
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", providerId);
        parameters.put("capacity", before.bedBased() ? update.capacity() : null);
        parameters.put("available", before.bedBased() ? update.available() : null);
        parameters.put("accepting", update.acceptingClients());
        parameters.put("waitingDays", update.waitingDays());
        parameters.put("username", user.username());
        neo4j.query("""
                        MATCH (p:Provider {id: $id})
                        WITH p, datetime() AS now
                        SET p.capacity = $capacity, p.available = $available, p.acceptingClients = $accepting,
                            p.waitingDays = $waitingDays, p.capacityUpdatedAt = now, p.capacityUpdatedBy = $username
                        CREATE (:CapacityUpdate {id: randomUUID(), at: now, username: $username, providerId: $id,
                                capacity: $capacity, available: $available, acceptingClients: $accepting,
                                waitingDays: $waitingDays})-[:OF]->(p)""")
                .bindAll(parameters).run();
        return current(providerId, locale).orElseThrow();
    }

    /** The newest updates of one provider. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(String providerId, int limit) {
        return List.copyOf(neo4j.query("""
                        MATCH (u:CapacityUpdate {providerId: $id})
                        RETURN u.at AS at, u.username AS username, u.capacity AS capacity, u.available AS available,
                               u.acceptingClients AS accepting, u.waitingDays AS waitingDays
                        ORDER BY u.at DESC LIMIT $limit""")
                .bind(providerId).to("id").bind(limit).to("limit")
                .fetchAs(HistoryEntry.class)
                .mappedBy((types, r) -> new HistoryEntry(time(r.get("at")), r.get("username").asString(),
                        integer(r.get("capacity")), integer(r.get("available")), r.get("accepting").asBoolean(),
                        integer(r.get("waitingDays"))))
                .all());
    }

    /** Providers whose name, place or AGB code matches the words typed (for an administrator choosing one). */
    @Transactional(readOnly = true)
    public List<Current> find(String text, Locale locale) {
        String query = text.strip();
        if (query.length() < 2) {
            return List.of();
        }
        String lucene = FullTextQuery.allPrefixes(FullTextQuery.words(query));
        if (lucene.isEmpty()) {
            return List.of();
        }
        List<String> ids = List.copyOf(neo4j.query("""
                        CALL db.index.fulltext.queryNodes('provider_search', $lucene) YIELD node, score
                        RETURN node.id AS id ORDER BY score DESC, node.name LIMIT 20""")
                .bind(lucene).to("lucene").fetchAs(String.class).all());
        return ids.stream().map(id -> current(id, locale)).flatMap(Optional::stream).toList();
    }

    private static void validate(Update update, boolean bedBased) {
        if (bedBased) {
            if (update.capacity() == null || update.capacity() < 0 || update.capacity() > Capacity.MAX_BEDS) {
                throw new InvalidUpdate("capacity", "Aantal bedden moet tussen 0 en " + Capacity.MAX_BEDS + " liggen");
            }
            if (update.available() == null || update.available() < 0) {
                throw new InvalidUpdate("available", "Vrije bedden moet 0 of meer zijn");
            }
            if (update.available() > update.capacity()) {
                throw new InvalidUpdate("available", "Er kunnen niet meer bedden vrij zijn (" + update.available()
                        + ") dan er zijn (" + update.capacity() + ")");
            }
            if (update.acceptingClients() && update.available() == 0) {
                throw new InvalidUpdate("acceptingClients",
                        "Zonder vrije bedden kan de aanbieder geen nieuwe cliënten opnemen: zet 'neemt cliënten aan' uit");
            }
        } else if (update.capacity() != null || update.available() != null) {
            throw new InvalidUpdate("capacity", "Deze soort zorgaanbieder heeft geen bedden: laat bedden leeg");
        }
        if (update.waitingDays() != null && (update.waitingDays() < 0 || update.waitingDays() > Capacity.MAX_WAITING_DAYS)) {
            throw new InvalidUpdate("waitingDays", "Wachttijd moet tussen 0 en " + Capacity.MAX_WAITING_DAYS + " dagen liggen");
        }
    }

    static @Nullable Integer integer(Value value) {
        return value.isNull() ? null : value.asInt();
    }

    static @Nullable OffsetDateTime time(Value value) {
        if (value.isNull()) {
            return null;
        }
        try {
            return value.asOffsetDateTime();
        } catch (RuntimeException e) {
            return value.asZonedDateTime().toOffsetDateTime();
        }
    }
}
