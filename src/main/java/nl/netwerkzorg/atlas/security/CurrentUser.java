package nl.netwerkzorg.atlas.security;

import java.util.Optional;

import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.stereotype.Component;

/** The logged-in {@link AtlasPrincipal} for views. */
@Component
public class CurrentUser {

    private final AuthenticationContext authentication;

    CurrentUser(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    public Optional<AtlasPrincipal> get() {
        return authentication.getAuthenticatedUser(AtlasPrincipal.class);
    }

    /** The logged-in user; views behind access control can rely on it. */
    public AtlasPrincipal require() {
        return get().orElseThrow(() -> new IllegalStateException("No authenticated user"));
    }

    public void logout() {
        authentication.logout();
    }
}
