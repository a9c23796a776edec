package nl.netwerkzorg.atlas.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.SummaryCounters;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.QueryStatistics;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransientFailureException;

/**
 * Runs one write statement with parameters in its own transaction and returns its rows as plain Java values
 * (strings, lists, maps) with what it created: over Bolt through the driver, or, when the database runs in this
 * JVM, through the embedded API, which skips packing the parameters to PackStream and unpacking them again.
 * Thread-safe: the generator's writers share one instance. For the clients, most of the load, the embedded route can
 * skip Cypher altogether ({@link CoreWrite}): a profile of the DEMO load put a fifth of the writers' CPU in Cypher's
 * own pipes (FOREACH, CREATE, list indexing) rather than in the kernel's writes.
 */
sealed interface StatementWriter {

    Written write(String query, Map<String, Object> parameters);

    /**
     * The same write, done by {@code core} through the embedded database's Java API when the database runs in this
     * JVM (it must create exactly what the statement creates), else by the statement.
     */
    default Written write(String query, Map<String, Object> parameters, @Nullable CoreWrite core) {
        return write(query, parameters);
    }

    /** A write through the embedded database's Java API in a transaction it is given (not committed by it). */
    @FunctionalInterface
    interface CoreWrite {
        Written write(Transaction tx);
    }

    /** How statements reach the database, for the log. */
    String route();

    record Written(List<Map<String, Object>> rows, long nodesCreated, long relationshipsCreated) {
    }

    record Bolt(Driver driver) implements StatementWriter {

        @Override
        public Written write(String query, Map<String, Object> parameters) {
            try (Session session = driver.session()) {
                return session.executeWrite(tx -> {
                    var result = tx.run(query, parameters);
                    List<Map<String, Object>> rows = result.list(Record::asMap);
                    SummaryCounters created = result.consume().counters();
                    return new Written(rows, created.nodesCreated(), created.relationshipsCreated());
                });
            }
        }

        @Override
        public String route() {
            return "through Bolt";
        }
    }

    record Embedded(GraphDatabaseService database) implements StatementWriter {

        /** Like the driver's executeWrite: a transaction that failed transiently (a deadlock between writers) is retried. */
        static final int ATTEMPTS = 5;

        @Override
        public Written write(String query, Map<String, Object> parameters) {
            return write(query, parameters, null);
        }

        @Override
        public Written write(String query, Map<String, Object> parameters, @Nullable CoreWrite core) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return core == null ? writeOnce(query, parameters) : writeOnce(core);
                } catch (RuntimeException e) {
                    if (attempt == ATTEMPTS || !isTransient(e)) {
                        throw e;
                    }
                    sleep(50L << attempt);
                }
            }
        }

        private Written writeOnce(String query, Map<String, Object> parameters) {
            try (Transaction tx = database.beginTx()) {
                Written written;
                try (Result result = tx.execute(query, parameters)) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    while (result.hasNext()) {
                        rows.add(result.next());
                    }
                    QueryStatistics created = result.getQueryStatistics();
                    written = new Written(rows, created.getNodesCreated(), created.getRelationshipsCreated());
                }
                tx.commit();
                return written;
            }
        }

        private Written writeOnce(CoreWrite core) {
            try (Transaction tx = database.beginTx()) {
                Written written = core.write(tx);
                tx.commit();
                return written;
            }
        }

        private static boolean isTransient(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TransientFailureException || t instanceof QueryExecutionException q
                        && String.valueOf(q.getStatusCode()).startsWith("Neo.TransientError.")) {
                    return true;
                }
            }
            return false;
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while retrying a write", e);
            }
        }

        @Override
        public String route() {
            return "through the embedded database API";
        }
    }
}
