package io.gomap4j.cli;

import io.gomap4j.api.internal.Printable;
import io.gomap4j.engine.PluginInfo;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.tck.CheckResult;
import io.gomap4j.tck.Combination;
import io.gomap4j.tck.TckCheck;
import io.gomap4j.tck.TckMatrix;
import io.gomap4j.tck.TckReport;
import io.gomap4j.tck.TckRunner;
import io.gomap4j.tck.kit.Capability;
import io.gomap4j.tck.kit.GrowthPolicyVerification;
import io.gomap4j.tck.kit.HashProviderVerification;
import io.gomap4j.tck.kit.MapContractVerification;
import io.gomap4j.tck.kit.PlatformLayoutVerification;
import io.gomap4j.tck.kit.Verification;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
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
        "With --plugin-jar, tests a third-party jar instead: the registration of each plugin "
            + "it declares in META-INF/services (suite registration), the kits of those that "
            + "registered (HashProviderVerification, PlatformLayoutVerification, "
            + "GrowthPolicyVerification, MapContractVerification), then the map contract on every "
            + "combination that includes one of them with the bundled ones.",
        "--hash, --layout, --growth, --check and --capability take one or more names "
            + "separated by commas; an empty name (--hash , or --layout 386,,arm) is refused.",
        "Progress goes to stderr; the table of results and each failure, with the line that "
            + "reproduces it, go to stdout. Exits 0 if every check passed, 1 if one failed."
    })
final class TckCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  // The comma-separated lists below are read with names(option, known), which sees the values as
  // given and refuses an empty name; picocli's split would drop it and select everything.

  @Option(names = "--hash", split = ",", paramLabel = "NAME",
      description = "Hash providers to check (comma-separated); default: all.")
  List<String> hashOption = new ArrayList<>();

  @Option(names = "--layout", split = ",", paramLabel = "GOARCH",
      description = "Platform layouts to check (comma-separated); default: all.")
  List<String> layoutOption = new ArrayList<>();

  @Option(names = "--growth", split = ",", paramLabel = "NAME",
      description = "Growth policies to check (comma-separated); default: all.")
  List<String> growthOption = new ArrayList<>();

  @Option(names = "--check", split = ",", paramLabel = "ID",
      description = "Matrix checks to run, by id (comma-separated); default: all. With "
          + "--plugin-jar the kits still run every check.")
  List<String> checkOption = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "S", converter = SeedConverter.class,
      description = "The run's seed, decimal (-2^63 to 2^64-1) or hex with 0x; default: "
          + "${DEFAULT-VALUE}.")
  long seed = TckRunner.DEFAULT_SEED;

  @Option(names = "--timeout", paramLabel = "TIME", converter = TimeoutConverter.class,
      defaultValue = TckRunner.DEFAULT_TIMEOUT_OPTION,
      description = "How long one check may run before it fails naming the timeout, and the run "
          + "goes on: 500ms, 60s, 2m (a number alone is seconds; 0 for no limit; at most 1440m); "
          + "default: ${DEFAULT-VALUE}. A check that ignores the interrupt is left running in the "
          + "background, so the later checks of its kit or combination fail at once without "
          + "running, and after " + TckRunner.Guard.MAX_TIMEOUTS + " timeouts in a run every "
          + "later check does.")
  Duration timeout = TckRunner.DEFAULT_TIMEOUT;

  @Option(names = "--sample", paramLabel = "N",
      description = "Check only N combinations, drawn with the seed.")
  Integer sample;

  @Option(names = {"-q", "--quiet"},
      description = "No progress on stderr. A plugin that could not be loaded is still told, "
          + "once, as a warning.")
  boolean quiet;

  @Option(names = "--plugin-jar", paramLabel = "JAR",
      description = "Test the plugins of this jar (found through its META-INF/services) with "
          + "their kits and in the matrix beside the bundled plugins.")
  Path pluginJar;

  @Option(names = "--capability", split = ",", paramLabel = "NAME",
      completionCandidates = CapabilityNames.class,
      description = "With --plugin-jar: what the jar's plugins declare, for their kits "
          + "(comma-separated): ${COMPLETION-CANDIDATES}; default: none.")
  List<String> capabilityNames = new ArrayList<>();

  /** The checks of this run that did not finish in time, for the kits and the matrix alike. */
  private final TckRunner.Guard guard = new TckRunner.Guard();

  /** The capabilities {@code --capability} names, once {@link #call} has checked them. */
  private Set<Capability> capabilities = EnumSet.noneOf(Capability.class);

  @Option(names = "--no-kits",
      description = "With --plugin-jar: skip the kits; run the registration and the matrix only, "
          + "as a matrix failure's reproduce line does.")
  boolean noKits;

  @Option(names = "--no-matrix",
      description = "With --plugin-jar: skip the matrix; run the registration and the kits only, "
          + "as a kit failure's reproduce line does.")
  boolean noMatrix;

  @Option(names = "--load-bound", paramLabel = "N",
      description = "With --plugin-jar: the most entries per bucket the jar's growth policies "
          + "let a map hold, for their kit (GrowthPolicyVerification.loadBound()); default: Go's "
          + "6.5.")
  Double loadBound;

  @Option(names = "--list-checks",
      description = "Print the id and contract of every check, of each kit and of the matrix, "
          + "as Markdown tables, and exit.")
  boolean listChecks;

  @Option(names = "--report", paramLabel = "DIR",
      description = {"Also write the results to DIR: one JUnit XML file per suite and a Markdown "
          + "summary,",
          "TEST-*.xml and " + TckReports.MARKDOWN + ". DIR is checked, and created if needed, "
          + "before the run; the report files an earlier run wrote there are deleted first, "
          + "and nothing else in it is touched."})
  Path reportDir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (sample != null && sample < 1) {
      throw new ParameterException(spec.commandLine(),
          "--sample must be at least 1, got " + sample);
    }
    List<String> known = Arrays.stream(Capability.values()).map(Enum::name).toList();
    capabilities = EnumSet.noneOf(Capability.class);
    for (String name : names("--capability", known)) {
      if (!known.contains(name)) {
        throw new ParameterException(spec.commandLine(), "--capability: unknown capability '"
            + name + "'; known: " + String.join(", ", known));
      }
      capabilities.add(Capability.valueOf(name));
    }
    if (pluginJar == null && !capabilities.isEmpty()) {
      throw new ParameterException(spec.commandLine(),
          "--capability declares what a --plugin-jar's plugins do; give --plugin-jar too");
    }
    if (pluginJar == null && (noKits || noMatrix)) {
      throw new ParameterException(spec.commandLine(), (noKits ? "--no-kits" : "--no-matrix")
          + " selects what runs on a --plugin-jar; give --plugin-jar too");
    }
    if (pluginJar == null && loadBound != null) {
      throw new ParameterException(spec.commandLine(),
          "--load-bound declares the load bound of a --plugin-jar's growth policies; give "
              + "--plugin-jar too");
    }
    if (loadBound != null && !(loadBound > 0 && Double.isFinite(loadBound))) {
      throw new ParameterException(spec.commandLine(), "--load-bound must be a finite number of "
          + "entries per bucket above 0, such as 6.5, got " + loadBound);
    }
    if (listChecks) {
      return listChecks(out);
    }
    if (pluginJar != null) {
      return pluginJar(out, err);
    }
    Plugins plugins = main.pluginsReportedByTheCommand();
    List<String> hashes = names("--hash", plugins.names(PluginKind.HASH));
    List<String> layouts = names("--layout", plugins.names(PluginKind.LAYOUT));
    List<String> growths = names("--growth", plugins.names(PluginKind.GROWTH));
    List<String> checkIds = names("--check", main.checks().stream().map(TckCheck::id).toList());
    List<Combination> combinations = TckMatrix.combinations(plugins, hashes, layouts, growths);
    if (combinations.isEmpty()) {
      throw new CliException(Main.USAGE, "no compatible combination to check: no selected hash "
          + "provider supports a selected layout's platform (hash "
          + (hashes.isEmpty() ? plugins.names(PluginKind.HASH) : hashes) + ", layout "
          + (layouts.isEmpty() ? plugins.names(PluginKind.LAYOUT) : layouts) + ")");
    }
    if (sample != null) {
      combinations = TckMatrix.sample(combinations, sample, seed);
    }
    List<TckCheck> checks = TckRunner.select(main.checks(), checkIds);
    prepareReport(out);

    for (String problem : plugins.problems()) {
      err.println("warning: " + problem);
    }
    out.println("tck: plugins found: hash " + plugins.names(PluginKind.HASH)
        + ", layout " + plugins.names(PluginKind.LAYOUT)
        + ", growth " + plugins.names(PluginKind.GROWTH));
    long start = System.nanoTime();
    TckReport report = matrix(combinations, checks, out, err);
    long millis = (System.nanoTime() - start) / 1_000_000;

    out.println();
    out.print(report.table());
    printFailures(out, report.failures(), "");
    out.println();
    out.println("tck: " + report.passed() + " passed, " + report.failed() + " failed, "
        + report.skipped() + " skipped in " + millis + " ms");
    writeReport(out, "gomap4j TCK", List.of(matrixSuite(report)));
    out.flush();
    return report.ok() ? Main.OK : Main.FAILED;
  }

  /** Runs {@code checks} on {@code combinations} with progress on stderr. */
  private TckReport matrix(List<Combination> combinations, List<TckCheck> checks,
      PrintWriter out, PrintWriter err) {
    int total = combinations.size() * checks.size();
    out.println("tck: seed " + seed + " (0x" + Long.toHexString(seed) + "); "
        + Words.count(combinations.size(), "combination") + " x "
        + Words.count(checks.size(), "check") + " = " + Words.count(total, "run"));
    out.flush();

    int comboWidth = combinations.stream().mapToInt(c -> c.id().length()).max().orElse(0);
    int checkWidth = checks.stream().mapToInt(c -> c.id().length()).max().orElse(0);
    Progress progress = quiet ? null
        : new Progress(err, main.terminal(), total, comboWidth, checkWidth);
    TckReport report = TckRunner.run(combinations, checks, seed, timeout, guard,
        progress != null ? progress : new TckRunner.Listener() {});
    if (progress != null) {
      progress.done();
    }
    return report;
  }

  /**
   * {@code --plugin-jar}: the registration of the jar's plugins, then the kits of those that
   * registered and the matrix of them with the bundled ones.
   */
  private int pluginJar(PrintWriter out, PrintWriter err) {
    Plugins bundled = main.pluginsReportedByTheCommand();
    try (PluginJar jar = PluginJar.open(pluginJar, bundled, Main.class.getClassLoader())) {
      Plugins plugins = jar.combined();
      List<String> hashes = names("--hash", plugins.names(PluginKind.HASH));
      List<String> layouts = names("--layout", plugins.names(PluginKind.LAYOUT));
      List<String> growths = names("--growth", plugins.names(PluginKind.GROWTH));
      List<String> checkIds = names("--check",
          main.checks().stream().map(TckCheck::id).toList());
      List<Combination> combinations = new ArrayList<>();
      List<TckCheck> checks = List.of();
      if (!jar.own().isEmpty() && !noMatrix) {
        for (Combination c : TckMatrix.combinations(plugins, hashes, layouts, growths)) {
          if (jar.isOwn(c.hash()) || jar.isOwn(c.layout()) || jar.isOwn(c.growth())) {
            combinations.add(c);
          }
        }
        if (combinations.isEmpty()) {
          throw new CliException(Main.USAGE, "no compatible combination includes a plugin of "
              + pluginJar + " (its plugins: " + names(jar.own()) + "; selected hash "
              + (hashes.isEmpty() ? plugins.names(PluginKind.HASH) : hashes) + ", layout "
              + (layouts.isEmpty() ? plugins.names(PluginKind.LAYOUT) : layouts) + ", growth "
              + (growths.isEmpty() ? plugins.names(PluginKind.GROWTH) : growths) + ")");
        }
        if (sample != null) {
          combinations = TckMatrix.sample(combinations, sample, seed);
        }
        checks = TckRunner.select(main.checks(), checkIds);
      }
      prepareReport(out);

      out.println("tck: plugin jar " + shown(pluginJar));
      for (PluginInfo p : jar.own()) {
        out.println("tck:   " + p.kind().label() + " " + p.name() + " (" + p.className() + ")");
      }
      for (String problem : jar.problems()) {
        out.println("tck:   not registered: " + problem);
      }
      for (String problem : bundled.problems()) {
        err.println("warning: " + problem);
      }
      out.println("tck: capabilities declared: "
          + (capabilities.isEmpty() ? "none" : EnumSet.copyOf(capabilities)));
      if (loadBound != null) {
        out.println("tck: load bound declared: " + loadBound + " entries per bucket");
      }

      long start = System.nanoTime();
      List<TckReports.Suite> suites = new ArrayList<>();
      TckReports.Suite registration = registrationSuite(jar);
      suites.add(registration);
      out.println("tck: registration: " + summary(new TckReport(registration.results())));
      out.flush();
      for (PluginInfo p : noKits ? List.<PluginInfo>of() : jar.own()) {
        for (Map.Entry<String, Verification> kit : kits(p, plugins).entrySet()) {
          String name = kit.getKey() + " (" + p.kind().label() + " " + p.name() + ")";
          TckReport r = kit.getValue().run(seed, timeout, guard);
          Map<String, String> props = new LinkedHashMap<>();
          props.put("plugin-jar", shown(pluginJar));
          props.put("plugin", p.kind().label() + " " + p.name() + " (" + p.className() + ")");
          props.put("tck.seed", Long.toString(seed));
          props.put("capabilities", capabilities.isEmpty() ? "none"
              : EnumSet.copyOf(capabilities).toString());
          if (loadBound != null && p.kind() == PluginKind.GROWTH) {
            props.put("load-bound", loadBound.toString());
          }
          props.put("reproduce", reproduceKits());
          suites.add(new TckReports.Suite(name, TckReports.Kind.KIT, r.results(), props));
          out.println("tck: " + name + ": " + summary(r)
              + (r.results().isEmpty() ? " (the kit has no checks)" : ""));
          out.flush();
        }
      }
      TckReport matrix = null;
      if (jar.own().isEmpty()) {
        out.println("tck: no plugin of " + shown(pluginJar.getFileName()) + " registered: no kit or "
            + "matrix check can run");
      } else if (noMatrix) {
        out.println("tck: matrix not run (--no-matrix)");
      } else {
        matrix = withJarReproduce(matrix(combinations, checks, out, err));
        suites.add(matrixSuite(matrix));
      }
      long millis = (System.nanoTime() - start) / 1_000_000;

      if (matrix != null) {
        out.println();
        out.print(matrix.table());
      }
      List<CheckResult> kitFailures = new ArrayList<>();
      for (TckReports.Suite s : suites) {
        if (s.kind() != TckReports.Kind.MATRIX) {
          s.results().stream().filter(r -> r.status() == CheckResult.Status.FAILED)
              .forEach(kitFailures::add);
        }
      }
      printFailures(out, kitFailures, reproduceKits());
      if (matrix != null) {
        printFailures(out, matrix.failures(), "");
      }
      long passed = 0;
      long failed = 0;
      long skipped = 0;
      for (TckReports.Suite s : suites) {
        passed += s.count(CheckResult.Status.PASSED);
        failed += s.count(CheckResult.Status.FAILED);
        skipped += s.count(CheckResult.Status.SKIPPED);
      }
      out.println();
      out.println("tck: " + shown(pluginJar.getFileName()) + ": " + passed + " passed, " + failed
          + " failed, " + skipped + " skipped in " + millis + " ms (" + Words.count(suites.size(),
          "suite") + ")");
      writeReport(out, "gomap4j TCK: " + shown(pluginJar.getFileName()), suites);
      out.flush();
      return failed == 0 ? Main.OK : Main.FAILED;
    } catch (IOException e) {
      throw new CliException(Main.USAGE, "cannot close " + pluginJar + ": " + e.getMessage());
    }
  }

  /** The matrix results with reproduce lines that load the jar again. */
  private TckReport withJarReproduce(TckReport report) {
    List<CheckResult> out = new ArrayList<>();
    for (CheckResult r : report.results()) {
      String[] names = r.combination().split("/", -1);
      String reproduce = r.reproduce();
      if (names.length == 3) {
        List<String> command = new ArrayList<>(List.of("gomap4j", "tck", "--plugin-jar",
            pluginJar.toString(), "--no-kits", "--hash", names[0], "--layout", names[1],
            "--growth", names[2], "--seed", Long.toString(seed), "--check", r.checkId()));
        command.addAll(timeoutOption());
        reproduce = ShellWords.command(command) + "  (check seed " + r.seed() + ")";
      }
      out.add(new CheckResult(r.combination(), r.checkId(), r.description(), r.status(),
          r.message(), r.failure(), r.seed(), reproduce, r.millis()));
    }
    return new TckReport(out);
  }

  /**
   * {@code --list-checks}: each kit's checks, built around a bundled plugin of its kind, and the
   * matrix checks, as Markdown.
   */
  private int listChecks(PrintWriter out) {
    Plugins plugins = main.plugins();
    Map<String, List<String[]>> tables = new LinkedHashMap<>();
    for (PluginKind kind : List.of(PluginKind.HASH, PluginKind.LAYOUT, PluginKind.GROWTH)) {
      List<PluginInfo> found = plugins.list(kind);
      if (found.isEmpty()) {
        continue;
      }
      PluginInfo sample = found.stream()
          .filter(p -> List.of("memhash-go119", "amd64", "go119").contains(p.name()))
          .findFirst().orElse(found.get(0));
      for (Map.Entry<String, Verification> kit : kits(sample, plugins).entrySet()) {
        if (tables.containsKey(kit.getKey())) {
          continue; // MapContractVerification: listed once
        }
        // A check per combination (id[hash/layout/growth]) is listed once, by its rule.
        Map<String, String[]> rows = new LinkedHashMap<>();
        kit.getValue().checks().forEach(c -> {
          int bracket = c.id().indexOf('[');
          String id = bracket < 0 ? c.id() : c.id().substring(0, bracket) + "[hash/layout/growth]";
          rows.putIfAbsent(id, new String[] {id, c.contract()});
        });
        tables.put(kit.getKey(), new ArrayList<>(rows.values()));
      }
    }
    List<String[]> mapKit = tables.remove("MapContractVerification");
    if (mapKit != null) {
      tables.put("MapContractVerification", mapKit);
    }
    List<String[]> matrixRows = new ArrayList<>();
    main.checks().forEach(c -> matrixRows.add(new String[] {c.id(), c.description()}));
    tables.put("MapContract matrix", matrixRows);
    for (Map.Entry<String, List<String[]>> t : tables.entrySet()) {
      out.println("### " + t.getKey());
      out.println();
      if (t.getValue().isEmpty()) {
        out.println("(no checks)");
      } else {
        out.println("| id | contract |");
        out.println("|---|---|");
        for (String[] row : t.getValue()) {
          out.println("| `" + row[0] + "` | " + row[1].replace("|", "\\|") + " |");
        }
      }
      out.println();
    }
    out.flush();
    return Main.OK;
  }

  /**
   * The kits that apply to a plugin, by kit name, each around the plugin instance.
   *
   * @param registry the plugins it must not share its name with
   */
  private Map<String, Verification> kits(PluginInfo p, Plugins registry) {
    Set<Capability> declared = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class)
        : EnumSet.copyOf(capabilities);
    Map<String, Verification> kits = new LinkedHashMap<>();
    Object plugin = p.plugin();
    switch (p.kind()) {
      case HASH -> kits.put("HashProviderVerification", new HashProviderVerification() {
        @Override
        protected HashProvider createHashProvider() {
          return (HashProvider) plugin;
        }

        @Override
        protected Set<Capability> capabilities() {
          return declared;
        }

        @Override
        protected Plugins registry() {
          return registry;
        }
      });
      case LAYOUT -> kits.put("PlatformLayoutVerification", new PlatformLayoutVerification() {
        @Override
        protected PlatformLayout createPlatformLayout() {
          return (PlatformLayout) plugin;
        }

        @Override
        protected Set<Capability> capabilities() {
          return declared;
        }

        @Override
        protected Plugins registry() {
          return registry;
        }
      });
      case GROWTH -> kits.put("GrowthPolicyVerification", new GrowthPolicyVerification() {
        @Override
        protected GrowthPolicy createGrowthPolicy() {
          return (GrowthPolicy) plugin;
        }

        @Override
        protected double loadBound() {
          return loadBound != null ? loadBound : super.loadBound();
        }

        @Override
        protected Set<Capability> capabilities() {
          return declared;
        }

        @Override
        protected Plugins registry() {
          return registry;
        }
      });
      default -> throw new IllegalStateException("unknown plugin kind " + p.kind());
    }
    kits.put("MapContractVerification", new MapContractVerification() {
      @Override
      protected Object createPlugin() {
        return plugin;
      }

      @Override
      protected Set<Capability> capabilities() {
        return declared;
      }
    });
    return kits;
  }

  /** The registration of each provider of the jar, as a check that passed or failed. */
  private TckReports.Suite registrationSuite(PluginJar jar) {
    List<CheckResult> results = new ArrayList<>();
    for (PluginJar.Registration r : jar.registrations()) {
      results.add(new CheckResult(r.subject(), r.checkId(), r.contract(),
          r.passed() ? CheckResult.Status.PASSED : CheckResult.Status.FAILED,
          r.passed() ? "" : r.problem(), null, seed, reproduceKits(), 0));
    }
    Map<String, String> props = new LinkedHashMap<>();
    props.put("plugin-jar", shown(pluginJar));
    props.put("reproduce", reproduceKits());
    return new TckReports.Suite("registration", TckReports.Kind.REGISTRATION, results, props);
  }

  private TckReports.Suite matrixSuite(TckReport report) {
    Map<String, String> props = new LinkedHashMap<>();
    if (pluginJar != null) {
      props.put("plugin-jar", shown(pluginJar));
    }
    props.put("tck.seed", Long.toString(seed));
    props.put("tck.sample", sample == null ? "all" : sample.toString());
    props.put("reproduce", "each failure's reproduce line");
    return new TckReports.Suite("MapContract matrix", TckReports.Kind.MATRIX, report.results(),
        props);
  }

  /** {@code --timeout T} if the timeout is not the default, for reproduce lines; else none. */
  private List<String> timeoutOption() {
    return timeout.equals(TckRunner.DEFAULT_TIMEOUT) ? List.of()
        : List.of("--timeout", TckRunner.timeOption(timeout));
  }

  /**
   * The command that runs the registration and the kits again with this seed, its words quoted
   * for a shell ({@link ShellWords#command}).
   */
  private String reproduceKits() {
    List<String> command = new ArrayList<>(List.of("gomap4j", "tck", "--plugin-jar",
        pluginJar.toString(), "--no-matrix", "--seed", Long.toString(seed)));
    if (!capabilities.isEmpty()) {
      command.addAll(List.of("--capability", String.join(",",
          EnumSet.copyOf(capabilities).stream().map(Enum::name).toList())));
    }
    if (loadBound != null) {
      command.addAll(List.of("--load-bound", loadBound.toString()));
    }
    command.addAll(timeoutOption());
    return ShellWords.command(command);
  }

  /**
   * Before the run: makes sure the report can be written, and deletes the report files of an
   * earlier run, so that a bad {@code --report} fails at once and no stale file is left behind.
   */
  private void prepareReport(PrintWriter out) {
    if (reportDir == null) {
      return;
    }
    List<Path> stale;
    try {
      stale = TckReports.prepare(reportDir);
    } catch (IOException e) {
      throw new CliException(Main.USAGE, "--report " + reportDir + ": " + e.getMessage());
    }
    if (!stale.isEmpty()) {
      out.println("tck: deleted " + Words.count(stale.size(), "report file")
          + " of an earlier run from " + shown(reportDir));
    }
  }

  private void writeReport(PrintWriter out, String title, List<TckReports.Suite> suites) {
    if (reportDir == null) {
      return;
    }
    try {
      List<Path> files = TckReports.write(reportDir, title, suites);
      out.println("tck: report written to " + shown(reportDir) + " (" + Words.count(files.size() - 1,
          "JUnit XML file") + ", " + TckReports.MARKDOWN + ")");
    } catch (IOException e) {
      throw new CliException(Main.USAGE, "--report " + reportDir + ": cannot write the report: "
          + IoMessages.describe(e));
    }
  }

  private void printFailures(PrintWriter out, List<CheckResult> failures, String reproduce) {
    if (failures.isEmpty()) {
      return;
    }
    out.println();
    out.println("Failures:");
    for (CheckResult f : failures) {
      out.println();
      out.println("FAILED " + f.combination() + " " + f.checkId() + ": " + f.description());
      out.println(indent(f.message()));
      // A registration's own reproduce line is the command's: print it once.
      out.println("  reproduce: " + (reproduce.isEmpty() || reproduce.equals(f.reproduce())
          ? f.reproduce() : reproduce + "  (" + f.reproduce() + ")"));
      if (main.verbose() && f.failure() != null) {
        StringWriter trace = new StringWriter();
        f.failure().printStackTrace(new PrintWriter(trace));
        out.println(indent(trace.toString()));
      }
    }
  }

  /** A path or name for the output: its control characters written as {@code \}{@code u00XX}. */
  private static String shown(Object o) {
    return Printable.of(String.valueOf(o));
  }

  private static String summary(TckReport r) {
    return r.passed() + " passed, " + r.failed() + " failed, " + r.skipped() + " skipped";
  }

  private static List<String> names(List<PluginInfo> plugins) {
    return plugins.stream().map(p -> p.kind().label() + " " + p.name()).toList();
  }

  /**
   * The names given to the comma-separated list {@code option}, each trimmed, in the order given;
   * empty when the option was not given, which selects everything. A list with an empty name
   * ({@code ","}, {@code "a,,b"}, {@code "a,"}, {@code " "}) is refused, naming the option and the
   * {@code known} names, rather than read as no selection. Picocli drops empty names when it splits
   * a value, so the option's original values are split here.
   */
  private List<String> names(String option, Collection<String> known) {
    OptionSpec o = spec.commandLine().getParseResult().matchedOption(option);
    if (o == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String value : o.originalStringValues()) {
      for (String name : value.split(",", -1)) {
        if (name.isBlank()) {
          throw new ParameterException(spec.commandLine(), option + " '" + value + "' has an "
              + "empty name; give one or more names separated by commas, each one of: "
              + String.join(", ", known));
        }
        names.add(name.trim());
      }
    }
    return names;
  }

  /** The names {@code --capability} accepts, for its help. */
  static final class CapabilityNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Capability.values()).map(Enum::name).iterator();
    }
  }

  private static String indent(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\\R", -1)) {
      sb.append("  ").append(line).append(System.lineSeparator());
    }
    return sb.toString().stripTrailing();
  }
}
