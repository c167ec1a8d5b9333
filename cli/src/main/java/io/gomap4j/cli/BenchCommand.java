package io.gomap4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gomap4j bench --quick}: runs the reduced map comparison of the benchmarks module
 * ({@code io.gomap4j.bench.Quick}) in a new JVM from {@code benchmarks/target/benchmarks.jar}, so
 * that JMH and the peer maps stay out of this command's jar.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
        "Compares LongLongGoMap with fastutil and HashMap<Long,Long> in about two minutes and "
            + "prints ratios: get hit, get miss and put growing (JMH, reduced), growth latency "
            + "to 1,000,000 entries and memory per entry.",
        "Runs benchmarks/target/benchmarks.jar (build it with: mvn -B -q -pl benchmarks -am "
            + "package -DskipTests). The full, published run is benchmarks/run-all.sh."
    })
final class BenchCommand implements Callable<Integer> {

  /** Set by the launcher to the repository root. */
  static final String HOME_ENV = "GOMAP4J_HOME";

  static final String BUILD = "mvn -B -q -pl benchmarks -am package -DskipTests";

  @Spec CommandSpec spec;

  @Option(names = "--quick", description = "Run the reduced comparison (the only mode here).")
  boolean quick;

  @Option(names = "--jar", paramLabel = "PATH",
      description = "The benchmarks jar (default: benchmarks/target/benchmarks.jar under the "
          + "repository root, or under the current directory).")
  Path jar;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!quick) {
      throw new CliException(Main.USAGE, "bench needs --quick; the full run is "
          + "benchmarks/run-all.sh (about 25 minutes)");
    }
    Path j = jar != null ? jar : defaultJar();
    if (!Files.isRegularFile(j)) {
      throw new CliException(Main.USAGE, "the benchmarks jar " + j + " is missing; build it "
          + "from the repository root with: " + BUILD);
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-cp");
    cmd.add(j.toString());
    cmd.add("io.gomap4j.bench.Quick");
    PrintWriter out = spec.commandLine().getOut();
    out.flush();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (var in = p.getInputStream()) {
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) > 0; ) {
        out.print(new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
      }
    }
    int rc = p.waitFor();
    if (rc != 0) {
      throw new CliException(Main.FAILED, "the quick comparison failed (exit " + rc + "): "
          + String.join(" ", cmd));
    }
    return Main.OK;
  }

  private static Path defaultJar() {
    Path rel = Path.of("benchmarks", "target", "benchmarks.jar");
    String home = System.getenv(HOME_ENV);
    if (home != null && !home.isEmpty()) {
      return Path.of(home).resolve(rel);
    }
    return rel.toAbsolutePath();
  }
}
