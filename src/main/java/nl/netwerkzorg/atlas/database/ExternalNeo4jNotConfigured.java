package nl.netwerkzorg.atlas.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when {@code spring.neo4j.uri} is not set: the application then runs its own embedded Neo4j. */
class ExternalNeo4jNotConfigured implements Condition {

    static final String URI_PROPERTY = "spring.neo4j.uri";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !StringUtils.hasText(context.getEnvironment().getProperty(URI_PROPERTY));
    }
}
