package io.github.exchangeblocks.diff;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps what a user of this module downloads within the budget the README states: the sum of the sizes of the
 * module's runtime dependencies (exchange-api and jackson-core (about 0.6 MB)), read from the classpath file the build writes to
 * {@code target/runtime-classpath.txt}. A new dependency that would blow the budget fails the build here.
 */
class DependencyBudgetTest {
    static final long BUDGET_BYTES = 1_000_000;

    @Test
    void shouldKeepTheRuntimeDependenciesWithinTheirBudgetWhenBuilt() throws Exception {
        Path file = Path.of("target", "runtime-classpath.txt");
        assertThat(file).as("written by maven-dependency-plugin's build-classpath").exists();
        String classpath = Files.readString(file).trim();
        long total = 0;
        for (String entry : classpath.isEmpty() ? new String[0] : classpath.split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            total += Files.isRegularFile(jar) ? Files.size(jar) : 0;
        }
        System.out.printf("runtime dependencies of this module: %,d bytes (budget %,d)%n", total, BUDGET_BYTES);
        assertThat(total).as("runtime dependency bytes of " + classpath).isLessThanOrEqualTo(BUDGET_BYTES);
    }
}
