package nl.netwerkzorg.atlas.database;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The two database modes. Without {@code spring.neo4j.uri} an embedded Neo4j starts and Spring's driver is
 * pointed at it through {@link Neo4jConnectionDetails}; with it, Spring Boot's own Neo4j settings apply
 * (bolt://, neo4j://, neo4j+s:// for clusters and Aura) and nothing embedded starts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(ExternalNeo4jNotConfigured.class)
    EmbeddedNeo4j embeddedNeo4j(DatabaseProperties properties) {
        return EmbeddedNeo4j.startOrJoin(properties);
    }

    @Bean
    @Conditional(ExternalNeo4jNotConfigured.class)
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j embedded) {
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return embedded.boltUri();
            }

            @Override
            public AuthToken getAuthToken() {
                return AuthTokens.basic(embedded.username(), embedded.password());
            }
        };
    }

    @Bean
    SchemaMigrations schemaMigrations(Driver driver, @Value("${spring.neo4j.uri:}") String externalUri) {
        if (externalUri.isBlank()) {
            log.info("Database mode: embedded Neo4j Community");
        } else {
            log.info("Database mode: external Neo4j at {} (no embedded database started)", externalUri);
        }
        SchemaMigrations migrations = new SchemaMigrations(driver);
        migrations.apply();
        return migrations;
    }
}
