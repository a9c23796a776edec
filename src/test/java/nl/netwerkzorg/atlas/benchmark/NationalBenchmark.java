package nl.netwerkzorg.atlas.benchmark;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A benchmark on an existing NATIONAL store (default {@code ./data/national}, or {@code -Datlas.benchmark.directory}),
 * excluded from the normal test run by the "benchmark" tag; commands in docs/benchmarks.md.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("benchmark")
@SpringBootTest(properties = {
        "atlas.database.directory=${atlas.benchmark.directory:./data/national}",
        "atlas.database.wipe-on-start=false",
        "atlas.database.page-cache=${atlas.benchmark.page-cache:4GB}",
        "atlas.data.preset=NATIONAL",
        "atlas.security.initial-admin-password=Benchmark-Only-Pass-42"})
@interface NationalBenchmark {
}
