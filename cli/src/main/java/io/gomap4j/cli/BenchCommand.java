package io.gomap4j.cli;

import io.gomap4j.api.internal.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import java.util.zip.ZipException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gomap4j bench --quick}: runs the reduced map comparison of the benchmarks module
 * ({@code io.gomap4j.bench.Quick}) in a new JVM from {@code benchmarks/target/benchmarks.jar}, so
 * that JMH and the peer maps stay out of this command's jar. The child's standard output and
 * standard error are both relayed to this command's output, in the order the child wrote them.
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

  /** The class the child JVM runs. */
  static final String MAIN = "io.gomap4j.bench.Quick";

  static final String BUILD = "mvn -B -q -pl benchmarks -am package -DskipTests";

  @Spec CommandSpec spec;

  @Option(names = "--quick", description = "Run the reduced comparison (the only mode here).")
  boolean quick;

  @Option(names = "--jar", paramLabel = "PATH",
      description = {"The benchmarks jar; default, under the repository root (or else the "
          + "current directory):", "benchmarks/target/benchmarks.jar"})
  Path jar;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!quick) {
      throw new CliException(Main.USAGE, "bench needs --quick; the full run is "
          + "benchmarks/run-all.sh (about 35 minutes)");
    }
    Path j = jar != null ? jar : defaultJar();
    checkJar(j);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-cp");
    cmd.add(j.toString());
    cmd.add(MAIN);
    PrintWriter out = spec.commandLine().getOut();
    out.flush();
    // The child's progress (stderr) and results (stdout) come through one pipe, so that they keep
    // their order wherever this command's output goes.
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try (InputStream in = p.getInputStream()) {
      relay(in, out);
    }
    int rc = p.waitFor();
    if (rc != 0) {
      throw new CliException(Main.FAILED, "the quick comparison failed (exit " + rc + "): "
          + ShellWords.command(cmd));
    }
    return Main.OK;
  }

  /**
   * Refuses, as a usage error naming it and the build command, a {@code jar} that is missing, is
   * no file, is no jar, or is a jar without {@link #MAIN} (another jar, such as the CLI's own):
   * the child JVM would say only that it could not find or load the class.
   */
  static void checkJar(Path jar) {
    String build = "; build it from the repository root with: " + BUILD;
    String shown = Printable.of(jar.toString());
    if (!Files.exists(jar)) {
      throw new CliException(Main.USAGE, "the benchmarks jar " + shown + " is missing" + build);
    }
    if (!Files.isRegularFile(jar)) {
      throw new CliException(Main.USAGE, "the benchmarks jar " + shown + " is not a file"
          + build);
    }
    String entry = MAIN.replace('.', '/') + ".class";
    try (JarFile jf = new JarFile(jar.toFile())) {
      if (jf.getEntry(entry) == null) {
        throw new CliException(Main.USAGE, shown + " is not the benchmarks jar: it has no "
            + entry + build);
      }
    } catch (ZipException e) {
      throw new CliException(Main.USAGE, "the benchmarks jar " + shown + " is not a jar ("
          + Printable.of(e.getMessage()) + ")" + build);
    } catch (IOException | SecurityException e) {
      throw new CliException(Main.USAGE, "cannot read the benchmarks jar " + shown + ": "
          + IoMessages.describe(e));
    }
  }

  /** Copies {@code in} to {@code out} as it arrives, decoding UTF-8 across reads. */
  static void relay(InputStream in, PrintWriter out) throws IOException {
    Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
    char[] buf = new char[8192];
    for (int n; (n = r.read(buf)) > 0; ) {
      out.write(buf, 0, n);
      out.flush();
    }
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
