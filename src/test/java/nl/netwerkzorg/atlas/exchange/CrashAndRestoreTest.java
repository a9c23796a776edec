package nl.netwerkzorg.atlas.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a stop at the worst moment leaves, on a real store in a separate JVM ({@link ChildAtlas}): the process is
 * killed with SIGKILL while a large provider import or a dataset restore is being written, started again (the store
 * recovers), and the import must be wholly absent or wholly present — never a part. Repeated with a random moment each
 * time. And the round trip of a backup: the DEMO dataset exported as zip, restored into an empty database, exports
 * byte for byte the same files.
 */
@AtlasSpringTest
class CrashAndRestoreTest {

    static final int ROWS = 40_000;

    @Autowired
    DatasetBackup backup;
    @Autowired
    FhirExport fhirExport;
    @Autowired
    ca.uhn.fhir.context.FhirContext fhir;

    @TempDir
    Path dir;

    private final Random random = new Random(20261204L);
    private final List<Process> started = new ArrayList<>();

    /** No child outlives its test, whatever happened. */
    @org.junit.jupiter.api.AfterEach
    void killChildren() {
        started.forEach(Process::destroyForcibly);
    }

    /** A running {@link ChildAtlas} and the lines it printed. */
    record Child(Process process, BlockingQueue<String> lines, List<String> all) {

        String await(String prefix, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null && line.contains(prefix)) {
                    return line;
                }
                if (line == null && !process.isAlive() && lines.isEmpty()) {
                    break;
                }
            }
            return fail("No line with '" + prefix + "' from the child; it printed:\n" + String.join("\n", tail()));
        }

        boolean printed(String prefix) {
            synchronized (all) {
                return all.stream().anyMatch(l -> l.contains(prefix));
            }
        }

        List<String> tail() {
            synchronized (all) {
                return List.copyOf(all.subList(Math.max(0, all.size() - 40), all.size()));
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no clean database shutdown
            process.waitFor(60, TimeUnit.SECONDS);
        }

        void finish() throws InterruptedException {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("The child did not finish:\n" + String.join("\n", tail()));
            }
        }
    }

    private Child start(String mode, Path store, Path file, Path... more) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx3g", "-XX:+EnableDynamicAgentLoading",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), ChildAtlas.class.getName(), mode, store.toString()));
        if (file != null) {
            command.add(file.toString());
        }
        for (Path extra : more) {
            command.add(extra.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(process);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<String> all = new ArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                    synchronized (all) {
                        all.add(line);
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        });
        return new Child(process, lines, all);
    }

    private static final Pattern PREFIX_COUNT = Pattern.compile("(\\w+)=(\\d+)");

    private static Map<String, Long> counts(String line) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Matcher m = PREFIX_COUNT.matcher(line);
        while (m.find()) {
            counts.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return counts;
    }

    private Path providers(int round) throws IOException {
        StringBuilder csv = new StringBuilder(String.join(";", ProviderTable.COLUMNS.subList(0, 14))).append('\n');
        for (int i = 0; i < ROWS; i++) {
            csv.append("CRASH").append(round).append("-").append(i).append(";;;Praktijk ").append(i)
                    .append(";HUISARTS;GM0321;;52,0").append(i % 100).append(";5,1").append(i % 100).append(";ja;;;;GM0321|GM0356\n");
        }
        Path file = dir.resolve("crash" + round + ".csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void anImportOrRestoreKilledWhileWritingIsWhollyAbsentOrWhollyPresent() throws Exception {
        Path store = dir.resolve("store");
        int rounds = 3;
        int absent = 0;
        for (int round = 1; round <= rounds + 1; round++) {
            Child child = round <= rounds ? start("import", store, providers(round)) : start("count", store, null);
            Map<String, Long> counts = counts(child.await("COUNTS", Duration.ofMinutes(3)));
            if (round > 1) {
                long previous = counts.getOrDefault("CRASH" + (round - 1), 0L);
                assertThat(previous).as("providers of the import killed in round " + (round - 1)).isIn(0L, (long) ROWS);
                absent += previous == 0 ? 1 : 0;
                assertThat(counts.get("unlocated")).as("providers without their location").isZero();
            }
            if (round > rounds) {
                child.finish();
                break;
            }
            child.await("Writing crash.csv", Duration.ofMinutes(3));
            Thread.sleep(100 + random.nextInt(1500));
            child.kill();
        }
        assertThat(absent).as("rounds killed before the commit (else nothing was tested)").isGreaterThanOrEqualTo(1);

        // A restore killed half way leaves an empty database, which a new restore then fills.
        Path zip = dir.resolve("dataset.zip");
        Files.write(zip, backup.export(ChildAtlas.ADMIN, Optional.empty()));
        Path empty = dir.resolve("restore-store");
        Child restoring = start("restore", empty, zip);
        restoring.await("Writing clienten.csv", Duration.ofMinutes(3));
        Thread.sleep(200 + random.nextInt(800));
        restoring.kill();
        Child after = start("restore", empty, zip);
        Map<String, Long> left = counts(after.await("COUNTS", Duration.ofMinutes(3)));
        assertThat(List.of(left.get("providers"), left.get("clients"), left.get("networks"))).as("after the killed restore")
                .containsOnly(0L);
        String done = after.await("RESTORE-DONE", Duration.ofMinutes(5));
        assertThat(done).as(() -> String.join("\n", after.tail())).contains("restored=true");
        after.finish();

        // The restored store exports exactly the files it was restored from.
        Path again = dir.resolve("again.zip");
        Child exporting = start("export", empty, again);
        exporting.await("EXPORT-DONE", Duration.ofMinutes(5));
        exporting.finish();
        Map<String, byte[]> original = entries(zip);
        Map<String, byte[]> restored = entries(again);
        assertThat(restored.keySet()).isEqualTo(original.keySet());
        for (String name : original.keySet()) {
            if (!name.equals("manifest.json")) {
                assertThat(new String(restored.get(name), StandardCharsets.UTF_8)).as(name)
                        .isEqualTo(new String(original.get(name), StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * FHIR round trips through empty databases: the DEMO bundle (as XML) imports and exports exactly the same bundle;
     * the published IHE mCSD example imports (its organisations placed in Houten, what the Atlas does not hold listed),
     * and its export imports into an empty database and exports the same again.
     */
    @Test
    void fhirBundlesRoundTripThroughAnEmptyDatabase() throws Exception {
        byte[] demo = fhirExport.export(ChildAtlas.ADMIN, Optional.empty());
        Path xml = dir.resolve("demo.xml");
        Files.writeString(xml, fhir.newXmlParser().encodeResourceToString(fhir.newJsonParser().parseResource(new String(demo, StandardCharsets.UTF_8))));
        Path example = Path.of("src/test/resources/fhir/Bundle-Example-MCSD.json");
        Path out1 = dir.resolve("demo-again.json");
        Path out2 = dir.resolve("example-export.json");
        Path out3 = dir.resolve("example-again.json");
        Child child = start("fhir", dir.resolve("fhir-store"), xml, out1, example, out2, out3);
        assertThat(child.await("FHIR-DEMO", Duration.ofMinutes(3))).contains("written=true");
        String imported = child.await("FHIR-EXAMPLE", Duration.ofMinutes(2));
        assertThat(imported).contains("written=true", "PROVIDERS=4", "NETWORKS=1", "MEMBERSHIPS=1", "COLLABORATIONS=1");
        assertThat(child.await("FHIR-AGAIN", Duration.ofMinutes(2))).contains("written=true");
        child.await("FHIR-DONE", Duration.ofMinutes(2));
        child.finish();
        assertThat(child.all().stream().filter(l -> l.startsWith("FHIR-NOTE")))
                .anyMatch(l -> l.contains("Practitioner/MCSDPractitioner-Example") && l.contains("Niet opgenomen"))
                .anyMatch(l -> l.contains("PractitionerRole/MCSDPractitionerRole-Example"))
                .anyMatch(l -> l.contains("Endpoint/ex-endpointDicom"))
                .anyMatch(l -> l.contains("OrganizationAffiliation/ex-OrgAffC") && l.contains("AGREEMENT"));
        assertThat(withoutTimestamp(Files.readString(out1))).isEqualTo(withoutTimestamp(new String(demo, StandardCharsets.UTF_8)));
        String exampleExport = Files.readString(out2);
        assertThat(exampleExport).contains("\"MCSDFacilityOrganization-Example\"", "\"OrgA\"", "\"OrgB\"", "\"OrgC\"",
                "Organization-ExamplePartner", "\"HUISARTS\"", "\"GEMEENTE\"", "\"GEGEVENSUITWISSELING\"", "2022-02-10");
        assertThat(withoutTimestamp(Files.readString(out3))).isEqualTo(withoutTimestamp(exampleExport));
    }

    private static String withoutTimestamp(String bundle) {
        return bundle.replaceFirst("\"timestamp\"\\s*:\\s*\"[^\"]*\"", "");
    }

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
