package io.gomap4j.cli;

import io.gomap4j.api.internal.Printable;
import io.gomap4j.engine.Plugins;
import io.gomap4j.tck.MapContract;
import io.gomap4j.tck.TckCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code gomap4j} command.
 *
 * <p>Exit codes: {@value #OK} success, {@value #FAILED} a TCK check failed, a trace diverged
 * from Go, a hash or layout vector failed, or the benchmark comparison failed, {@value #USAGE} bad
 * arguments or unreadable input, {@value #INTERNAL} an unexpected error.
 *
 * <p>Error messages quote what was given (an option's value, an unknown option or subcommand, a
 * path) as it was given, except that each control character in them is written as {@code \}{@code
 * u00XX} ({@link Printable#of}): a value such as {@code $'\e[2J'} or one with a newline must not
 * clear the terminal or split the message. This holds for every error message of a subcommand or
 * of its arguments, picocli's own and those of the engine and the TCK included; a stack trace
 * ({@code -v}) is printed as it is.
 */
@Command(
    name = "gomap4j",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Go 1.19's runtime map on the JVM: list the plugins found, replay Go's growth "
        + "traces, run the TCK, check Go's hash vectors or compute one hash, print a map type's "
        + "bucket layout or check Go's layout vectors, simulate a map's growth and the memory Go "
        + "would use for it, and compare its speed and memory with other Java maps.",
    subcommands = {
        PluginsCommand.class,
        TraceCommand.class,
        TckCommand.class,
        HashCommand.class,
        LayoutCommand.class,
        SimulateCommand.class,
        BenchCommand.class,
        HelpCommand.class
    },
    usageHelpAutoWidth = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:a TCK check failed, a trace diverged from Go, a hash or layout vector failed, or the "
            + "benchmark comparison failed",
        "2:bad arguments or unreadable input",
        "3:internal error"
    })
public final class Main implements Callable<Integer> {

  /** Success. */
  public static final int OK = 0;
  /**
   * A TCK check failed, a trace diverged from Go's, a hash or layout vector failed, or the
   * benchmark comparison failed.
   */
  public static final int FAILED = 1;
  /** Bad arguments, an unknown name, a missing or unparsable file. */
  public static final int USAGE = 2;
  /** An unexpected error. */
  public static final int INTERNAL = 3;

  /**
   * Where the repository keeps its copy of Go's vectors, for the help texts: a line of its own,
   * since picocli would break a path within a paragraph at its dots.
   */
  static final String VECTORS = "tck/src/main/resources/io/gomap4j/tck/vectors/go1.19/";

  /** Set to {@code 1} or {@code 0} by the launcher: whether stderr is a terminal. */
  static final String TTY_ENV = "GOMAP4J_STDERR_TTY";

  /** The level of the engine's plugin discovery log ({@code io.gomap4j.engine.Plugins}). */
  static final String PLUGINS_LOG_LEVEL = "gomap4j.plugins.log.level";

  @Spec CommandSpec spec;

  private final Supplier<Plugins> pluginSource;
  private final Supplier<List<TckCheck>> checkSource;
  private final boolean terminal;
  private Plugins plugins;
  private boolean verbose;

  /** The command as run from the command line: discovered plugins and the map contract. */
  public Main() {
    this(() -> Plugins.discover(Main.class.getClassLoader()), MapContract::checks,
        stderrIsTerminal());
  }

  /**
   * A command with its own plugins and checks, for tests and embedding.
   *
   * @param pluginSource the plugins, asked for once, when a subcommand needs them
   * @param checkSource the TCK checks
   * @param terminal whether stderr is a terminal (progress redraws one line)
   */
  Main(Supplier<Plugins> pluginSource, Supplier<List<TckCheck>> checkSource, boolean terminal) {
    this.pluginSource = pluginSource;
    this.checkSource = checkSource;
    this.terminal = terminal;
  }

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Log at DEBUG level on stderr and print stack traces of failures.")
  void setVerbose(boolean on) {
    // Picocli may reset the inherited option's copy to false after the parent set it: only ever
    // switch it on.
    if (on) {
      verbose = true;
      // Read by logback.xml; set before any logger exists (subcommands log only after parsing).
      System.setProperty("gomap4j.log.level", "DEBUG");
    }
  }

  /** Runs the command and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(execute(commandLine(), args));
  }

  /**
   * Runs {@code cl}. Picocli hands only exceptions to {@link #executionFailed}; a JVM error (out of
   * memory, stack overflow) would end the JVM with its stack trace and exit code 1, which means a
   * failed check, so it is reported here as an internal error ({@value #INTERNAL}).
   */
  static int execute(CommandLine cl, String[] args) {
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      cl.getErr().println("gomap4j: out of memory (" + e.getMessage() + "); give the JVM more heap"
          + " with GOMAP4J_JAVA_OPTS=-Xmx<size>, or ask for less");
    } catch (StackOverflowError e) {
      cl.getErr().println("gomap4j: internal error: stack overflow; the input nests too deeply");
    }
    cl.getErr().flush();
    return INTERNAL;
  }

  /** The configured command line: exit codes and error messages as documented above. */
  public static CommandLine commandLine() {
    return commandLine(new Main());
  }

  static CommandLine commandLine(Main main) {
    CommandLine cl = new CommandLine(main);
    cl.setParameterExceptionHandler(Main::invalidInput);
    cl.setExecutionExceptionHandler(Main::executionFailed);
    cl.registerConverter(Path.class, Main::path);
    return cl;
  }

  /**
   * A path option's or parameter's value: an empty one is refused, since {@code Path.of("")} is
   * the current directory and no option here means that ({@code --report ''} would write the
   * report there, {@code --jar ''} would say the directory is no jar).
   */
  static Path path(String value) {
    if (value.isEmpty()) {
      throw new TypeConversionException("the value is empty; give a path");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new TypeConversionException("'" + value + "' is not a path: " + e.getReason());
    }
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(),
        "a subcommand is missing; use one of: " + subcommandNames(spec));
  }

  /** The names of {@code spec}'s subcommands, comma separated, in the order of --help. */
  private static String subcommandNames(CommandSpec spec) {
    return String.join(", ", spec.subcommands().keySet());
  }

  /** Whether -v was given. */
  boolean verbose() {
    return verbose;
  }

  /** Whether stderr is a terminal. */
  boolean terminal() {
    return terminal;
  }

  /**
   * The plugins, for a command that prints each problem of their discovery itself ({@code
   * warning: ...}): the engine's log line of the same problem ({@code WARN Plugins: ...}) is left
   * out, unless {@code -v}, so that each problem is told once, also under {@code tck -q}. Call it
   * before anything logs: logback.xml reads {@value #PLUGINS_LOG_LEVEL} when the first logger is
   * created.
   */
  Plugins pluginsReportedByTheCommand() {
    if (!verbose && plugins == null) {
      System.setProperty(PLUGINS_LOG_LEVEL, "ERROR");
    }
    return plugins();
  }

  /**
   * The plugins, discovered on first use.
   *
   * @throws CliException if discovery failed (two plugins of one kind with one name, or a plugin
   *     named against the plugin name rule)
   */
  Plugins plugins() {
    if (plugins == null) {
      try {
        plugins = pluginSource.get();
      } catch (IllegalStateException e) {
        throw new CliException(USAGE, "cannot load the plugins: " + e.getMessage());
      }
    }
    return plugins;
  }

  /** The TCK checks. */
  List<TckCheck> checks() {
    return checkSource.get();
  }

  static boolean stderrIsTerminal() {
    String env = System.getenv(TTY_ENV);
    if ("1".equals(env)) {
      return true;
    }
    if ("0".equals(env)) {
      return false;
    }
    // Without the launcher's hint: a console means stdin and stdout are terminals, so stderr
    // most likely is too.
    return System.console() != null;
  }

  private static Main root(CommandLine cmd) {
    CommandLine c = cmd;
    while (c.getParent() != null) {
      c = c.getParent();
    }
    return c.getCommand() instanceof Main m ? m : null;
  }

  private static String prefix(CommandLine cmd) {
    return cmd.getCommandSpec().qualifiedName() + ": ";
  }

  /**
   * Bad arguments: the message (with control characters escaped, as every error message here),
   * suggestions for near misses, the synopsis.
   */
  private static int invalidInput(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String unknown = unknownSubcommand(ex);
    String message = Printable.of(unknown == null ? ex.getMessage()
        : "unknown subcommand '" + unknown + "'; use one of: "
            + subcommandNames(cmd.getCommandSpec()));
    err.println(cmd.getColorScheme().errorText(prefix(cmd) + message));
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.print("Usage: " + cmd.getHelp().synopsis(0));
    err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for details.");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * The word given where a subcommand of {@code ex}'s command was expected, or null if {@code ex} is
   * about something else: the first unmatched argument of a command with subcommands, when it is
   * not an option ({@code gomap4j foo}), or the subcommand {@code help} was asked about
   * ({@code gomap4j help foo}). A command with subcommands gets unmatched arguments only before any
   * subcommand: after one, they belong to the subcommand.
   */
  private static String unknownSubcommand(ParameterException ex) {
    CommandLine cmd = ex.getCommandLine();
    if (cmd.getSubcommands().isEmpty()) {
      return null;
    }
    if (ex instanceof UnmatchedArgumentException u) {
      List<String> unmatched = u.getUnmatched();
      String first = unmatched.isEmpty() ? "" : unmatched.get(0);
      return first.isEmpty() || first.startsWith("-") ? null : first;
    }
    // picocli's HelpCommand: "Unknown subcommand 'foo'.", with the word as the exception's value.
    String word = ex.getValue();
    return ex.getArgSpec() == null && word != null
        && ("Unknown subcommand '" + word + "'.").equals(ex.getMessage()) ? word : null;
  }

  /**
   * Exceptions from a subcommand: known kinds are messages with an exit code, others bugs. The
   * message is printed with its control characters escaped; a stack trace ({@code -v}) is not.
   */
  private static int executionFailed(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    Main main = root(cmd);
    boolean verbose = main != null && main.verbose();
    int code;
    if (ex instanceof CliException e) {
      err.println(prefix(cmd) + Printable.of(e.getMessage()));
      code = e.exitCode();
    } else if (ex instanceof IllegalArgumentException) {
      err.println(prefix(cmd) + Printable.of(ex.getMessage()));
      code = USAGE;
    } else {
      err.println(prefix(cmd) + "internal error: " + Printable.of(String.valueOf(ex)));
      code = INTERNAL;
      if (!verbose) {
        err.println("(run with -v for the stack trace)");
      }
    }
    if (verbose) {
      StringWriter trace = new StringWriter();
      ex.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    }
    err.flush();
    return code;
  }

  /** {@code gomap4j VERSION}, from the build, with the Java runtime. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "gomap4j " + version(),
        "map semantics of Go 1.19 (runtime/map.go)",
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
            + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")"
      };
    }

    static String version() {
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          Properties p = new Properties();
          p.load(in);
          String v = p.getProperty("version", "");
          if (!v.isBlank() && !v.startsWith("${")) {
            return v;
          }
        }
      } catch (IOException e) {
        // fall through
      }
      return "(unknown version)";
    }
  }
}
