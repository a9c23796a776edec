package nl.netwerkzorg.atlas.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a taken Bolt port into Spring Boot's short "APPLICATION FAILED TO START" report instead of a stack trace. */
class BoltPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedNeo4j.BoltPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedNeo4j.BoltPortInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set atlas.database.bolt-port to a free port, e.g. ./mvnw spring-boot:run "
                        + "-Dspring-boot.run.arguments=--atlas.database.bolt-port=7688 (0 picks a free port), "
                        + "or stop the process that uses the port.", cause);
    }
}
