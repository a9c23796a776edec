package nl.netwerkzorg.atlas.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import nl.netwerkzorg.atlas.demo.DataPreset;
import nl.netwerkzorg.atlas.demo.GenerationStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users: creation with validation, the links that scope them, and loading them for Spring Security. */
@Service
public class UserService implements UserDetailsService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");
    private static final Logger log = LoggerFactory.getLogger(UserService.class);

    private final UserRepository users;
    private final Neo4jClient neo4j;
    private final PasswordEncoder passwordEncoder;
    private final GenerationStatus generation;

    UserService(UserRepository users, Neo4jClient neo4j, PasswordEncoder passwordEncoder, GenerationStatus generation) {
        this.generation = generation;
        this.users = users;
        this.neo4j = neo4j;
        this.passwordEncoder = passwordEncoder;
    }

    /** A new user; invalid input is rejected before anything is written. */
    public record NewUser(String username, String password, String displayName, Role role,
                          @Nullable String providerId, List<String> regionCodes) {
    }

    @Override
    @Transactional(readOnly = true)
    public AtlasPrincipal loadUserByUsername(String username) {
        return neo4j.query("""
                        MATCH (u:User {username: $username})
                        OPTIONAL MATCH (u)-[:WORKS_AT]->(p:Provider)
                        RETURN u.username AS username, u.passwordHash AS hash, u.displayName AS displayName,
                               u.role AS role, u.enabled AS enabled, p.id AS providerId,
                               COLLECT { MATCH (u)-[:MANAGES]->(r:Region) RETURN r.code ORDER BY r.code } AS regions""")
                .bind(username).to("username")
                .fetchAs(AtlasPrincipal.class)
                .mappedBy((types, r) -> new AtlasPrincipal(r.get("username").asString(), r.get("hash").asString(),
                        r.get("displayName").asString(), Role.valueOf(r.get("role").asString()), r.get("enabled").asBoolean(),
                        r.get("providerId").isNull() ? null : r.get("providerId").asString(),
                        r.get("regions").asList(v -> v.asString())))
                .one()
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return users.existsById(username);
    }

    /**
     * True when the synthetic DEMO data set (with its public demo passwords) is loaded or being generated: the login page
     * says so.
     */
    @Transactional(readOnly = true)
    public boolean demoMode() {
        GenerationStatus.Snapshot generating = generation.snapshot();
        if (generating.preset() == DataPreset.DEMO && generating.state() != GenerationStatus.State.IDLE) {
            return true;
        }
        return neo4j.query("MATCH (d:AtlasDataset {key: 'dataset'}) RETURN d.preset = 'DEMO' AS demo")
                .fetchAs(Boolean.class).one().orElse(false);
    }

    @Transactional(readOnly = true)
    public long count() {
        return users.count();
    }

    @Transactional
    public AtlasUser create(NewUser user) {
        validate(user);
        AtlasUser saved = users.save(new AtlasUser(user.username(), passwordEncoder.encode(user.password()),
                user.displayName().strip(), user.role(), true, Instant.now()));
        if (user.providerId() != null) {
            neo4j.query("MATCH (u:User {username: $u}), (p:Provider {id: $p}) MERGE (u)-[:WORKS_AT]->(p)")
                    .bind(user.username()).to("u").bind(user.providerId()).to("p").run();
        }
        if (!user.regionCodes().isEmpty()) {
            neo4j.query("MATCH (u:User {username: $u}) UNWIND $codes AS code MATCH (r:Region {code: code}) MERGE (u)-[:MANAGES]->(r)")
                    .bind(user.username()).to("u").bind(user.regionCodes()).to("codes").run();
        }
        log.info("Created user {} with role {}", user.username(), user.role());
        return saved;
    }

    private void validate(NewUser user) {
        if (!USERNAME.matcher(user.username()).matches()) {
            throw new IllegalArgumentException("Gebruikersnaam: 3-40 tekens, kleine letters, cijfers, . _ -");
        }
        if (users.existsById(user.username())) {
            throw new IllegalArgumentException("Gebruikersnaam " + user.username() + " bestaat al");
        }
        List<String> weak = PasswordPolicy.problems(user.username(), user.password());
        if (!weak.isEmpty()) {
            throw new IllegalArgumentException("Wachtwoord te zwak: " + String.join(", ", weak));
        }
        if (user.displayName().isBlank()) {
            throw new IllegalArgumentException("Naam ontbreekt");
        }
        boolean careStaff = user.role() == Role.CARE_STAFF;
        if (careStaff != (user.providerId() != null)) {
            throw new IllegalArgumentException("Een zorgverlener (CARE_STAFF) hoort bij precies één zorgaanbieder; andere rollen niet");
        }
        if (careStaff && !providerExists(user.providerId())) {
            throw new IllegalArgumentException("Onbekende zorgaanbieder " + user.providerId());
        }
        if (user.role() == Role.NETWORK_MANAGER && user.regionCodes().isEmpty()) {
            throw new IllegalArgumentException("Een netwerkmanager beheert minstens één regio");
        }
        long knownRegions = neo4j.query("MATCH (r:Region) WHERE r.code IN $codes RETURN count(r)")
                .bind(user.regionCodes()).to("codes").fetchAs(Long.class).one().orElse(0L);
        if (knownRegions != user.regionCodes().stream().distinct().count()) {
            throw new IllegalArgumentException("Onbekende regio in " + user.regionCodes());
        }
    }

    private boolean providerExists(@Nullable String providerId) {
        return providerId != null && neo4j.query("MATCH (p:Provider {id: $id}) RETURN count(p) > 0")
                .bind(providerId).to("id").fetchAs(Boolean.class).one().orElse(false);
    }

    /**
     * The demo preset's users, one per role; the passwords are published in README and are demo-only. Without a provider
     * (the providers are not written yet) the care professional is left out; a later call adds it.
     */
    @Transactional
    public void ensureDemoUsers(@Nullable String careStaffProviderId, String managedRegionCode) {
        for (DemoUser demo : DemoUser.values()) {
            if (demo.role == Role.CARE_STAFF && careStaffProviderId == null) {
                continue;
            }
            if (!users.existsById(demo.username)) {
                create(new NewUser(demo.username, demo.password, demo.displayName, demo.role,
                        demo.role == Role.CARE_STAFF ? careStaffProviderId : null,
                        demo.role == Role.NETWORK_MANAGER ? List.of(managedRegionCode) : List.of()));
            } else if (demo.role == Role.CARE_STAFF) {
                // Regenerated data (atlas.data.reset) deleted the provider the demo professional worked at.
                neo4j.query("""
                                MATCH (u:User {username: $u}), (p:Provider {id: $p})
                                WHERE NOT EXISTS { (u)-[:WORKS_AT]->() }
                                MERGE (u)-[:WORKS_AT]->(p)""")
                        .bind(demo.username).to("u").bind(careStaffProviderId).to("p").run();
            }
        }
    }

    /** Outside demo mode: the first administrator comes from configuration and must have a strong password. */
    @Transactional
    public void ensureInitialAdmin(SecurityProperties properties) {
        boolean anyAdmin = neo4j.query("MATCH (u:User {role: 'ADMIN'}) RETURN count(u) > 0")
                .fetchAs(Boolean.class).one().orElse(false);
        if (anyAdmin) {
            return;
        }
        String password = Optional.ofNullable(properties.initialAdminPassword()).orElse("");
        if (password.isBlank()) {
            throw new IllegalStateException("No administrator exists and none is configured. Set atlas.security.initial-admin-password "
                    + "(or the environment variable ATLAS_SECURITY_INITIAL_ADMIN_PASSWORD) to a strong password for user '"
                    + properties.initialAdminUsername() + "'. There is no default password outside the demo preset.");
        }
        List<String> weak = PasswordPolicy.problems(properties.initialAdminUsername(), password);
        if (!weak.isEmpty()) {
            throw new IllegalStateException("atlas.security.initial-admin-password is too weak: " + String.join(", ", weak)
                    + ". Start-up refused.");
        }
        create(new NewUser(properties.initialAdminUsername(), password, "Beheerder", Role.ADMIN, null, List.of()));
    }

    /** Demo-only accounts, created by the DEMO preset and listed in README. */
    public enum DemoUser {
        ADMIN("admin", "Demo-Beheer-2026!", "Anna Beheer", Role.ADMIN),
        NETWORK_MANAGER("netwerkmanager", "Demo-Netwerk-2026!", "Noor Netwerkmanager", Role.NETWORK_MANAGER),
        POLICY_ANALYST("beleid", "Demo-Analyse-2026!", "Bram Beleidsadviseur", Role.POLICY_ANALYST),
        CARE_STAFF("zorgverlener", "Demo-Zorg-2026!", "Wendy Wijkverpleegkundige", Role.CARE_STAFF);

        public final String username;
        public final String password;
        public final String displayName;
        public final Role role;

        DemoUser(String username, String password, String displayName, Role role) {
            this.username = username;
            this.password = password;
            this.displayName = displayName;
            this.role = role;
        }
    }
}
