package nl.netwerkzorg.atlas.client;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.netwerkzorg.atlas.overview.SuppressedCount;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.RegionAccess;
import nl.netwerkzorg.atlas.security.Role;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signalen per gemeente: per municipality of a region, and per condition for the whole region, how many clients there
 * are and how many of them have each quality flag — aggregates only, counted live from the stored flags. A policy
 * analyst sees every count from 1 to 4 as "&lt;5", every other count rounded to a multiple of 5 (so no difference of
 * figures gives a suppressed one back) and no share computed from a suppressed count; a network manager only
 * their regions; care staff none (they see their own clients in the list instead).
 */
@Service
public class ClientRates {

    /** Clients and flagged clients of one municipality, or of one condition in the region. */
    public record Rate(String code, String name, SuppressedCount clients, Map<ClientFlag, SuppressedCount> flagged) {

        /** The share of clients with the flag (0–1); empty when either count is suppressed or there are no clients. */
        public Optional<Double> share(ClientFlag flag) {
            SuppressedCount n = flagged.get(flag);
            if (clients.suppressed() || clients.value() <= 0 || n == null || n.suppressed()) {
                return Optional.empty();
            }
            return Optional.of((double) n.value() / clients.value());
        }
    }

    /** The rates of one region: per municipality, per condition, and the region as a whole. */
    public record Rates(String regionCode, String regionName, Optional<String> conditionCode, Rate total,
                        List<Rate> municipalities, List<Rate> conditions, Optional<OffsetDateTime> flagsComputedAt) {
    }

    private static final String ALL = "_ALL";

    private final Neo4jClient neo4j;
    private final RegionAccess access;
    private final ClientQualityRules rules;

    ClientRates(Neo4jClient neo4j, RegionAccess access, ClientQualityRules rules) {
        this.neo4j = neo4j;
        this.access = access;
        this.rules = rules;
    }

    /**
     * The rates of a region, optionally for the clients with one condition only; empty when the region does not exist.
     * Refused for care staff and for a network manager outside their regions.
     */
    @Transactional(readOnly = true)
    public Optional<Rates> rates(AtlasPrincipal user, String regionCode, Optional<String> conditionCode, Locale locale) {
        if (user.role() == Role.CARE_STAFF) {
            throw new AccessDeniedException("Zorgverleners zien de signalen van hun eigen cliënten in de cliëntenlijst");
        }
        if (!access.mayView(user, regionCode)) {
            throw new AccessDeniedException("Geen toegang tot dit gebied");
        }
        Optional<String> regionName = neo4j.query("MATCH (r:Region {code: $code}) RETURN r.name")
                .bind(regionCode).to("code").fetchAs(String.class).one();
        if (regionName.isEmpty()) {
            return Optional.empty();
        }
        boolean suppress = user.role() == Role.POLICY_ANALYST;
        boolean english = "en".equals(locale.getLanguage());
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("region", regionCode);
        parameters.put("condition", conditionCode.orElse(""));
        String conditionFilter = conditionCode.isPresent() ? " WHERE $condition IN conditions" : "";

        // One pass over the region's clients through the municipalityCode index: per municipality and flag, and per
        // condition and flag ('_ALL' counts clients, '_ANY' stands for all conditions).
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Map<String, Long>> perMunicipality = new LinkedHashMap<>();
        Map<String, Map<String, Long>> perCondition = new LinkedHashMap<>();
        neo4j.query("""
                        MATCH (:Region {code: $region})<-[:IN_REGION]-(m:Municipality)
                        CALL (m) {
                          MATCH (c:Client {municipalityCode: m.code})
                          WITH c, [(c)-[:HAS_CONDITION]->(k:Condition) | k.code] AS conditions""" + conditionFilter + """

                          UNWIND coalesce(c.flags, []) + ['_ALL'] AS flag
                          UNWIND conditions + ['_ANY'] AS condition
                          RETURN flag, condition, count(*) AS n
                        }
                        RETURN m.code AS code, m.name AS name, flag, condition, n""")
                .bindAll(parameters).fetch().all().forEach(r -> {
                    names.put((String) r.get("code"), (String) r.get("name"));
                    long n = ((Number) r.get("n")).longValue();
                    String condition = (String) r.get("condition");
                    Map<String, Map<String, Long>> target = "_ANY".equals(condition) ? perMunicipality : perCondition;
                    String key = "_ANY".equals(condition) ? (String) r.get("code") : condition;
                    target.computeIfAbsent(key, k -> new HashMap<>()).merge((String) r.get("flag"), n, Long::sum);
                });
        // Municipalities without clients still appear, with zero.
        neo4j.query("MATCH (:Region {code: $region})<-[:IN_REGION]-(m:Municipality) RETURN m.code AS code, m.name AS name")
                .bindAll(parameters).fetch().all()
                .forEach(r -> names.putIfAbsent((String) r.get("code"), (String) r.get("name")));

        Map<String, Long> totals = new HashMap<>();
        perMunicipality.values().forEach(counts -> counts.forEach((flag, n) -> totals.merge(flag, n, Long::sum)));
        List<Rate> municipalities = new ArrayList<>();
        names.forEach((code, name) -> municipalities.add(rate(code, name, perMunicipality.getOrDefault(code, Map.of()), suppress)));
        municipalities.sort(Comparator.comparing(Rate::name));

        // Per condition over the whole region (a client with two conditions counts under both), named.
        Map<String, String> conditionNames = new LinkedHashMap<>();
        neo4j.query("MATCH (k:Condition) RETURN k.code AS code, k.name AS name, k.nameEn AS nameEn ORDER BY code").fetch().all()
                .forEach(r -> {
                    if (perCondition.containsKey((String) r.get("code"))) {
                        conditionNames.put((String) r.get("code"),
                                (String) (english && r.get("nameEn") != null ? r.get("nameEn") : r.get("name")));
                    }
                });
        List<Rate> conditions = new ArrayList<>();
        conditionNames.forEach((code, name) -> conditions.add(rate(code, name, perCondition.get(code), suppress)));

        return Optional.of(new Rates(regionCode, regionName.get(), conditionCode,
                rate(regionCode, regionName.get(), totals, suppress), List.copyOf(municipalities), List.copyOf(conditions),
                rules.computedAt()));
    }

    private static Rate rate(String code, String name, Map<String, Long> counts, boolean suppress) {
        Map<ClientFlag, SuppressedCount> flagged = new EnumMap<>(ClientFlag.class);
        for (ClientFlag flag : ClientFlag.values()) {
            flagged.put(flag, protect(counts.getOrDefault(flag.name(), 0L), suppress));
        }
        return new Rate(code, name, protect(counts.getOrDefault(ALL, 0L), suppress), flagged);
    }

    /**
     * For a policy analyst: 1–4 becomes "&lt;5", and every other count is rounded to a multiple of 5, so that
     * subtracting the municipalities from the region's total (or one figure from another) cannot give back a suppressed
     * count; shares are computed from the rounded counts.
     */
    static SuppressedCount protect(long count, boolean suppress) {
        if (!suppress) {
            return SuppressedCount.exact(count);
        }
        SuppressedCount small = SuppressedCount.of(count);
        return small.suppressed() ? small : SuppressedCount.exact(Math.round(count / 5.0) * 5);
    }
}
