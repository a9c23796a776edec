package nl.netwerkzorg.atlas.security;

import java.io.IOException;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.netwerkzorg.atlas.security.ui.LoginView;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Form login through the Vaadin login view; every view declares who may enter (annotation-based access control).
 * The REST API has its own chain (HTTP Basic or the session, 401 instead of a login redirect).
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /**
     * The REST API ({@code /api/**}): HTTP Basic for other systems, or the browser session of a logged-in user; every
     * role may call it and each endpoint's service applies that role's scope. No login page redirects: 401 instead.
     * CSRF is off here because the API takes no cookie-only writes from forms.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole(Role.ADMIN_NAME, Role.NETWORK_MANAGER_NAME,
                        Role.POLICY_ANALYST_NAME, Role.CARE_STAFF_NAME))
                // A successful Basic login is kept in the session: a client that sends the session cookie back skips
                // the deliberately slow password hash (BCrypt, ~70 ms) on later calls.
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::unauthorized)
                        .securityContextRepository(new DelegatingSecurityContextRepository(
                                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository())))
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::unauthorized)
                        .accessDeniedHandler((request, response, denied) -> json(response, HttpServletResponse.SC_FORBIDDEN,
                                "Geen toegang")))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** 401 written directly (sendError would dispatch to /error, which the view chain answers with a login redirect). */
    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Netwerkzorg Atlas\", charset=\"UTF-8\"");
        json(response, HttpServletResponse.SC_UNAUTHORIZED, "Niet ingelogd: gebruik HTTP Basic of log eerst in");
    }

    private static void json(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"error\":\"" + message + "\"}");
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                // The OpenAPI description of the REST API (no data in it) and its Swagger UI.
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
