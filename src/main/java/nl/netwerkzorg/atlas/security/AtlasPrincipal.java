package nl.netwerkzorg.atlas.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user with the scope their role grants: a provider for CARE_STAFF, regions for NETWORK_MANAGER. */
public record AtlasPrincipal(String username, String passwordHash, String displayName, Role role, boolean enabled,
                             @Nullable String providerId, List<String> regionCodes) implements UserDetails {

    public AtlasPrincipal {
        regionCodes = List.copyOf(regionCodes);
    }

    public Optional<String> provider() {
        return Optional.ofNullable(providerId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "AtlasPrincipal[" + username + ", " + role + "]";
    }
}
