package nl.netwerkzorg.atlas.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Neo4j Community server listening for Bolt on loopback only, with authentication on.
 * The Bolt password is generated on first start and kept in the data directory, readable by the owner only.
 * One instance per store directory per JVM: Spring test contexts that share a directory share the server,
 * and it shuts down when the last of them closes.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    static final String USER = "neo4j";
    static final String CREDENTIALS_FILE = "bolt-credentials";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);
    private static final Map<Path, EmbeddedNeo4j> RUNNING = new ConcurrentHashMap<>();

    private final Path directory;
    private final DatabaseManagementService service;
    private final int port;
    private final String password;
    private int users;
    private boolean stopped;

    private EmbeddedNeo4j(Path directory, DatabaseManagementService service, int port, String password) {
        this.directory = directory;
        this.service = service;
        this.port = port;
        this.password = password;
    }

    /** Starts the server for these settings, or joins the one already running on the same directory. */
    public static synchronized EmbeddedNeo4j startOrJoin(DatabaseProperties properties) {
        Path directory = properties.directory().toAbsolutePath().normalize();
        EmbeddedNeo4j running = RUNNING.get(directory);
        if (running == null) {
            running = start(directory, properties);
            RUNNING.put(directory, running);
        }
        running.users++;
        return running;
    }

    private static EmbeddedNeo4j start(Path directory, DatabaseProperties properties) {
        long started = System.nanoTime();
        if (properties.wipeOnStart()) {
            deleteRecursively(directory);
        }
        int port = properties.boltPort() == 0 ? freePort() : properties.boltPort();
        requirePortFree(port);
        boolean newCredentials = !Files.exists(directory.resolve(CREDENTIALS_FILE));
        String password = readOrCreatePassword(directory);
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(directory)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, properties.pageCache().toBytes())
                .setConfig(GraphDatabaseSettings.logs_directory, directory.resolve("logs"))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .build();
        try {
            if (newCredentials) {
                // The embedded API bypasses Bolt authentication, so it can set the freshly generated password.
                service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
            }
        } catch (RuntimeException e) {
            // Without this the database's threads would keep a failed start-up's JVM alive.
            service.shutdown();
            throw e;
        }
        EmbeddedNeo4j server = new EmbeddedNeo4j(directory, service, port, password);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "embedded-neo4j-shutdown"));
        log.info("Embedded Neo4j started in {} ms: store {}, Bolt on bolt://127.0.0.1:{} (loopback only, authentication on)",
                (System.nanoTime() - started) / 1_000_000, directory, port);
        return server;
    }

    public URI boltUri() {
        return URI.create("bolt://127.0.0.1:" + port);
    }

    public String username() {
        return USER;
    }

    public String password() {
        return password;
    }

    public Path directory() {
        return directory;
    }

    /** The default database for in-process access that skips Bolt (bulk writes); authentication does not apply. */
    public GraphDatabaseService database() {
        return service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    /** Releases this user's share; the last one shuts the server down. */
    @Override
    public synchronized void close() {
        synchronized (EmbeddedNeo4j.class) {
            if (--users <= 0) {
                RUNNING.remove(directory);
                shutdown();
            }
        }
    }

    private synchronized void shutdown() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            service.shutdown();
            log.info("Embedded Neo4j stopped cleanly ({})", directory);
        } catch (RuntimeException e) {
            log.debug("Embedded Neo4j was already stopped", e);
        }
    }

    private static void requirePortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (BindException e) {
            throw new BoltPortInUseException(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readOrCreatePassword(Path directory) {
        Path file = directory.resolve(CREDENTIALS_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(directory);
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String password = HexFormat.of().formatHex(bytes);
            Files.writeString(file, password);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.warn("Cannot restrict permissions of {} on this file system", file);
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the Bolt credentials in " + file, e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configured Bolt port is taken by another process. */
    public static final class BoltPortInUseException extends IllegalStateException {
        BoltPortInUseException(int port) {
            super("Port " + port + " on 127.0.0.1 is already in use, so the embedded Neo4j cannot listen for Bolt there. "
                    + "Stop the other process or set atlas.database.bolt-port to a free port (0 picks one), "
                    + "or point spring.neo4j.uri at an external Neo4j.");
        }
    }
}
