package nl.netwerkzorg.atlas.client;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.netwerkzorg.atlas.analysis.AnalysisService;
import nl.netwerkzorg.atlas.client.Clients.EditRefused;
import nl.netwerkzorg.atlas.client.Clients.Named;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Care pathways (zorgpaden / netwerkprofielen) as an administrator maintains them: for a condition, which provider types
 * a complete network needs, required or optional, and the farthest a provider may be. Every change is versioned — the
 * previous requirements are kept as a {@code (:CarePathwayVersion)} with who changed them, when and why — and takes
 * effect at once in every computation that reads {@code REQUIRES}: regional coverage (Dekking), partner search, the
 * what-if in Analyse, and, re-evaluated for all clients after the change commits, the client quality rules.
 */
@Service
public class CarePathways {

    public static final int MAX_KM = 200;
    public static final int MAX_NOTE = 500;

    /** One provider type a pathway asks for. */
    public record Requirement(String type, boolean optional, int maxKm) {
    }

    /** A pathway with its current requirements and version. */
    public record Pathway(String code, String name, Named condition, String source, int version,
                          @Nullable OffsetDateTime changedAt, @Nullable String changedBy, List<Requirement> requirements) {
    }

    /** An earlier version: the requirements it had, replaced at {@code replacedAt} by {@code replacedBy} (why: note). */
    public record Version(int version, List<Requirement> requirements, OffsetDateTime replacedAt, String replacedBy,
                          String note) {
    }

    private final Neo4jClient neo4j;
    private final ClientQualityRules rules;
    private final AnalysisService analysis;

    CarePathways(Neo4jClient neo4j, ClientQualityRules rules, AnalysisService analysis) {
        this.neo4j = neo4j;
        this.rules = rules;
        this.analysis = analysis;
    }

    /** All pathways, named in the reader's language. */
    @Transactional(readOnly = true)
    public List<Pathway> pathways(Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return List.copyOf(neo4j.query("""
                        MATCH (cp:CarePathway)-[:FOR]->(k:Condition)
                        RETURN cp.code AS code, cp.name AS name, cp.nameEn AS nameEn, k.code AS condition,
                               k.name AS conditionName, k.nameEn AS conditionNameEn, cp.source AS source,
                               coalesce(cp.version, 1) AS version, cp.changedAt AS changedAt, cp.changedBy AS changedBy,
                               [(cp)-[q:REQUIRES]->(t:ProviderType) | [t.code, q.optional, q.maxKm]] AS requirements
                        ORDER BY code""")
                .fetchAs(Pathway.class).mappedBy((types, r) -> new Pathway(r.get("code").asString(),
                        english && !r.get("nameEn").isNull() ? r.get("nameEn").asString() : r.get("name").asString(),
                        new Named(r.get("condition").asString(), english && !r.get("conditionNameEn").isNull()
                                ? r.get("conditionNameEn").asString() : r.get("conditionName").asString()),
                        r.get("source").asString(""), r.get("version").asInt(),
                        r.get("changedAt").isNull() ? null : r.get("changedAt").asOffsetDateTime(),
                        r.get("changedBy").isNull() ? null : r.get("changedBy").asString(),
                        requirements(r.get("requirements"))))
                .all());
    }

    /** The provider types a pathway can ask for, named in the reader's language. */
    @Transactional(readOnly = true)
    public List<Named> providerTypes(Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return List.copyOf(neo4j.query("MATCH (t:ProviderType) RETURN t.code AS code, t.name AS name, t.nameEn AS nameEn ORDER BY name")
                .fetchAs(Named.class).mappedBy((types, r) -> new Named(r.get("code").asString(),
                        english && !r.get("nameEn").isNull() ? r.get("nameEn").asString() : r.get("name").asString()))
                .all());
    }

    /** The earlier versions of a pathway, newest first. */
    @Transactional(readOnly = true)
    public List<Version> history(String code) {
        return List.copyOf(neo4j.query("""
                        MATCH (v:CarePathwayVersion)-[:VERSION_OF]->(:CarePathway {code: $code})
                        RETURN v.version AS version, v.requirements AS requirements, v.replacedAt AS replacedAt,
                               v.replacedBy AS replacedBy, v.note AS note
                        ORDER BY version DESC""")
                .bind(code).to("code")
                .fetchAs(Version.class).mappedBy((types, r) -> new Version(r.get("version").asInt(),
                        r.get("requirements").asList(v -> {
                            String[] parts = v.asString().split("\\|");
                            return new Requirement(parts[0], Boolean.parseBoolean(parts[1]), Integer.parseInt(parts[2]));
                        }), r.get("replacedAt").asOffsetDateTime(), r.get("replacedBy").asString(), r.get("note").asString("")))
                .all());
    }

    /**
     * Replaces the requirements of a pathway (administrators only), keeping the old ones as a version. Refused with
     * nothing written when a type is unknown or listed twice, a distance is outside 1–{@value #MAX_KM} km, no type is
     * required, nothing changed, or the note is missing or too long. After the commit all clients are evaluated again.
     */
    @Transactional
    public Pathway update(AtlasPrincipal user, String code, List<Requirement> requirements, String note, Locale locale) {
        if (user.role() != Role.ADMIN) {
            throw new AccessDeniedException("Alleen een beheerder wijzigt zorgpaden");
        }
        Pathway current = pathways(locale).stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new EditRefused("pathways.error.unknown", code));
        String why = note.strip();
        if (why.isEmpty()) {
            throw new EditRefused("pathways.error.note");
        }
        if (why.length() > MAX_NOTE) {
            throw new EditRefused("pathways.error.noteLength", why.length(), MAX_NOTE);
        }
        Set<String> known = new HashSet<>(neo4j.query("MATCH (t:ProviderType) RETURN t.code").fetchAs(String.class).all());
        Set<String> seen = new HashSet<>();
        for (Requirement r : requirements) {
            if (!known.contains(r.type())) {
                throw new EditRefused("pathways.error.type", r.type());
            }
            if (!seen.add(r.type())) {
                throw new EditRefused("pathways.error.duplicate", r.type());
            }
            if (r.maxKm() < 1 || r.maxKm() > MAX_KM) {
                throw new EditRefused("pathways.error.km", r.type(), r.maxKm(), MAX_KM);
            }
        }
        if (requirements.stream().allMatch(Requirement::optional)) {
            throw new EditRefused("pathways.error.noneRequired");
        }
        if (new HashSet<>(requirements).equals(new HashSet<>(current.requirements()))) {
            throw new EditRefused("pathways.error.unchanged");
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("code", code);
        parameters.put("old", current.requirements().stream().map(CarePathways::encode).toList());
        parameters.put("version", current.version());
        parameters.put("username", user.username());
        parameters.put("note", why);
        parameters.put("now", OffsetDateTime.now());
        parameters.put("requirements", requirements.stream()
                .map(r -> Map.<String, Object>of("type", r.type(), "optional", r.optional(), "maxKm", r.maxKm())).toList());
        neo4j.query("""
                        MATCH (cp:CarePathway {code: $code})
                        CREATE (:CarePathwayVersion {pathwayCode: $code, version: $version, requirements: $old,
                                replacedAt: $now, replacedBy: $username, note: $note})-[:VERSION_OF]->(cp)
                        SET cp.version = $version + 1, cp.changedAt = $now, cp.changedBy = $username
                        WITH cp
                        CALL (cp) { MATCH (cp)-[q:REQUIRES]->() DELETE q }
                        UNWIND $requirements AS r
                        MATCH (t:ProviderType {code: r.type})
                        CREATE (cp)-[:REQUIRES {optional: r.optional, maxKm: r.maxKm}]->(t)""")
                .bindAll(parameters).run();
        afterCommit(() -> {
            analysis.clearCache();
            rules.recomputeAllInBackground();
        });
        return pathways(locale).stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static String encode(Requirement r) {
        return r.type() + "|" + r.optional() + "|" + r.maxKm();
    }

    private static List<Requirement> requirements(Value list) {
        List<Requirement> result = new ArrayList<>(list.asList(v -> new Requirement(v.get(0).asString(),
                v.get(1).asBoolean(false), v.get(2).isNull() ? 25 : v.get(2).asInt())));
        result.sort(java.util.Comparator.comparing(Requirement::optional).thenComparing(Requirement::type));
        return List.copyOf(result);
    }
}
