package nl.netwerkzorg.atlas.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atlas.security.*}: the first administrator outside demo mode. Set through configuration or the
 * environment ({@code ATLAS_SECURITY_INITIAL_ADMIN_PASSWORD}); a weak password stops start-up.
 */
@ConfigurationProperties("atlas.security")
public record SecurityProperties(@DefaultValue("admin") String initialAdminUsername,
                                 @Nullable String initialAdminPassword) {
}
