package nl.netwerkzorg.atlas.security;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Version;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;

/**
 * A user of the Atlas, stored in Neo4j with a BCrypt hash. Links to a provider (CARE_STAFF) and to regions
 * (NETWORK_MANAGER) are relationships written by {@link UserService}, not mapped here, so loading a user never
 * loads part of the care graph.
 */
@Node("User")
public class AtlasUser {

    @Id
    private final String username;
    private String passwordHash;
    private String displayName;
    private Role role;
    private boolean enabled;
    private Instant createdAt;
    @Version
    private @Nullable Long version;

    public AtlasUser(String username, String passwordHash, String displayName, Role role, boolean enabled, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.enabled = enabled;
        this.createdAt = createdAt;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable Long getVersion() {
        return version;
    }
}
