package nl.netwerkzorg.atlas;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one Spring test context of the suite: the whole application on a random port against the shared embedded Neo4j
 * with the DEMO data (test properties in {@code src/test/resources/config/application.properties}). Every test class
 * uses this same configuration so Spring caches a single context per test JVM — one database start, one data
 * generation, and one Vaadin security setup shared by browserless and browser tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface AtlasSpringTest {
}
