package io.gomap4j.cli;

import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.tck.CheckResult;
import io.gomap4j.tck.Combination;
import io.gomap4j.tck.TckCheck;
import io.gomap4j.tck.TckMatrix;
import io.gomap4j.tck.TckReport;
import io.gomap4j.tck.TckRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gomap4j tck}: the map contract on every combination of plugins. */
@Command(
    name = "tck",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
        "Runs the map contract (io.gomap4j.tck.MapContract) on every compatible combination of "
            + "hash provider, platform layout and growth policy found, or on those selected.",
        "Progress goes to stderr; the table of results and each failure, with the line that "
            + "reproduces it, go to stdout. Exits 0 if every check passed, 1 if one failed."
    })
final class TckCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--hash", split = ",", paramLabel = "NAME",
      description = "Hash providers to check (comma-separated); default: all.")
  List<String> hashes = new ArrayList<>();

  @Option(names = "--layout", split = ",", paramLabel = "GOARCH",
      description = "Platform layouts to check (comma-separated); default: all.")
  List<String> layouts = new ArrayList<>();

  @Option(names = "--growth", split = ",", paramLabel = "NAME",
      description = "Growth policies to check (comma-separated); default: all.")
  List<String> growths = new ArrayList<>();

  @Option(names = "--check", split = ",", paramLabel = "ID",
      description = "Checks to run, by id (comma-separated); default: all.")
  List<String> checkIds = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "S", converter = SeedConverter.class,
      description = "The run's seed, decimal or hex with 0x; default: ${DEFAULT-VALUE}.")
  long seed = TckRunner.DEFAULT_SEED;

  @Option(names = "--sample", paramLabel = "N",
      description = "Check only N combinations, drawn with the seed.")
  Integer sample;

  @Option(names = {"-q", "--quiet"},
      description = "No progress on stderr.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (sample != null && sample < 1) {
      throw new ParameterException(spec.commandLine(),
          "--sample must be at least 1, got " + sample);
    }
    Plugins plugins = main.plugins();
    List<Combination> combinations = TckMatrix.combinations(plugins, clean(hashes),
        clean(layouts), clean(growths));
    if (combinations.isEmpty()) {
      throw new CliException(Main.USAGE, "no compatible combination to check: no selected hash "
          + "provider supports a selected layout's platform (hash "
          + (hashes.isEmpty() ? plugins.names(PluginKind.HASH) : clean(hashes)) + ", layout "
          + (layouts.isEmpty() ? plugins.names(PluginKind.LAYOUT) : clean(layouts)) + ")");
    }
    if (sample != null) {
      combinations = TckMatrix.sample(combinations, sample, seed);
    }
    List<TckCheck> checks = TckRunner.select(main.checks(), clean(checkIds));

    for (String problem : plugins.problems()) {
      err.println("warning: " + problem);
    }
    int total = combinations.size() * checks.size();
    out.println("tck: plugins found: hash " + plugins.names(PluginKind.HASH)
        + ", layout " + plugins.names(PluginKind.LAYOUT)
        + ", growth " + plugins.names(PluginKind.GROWTH));
    out.println("tck: seed " + seed + " (0x" + Long.toHexString(seed) + "); "
        + plural(combinations.size(), "combination") + " x " + plural(checks.size(), "check")
        + " = " + plural(total, "run"));
    out.flush();

    int comboWidth = combinations.stream().mapToInt(c -> c.id().length()).max().orElse(0);
    int checkWidth = checks.stream().mapToInt(c -> c.id().length()).max().orElse(0);
    Progress progress = quiet ? null
        : new Progress(err, main.terminal(), total, comboWidth, checkWidth);
    long start = System.nanoTime();
    TckReport report = TckRunner.run(combinations, checks, seed,
        progress != null ? progress : new TckRunner.Listener() {});
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (progress != null) {
      progress.done();
    }

    out.println();
    out.print(report.table());
    List<CheckResult> failures = report.failures();
    if (!failures.isEmpty()) {
      out.println();
      out.println("Failures:");
      for (CheckResult f : failures) {
        out.println();
        out.println("FAILED " + f.combination() + " " + f.checkId() + ": " + f.description());
        out.println(indent(f.message()));
        out.println("  reproduce: " + f.reproduce());
        if (main.verbose() && f.failure() != null) {
          StringWriter trace = new StringWriter();
          f.failure().printStackTrace(new PrintWriter(trace));
          out.println(indent(trace.toString()));
        }
      }
    }
    out.println();
    out.println("tck: " + report.passed() + " passed, " + report.failed() + " failed, "
        + report.skipped() + " skipped in " + millis + " ms");
    out.flush();
    return report.ok() ? Main.OK : Main.FAILED;
  }

  /** The checks with the given ids, in the order given; all checks when none is given. */
  private static List<String> clean(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (!n.isBlank()) {
        out.add(n.trim());
      }
    }
    return out;
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private static String indent(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\\R", -1)) {
      sb.append("  ").append(line).append(System.lineSeparator());
    }
    return sb.toString().stripTrailing();
  }
}
