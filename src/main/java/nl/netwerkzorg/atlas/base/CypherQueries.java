package nl.netwerkzorg.atlas.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;

/** The long Cypher queries that live in {@code cypher/queries/} (shipped on the classpath), loaded by name. */
public final class CypherQueries {

    private CypherQueries() {
    }

    /** The text of {@code cypher/queries/<name>.cypher}; a missing file is a packaging error. */
    public static String load(String name) {
        try (InputStream in = new ClassPathResource("cypher/queries/" + name + ".cypher").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing query " + name, e);
        }
    }
}
