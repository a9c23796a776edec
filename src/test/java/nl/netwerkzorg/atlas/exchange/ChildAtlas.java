package nl.netwerkzorg.atlas.exchange;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import nl.netwerkzorg.atlas.AtlasApplication;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The Atlas in a process of its own, on its own embedded store without generated data, for {@link CrashAndRestoreTest}:
 * {@code count <store>} prints what the store holds, {@code import <store> <csv>} imports a provider file,
 * {@code restore <store> <zip>} restores a dataset zip, {@code export <store> <zip>} writes the dataset zip. Every mode
 * prints the counts first ({@code COUNTS …}); the parent reads the lines and may kill the process at any moment.
 */
public final class ChildAtlas {

    static final AtlasPrincipal ADMIN = new AtlasPrincipal("crash-admin", "", "Beheer", Role.ADMIN, true, null, List.of());

    private ChildAtlas() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.out.println("CHILD-FAILED " + e);
            System.out.flush();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        String mode = args[0];
        Path store = Path.of(args[1]);
        // Command-line arguments: they outrank the test configuration on the class path (config/application.properties,
        // which points at the parent's store and wipes it). This process must use its own store, and keep it.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AtlasApplication.class)
                .run("--atlas.database.directory=" + store, "--atlas.database.wipe-on-start=false", "--atlas.database.bolt-port=0",
                        "--atlas.database.page-cache=64MB", "--atlas.data.preset=NONE", "--server.port=0",
                        "--spring.main.banner-mode=off", "--atlas.security.initial-admin-password=Crash-Test-Beheer-2026!",
                        "--logging.level.root=warn", "--logging.level.nl.netwerkzorg.atlas.exchange=info");
        if (!context.getEnvironment().getProperty("atlas.database.directory", "").equals(store.toString())) {
            throw new IllegalStateException("Not on the child's own store: " + context.getEnvironment().getProperty("atlas.database.directory"));
        }
        Neo4jClient neo4j = context.getBean(Neo4jClient.class);
        System.out.println("COUNTS " + neo4j.query("""
                CALL () { MATCH (p:Provider) RETURN count(p) AS providers }
                CALL () { MATCH (c:Client) RETURN count(c) AS clients }
                CALL () { MATCH (n:Network) RETURN count(n) AS networks }
                CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
                CALL () { MATCH (p:Provider) WHERE NOT (p)-[:LOCATED_IN]->() RETURN count(p) AS unlocated }
                CALL () { MATCH (p:Provider) WITH split(p.id, '-')[0] AS prefix, count(*) AS n ORDER BY prefix
                          RETURN collect(prefix + '=' + n) AS byPrefix }
                RETURN 'providers=' + providers + ' clients=' + clients + ' networks=' + networks
                       + ' relationships=' + relationships + ' unlocated=' + unlocated + ' ' + reduce(s = '', x IN byPrefix | s + x + ' ') AS line""")
                .fetchAs(String.class).one().orElse(""));
        System.out.flush();
        switch (mode) {
            case "count" -> {
            }
            case "import" -> {
                System.out.println("IMPORT-STARTED");
                System.out.flush();
                DataImport.Result result = context.getBean(DataImport.class).importFile(ADMIN, ImportKind.PROVIDERS,
                        "crash.csv", Files.readAllBytes(Path.of(args[2])));
                System.out.println("IMPORT-DONE written=" + result.written() + " problems=" + result.validation().problems());
            }
            case "restore" -> {
                System.out.println("RESTORE-STARTED");
                System.out.flush();
                try (InputStream in = Files.newInputStream(Path.of(args[2]))) {
                    DatasetBackup.Restore restore = context.getBean(DatasetBackup.class).restore(ADMIN, "dataset.zip", in);
                    System.out.println("RESTORE-DONE restored=" + restore.restored() + " rows=" + restore.rows()
                            + " problems=" + restore.problems());
                }
            }
            case "export" -> {
                try (OutputStream out = Files.newOutputStream(Path.of(args[2]))) {
                    System.out.println("EXPORT-DONE " + context.getBean(DatasetBackup.class).export(ADMIN, Optional.empty(), out));
                }
            }
            case "fhir" -> {
                // A bundle (XML) into this empty database and out again; then the IHE example, placed in Houten, out,
                // and that export into an empty database and out once more.
                FhirImport fhirImport = context.getBean(FhirImport.class);
                FhirExport fhirExport = context.getBean(FhirExport.class);
                var clear = context.getBean(nl.netwerkzorg.atlas.demo.DemoDataGenerator.class);
                FhirImport.Result first = fhirImport.importBundle(ADMIN, "demo.xml", Files.readAllBytes(Path.of(args[2])), Optional.empty());
                System.out.println("FHIR-DEMO written=" + first.written() + " counts=" + first.counts() + " problems=" + first.problems());
                Files.write(Path.of(args[3]), fhirExport.export(ADMIN, Optional.empty()));
                clear.clear();
                FhirImport.Result example = fhirImport.importBundle(ADMIN, "Bundle-Example-MCSD.json",
                        Files.readAllBytes(Path.of(args[4])), Optional.of("GM0321"));
                System.out.println("FHIR-EXAMPLE written=" + example.written() + " counts=" + example.counts()
                        + " problems=" + example.problems() + " notes=" + example.notes().size());
                example.notes().forEach(n -> System.out.println("FHIR-NOTE " + n));
                Files.write(Path.of(args[5]), fhirExport.export(ADMIN, Optional.empty()));
                clear.clear();
                FhirImport.Result again = fhirImport.importBundle(ADMIN, "example-export.json", Files.readAllBytes(Path.of(args[5])),
                        Optional.empty());
                System.out.println("FHIR-AGAIN written=" + again.written() + " counts=" + again.counts() + " problems=" + again.problems());
                Files.write(Path.of(args[6]), fhirExport.export(ADMIN, Optional.empty()));
                System.out.println("FHIR-DONE");
            }
            default -> throw new IllegalArgumentException(mode);
        }
        System.out.flush();
        context.close();
        System.exit(0);
    }
}
