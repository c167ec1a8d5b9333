package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.testing.UnloadablePlugins;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.tck.MapContract;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import picocli.CommandLine;

/**
 * {@code gomap4j tck --plugin-jar} tests the plugins of a third-party jar, and only those, with
 * their kits and in the matrix beside the bundled plugins; it refuses a path that is missing, is
 * not a jar or holds no plugin, and reports a provider that cannot be loaded by name. A plugin on
 * the class path whose name breaks the rule stops the command instead, naming it.
 */
class PluginJarTckTest {

  /**
   * A sound seeded hash: FNV-1a over the bytes with the seed and key, then a murmur3 finalizer; the
   * typed entry points hash the value's bytes in the platform's byte order; 32-bit on 32-bit
   * platforms.
   */
  private static final String GOOD_HASH = """
      package fixture;

      import io.gomap4j.spi.*;
      import java.nio.ByteBuffer;
      import java.nio.ByteOrder;

      public class MixHash implements HashProvider {
        public String name() { return "fixture-mix"; }
        public int spiVersion() { return SPI_VERSION; }
        public Hasher create(Platform platform, KeyMaterial km) {
          long key = km.hashkey(0);
          long mask = platform.bits() == 32 ? 0xffffffffL : -1L;
          ByteOrder order = platform.byteOrder();
          return new Hasher() {
            long mix(long h) {
              h ^= h >>> 33; h *= 0xff51afd7ed558ccdL; h ^= h >>> 33;
              h *= 0xc4ceb9fe1a85ec53L; h ^= h >>> 33; return h & mask;
            }
            public int bits() { return platform.bits(); }
            public long memhash(byte[] d, int off, int len, long seed) {
              long h = (seed ^ key) * 0x9e3779b97f4a7c15L ^ len;
              for (int i = 0; i < len; i++) { h = (h ^ (d[off + i] & 0xff)) * 0x100000001b3L; }
              return mix(h);
            }
            public long memhash32(int v, long seed) {
              return memhash(ByteBuffer.allocate(4).order(order).putInt(v).array(), 0, 4, seed);
            }
            public long memhash64(long v, long seed) {
              return memhash(ByteBuffer.allocate(8).order(order).putLong(v).array(), 0, 8, seed);
            }
            public long f32hash(float f, long seed) {
              if (f == 0) return memhash32(0, seed);
              if (f != f) return mix(seed ^ System.nanoTime() * 0x9e3779b97f4a7c15L);
              return memhash32(Float.floatToRawIntBits(f), seed);
            }
            public long f64hash(double f, long seed) {
              if (f == 0) return memhash64(0, seed);
              if (f != f) return mix(seed ^ System.nanoTime() * 0x9e3779b97f4a7c15L);
              return memhash64(Double.doubleToRawLongBits(f), seed);
            }
          };
        }
      }
      """;

  /** A hash that is not a function: every call answers something new. */
  private static final String RANDOM_HASH = """
      package fixture;

      import io.gomap4j.spi.*;

      public class RandomHash implements HashProvider {
        public String name() { return "fixture-random"; }
        public int spiVersion() { return SPI_VERSION; }
        public Hasher create(Platform platform, KeyMaterial km) {
          java.util.SplittableRandom r = new java.util.SplittableRandom(1);
          long mask = platform.bits() == 32 ? 0xffffffffL : -1L;
          return new Hasher() {
            synchronized long next() { return r.nextLong() & mask; }
            public int bits() { return platform.bits(); }
            public long memhash(byte[] d, int off, int len, long seed) { return next(); }
            public long memhash32(int v, long seed) { return next(); }
            public long memhash64(long v, long seed) { return next(); }
            public long f32hash(float f, long seed) { return next(); }
            public long f64hash(double f, long seed) { return next(); }
          };
        }
      }
      """;

  /** A provider whose constructor throws. */
  private static final String THROWING_HASH = """
      package fixture;

      public final class ThrowingHash extends MixHash {
        public ThrowingHash() {
          throw new IllegalStateException("no key file\\u001b[31m configured\\u202e\\n!");
        }
      }
      """;

  /** A provider whose name() fails an assertion. */
  private static final String ASSERTING_NAME_HASH = """
      package fixture;

      public final class AssertingNameHash extends MixHash {
        public String name() { throw new AssertionError("name() is not ready"); }
      }
      """;

  /** A sound hash under a name that cannot be selected in a list or a combination id. */
  private static final String ODDLY_NAMED_HASH = """
      package fixture;

      public final class OddlyNamedHash extends MixHash {
        public String name() { return "fixture mix,v1/2"; }
      }
      """;

  /** A sound hash with an empty name. */
  private static final String EMPTY_NAMED_HASH = """
      package fixture;

      public final class EmptyNamedHash extends MixHash {
        public String name() { return ""; }
      }
      """;

  /** A sound hash whose name holds a newline and an escape character. */
  private static final String CONTROL_NAMED_HASH = """
      package fixture;

      public final class ControlNamedHash extends MixHash {
        public String name() { return "fixture\\nmix\\u001b[0m"; }
      }
      """;

  /** A sound hash named like a bundled one. */
  private static final String CLASHING_HASH = """
      package fixture;

      public final class ClashingHash extends MixHash {
        public String name() { return "memhash-go119"; }
      }
      """;

  /** A hash named like RandomHash, in the same jar. */
  private static final String TWIN_HASH = """
      package fixture;

      public final class TwinHash extends RandomHash {
      }
      """;

  /** A sound hash for amd64 and 386 whose create() blocks, instead of refusing, elsewhere. */
  private static final String BLOCKING_HASH = """
      package fixture;

      import io.gomap4j.spi.*;

      public final class BlockingHash extends MixHash {
        public String name() { return "fixture-blocking"; }
        public boolean supports(Platform p) {
          return p.goarch().equals("amd64") || p.goarch().equals("386");
        }
        public Hasher create(Platform platform, KeyMaterial km) {
          if (!supports(platform)) {
            try {
              Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
              throw new IllegalStateException("interrupted");
            }
          }
          return super.create(platform, km);
        }
      }
      """;

  /**
   * A hash whose create() waits, ignoring interrupts, until the system property
   * fixture.stuck.release is true.
   */
  private static final String STUCK_HASH = """
      package fixture;

      import io.gomap4j.spi.*;

      public final class StuckHash extends MixHash {
        public String name() { return "fixture-stuck"; }
        public Hasher create(Platform platform, KeyMaterial km) {
          while (!Boolean.getBoolean("fixture.stuck.release")) {
            try {
              Thread.sleep(10);
            } catch (InterruptedException e) {
              // ignored
            }
          }
          return super.create(platform, km);
        }
      }
      """;

  /** Go's growth rules at 8 entries per bucket instead of 6.5. */
  private static final String LOAD_EIGHT_GROWTH = """
      package fixture;

      import io.gomap4j.spi.GrowthPolicy;
      import java.util.function.IntSupplier;

      public final class LoadEightGrowth implements GrowthPolicy {
        public String name() { return "fixture-load8"; }
        public int spiVersion() { return SPI_VERSION; }
        static boolean over(long count, int b) { return count > 8 && count > 8L * (1L << b); }
        public int initialB(long hint) {
          int b = 0;
          while (b < 61 && over(hint, b)) b++;
          return b;
        }
        public Grow onInsert(long count, int b, int noverflow) {
          if (over(count, b)) return Grow.DOUBLE;
          return noverflow >= (1 << Math.min(b, 15)) ? Grow.SAME_SIZE : Grow.NONE;
        }
        public int extraEvacuationsPerWrite() { return 1; }
        public boolean countOverflow(int b, IntSupplier random) {
          return b < 16 || (random.getAsInt() & ((1 << (b - 15)) - 1)) == 0;
        }
      }
      """;

  private static final String SERVICE = "META-INF/services/" + HashProvider.class.getName();

  @TempDir static Path shared;
  /** The fixtures above, compiled. */
  static Path classes;
  /** {@link UnloadablePlugins}, compiled and broken. */
  static Path unloadable;

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  /** The fixtures' sources by class name, all in package {@code fixture}. */
  private static final Map<String, String> FIXTURES = Map.ofEntries(
      Map.entry("MixHash", GOOD_HASH), Map.entry("RandomHash", RANDOM_HASH),
      Map.entry("ThrowingHash", THROWING_HASH), Map.entry("AssertingNameHash", ASSERTING_NAME_HASH),
      Map.entry("OddlyNamedHash", ODDLY_NAMED_HASH),
      Map.entry("EmptyNamedHash", EMPTY_NAMED_HASH),
      Map.entry("ControlNamedHash", CONTROL_NAMED_HASH), Map.entry("ClashingHash", CLASHING_HASH),
      Map.entry("TwinHash", TWIN_HASH), Map.entry("BlockingHash", BLOCKING_HASH),
      Map.entry("StuckHash", STUCK_HASH), Map.entry("LoadEightGrowth", LOAD_EIGHT_GROWTH));

  /**
   * Compiles the fixtures above (against the api alone) into {@link #classes}, and the engine's
   * {@link UnloadablePlugins} (a class built for a newer Java, one whose superclass is missing,
   * one whose static initializer throws) into {@link #unloadable}.
   */
  @BeforeAll
  static void compileFixtures() throws IOException {
    Path out = shared.resolve("classes");
    Path src = Files.createDirectories(shared.resolve("src/fixture"));
    String api = Path.of(HashProvider.class.getProtectionDomain().getCodeSource().getLocation()
        .getPath()).toString();
    List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", api, "--release",
        "17"));
    for (Map.Entry<String, String> fixture : FIXTURES.entrySet()) {
      Path file = src.resolve(fixture.getKey() + ".java");
      Files.writeString(file, fixture.getValue());
      args.add(file.toString());
    }
    java.util.spi.ToolProvider javac = java.util.spi.ToolProvider.findFirst("javac")
        .orElseThrow(() -> new AssertionError("the tests need a JDK, with javac"));
    StringWriter log = new StringWriter();
    int rc = javac.run(new PrintWriter(log), new PrintWriter(log), args.toArray(String[]::new));
    assertThat(rc).as("javac of the fixtures: " + log).isZero();
    classes = out;
    unloadable = UnloadablePlugins.compile(shared.resolve("unloadable"));
  }

  private static Run run(String... args) {
    return runWith(Plugins::discovered, args);
  }

  /** The CLI with the plugins of {@code plugins}. */
  private static Run runWith(Supplier<Plugins> plugins, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(new Main(plugins, MapContract::checks, false));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** A jar of the given fixture classes and services lines. */
  private Path jar(String name, List<String> classNames, String services) throws IOException {
    return jar(name, classNames, SERVICE, services);
  }

  /** A jar of the given fixture classes and lines of the services file {@code service}. */
  private Path jar(String name, List<String> classNames, String service, String services)
      throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream os = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(os)) {
      for (String c : classNames) {
        for (Path root : List.of(classes, unloadable)) {
          try (Stream<Path> files = Files.list(root.resolve("fixture"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(c))
                .toList()) {
              out.putNextEntry(new JarEntry("fixture/" + f.getFileName()));
              out.write(Files.readAllBytes(f));
              out.closeEntry();
            }
          }
        }
      }
      if (services != null) {
        out.putNextEntry(new JarEntry(service));
        out.write(services.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void aSoundHashProviderPassesItsKitsAndTheMatrixAndOnlyItIsUnderTest() throws Exception {
    Path jar = jar("mix.jar", List.of("MixHash"), "fixture.MixHash\n");
    Path report = dir.resolve("report");
    Run r = run("tck", "-q", "--plugin-jar", jar.toString(), "--layout", "386,amd64",
        "--growth", "go119", "--report", report.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("tck: plugin jar " + jar)
        .contains("hash fixture-mix (fixture.MixHash)")
        .contains("HashProviderVerification (hash fixture-mix)")
        .contains("MapContractVerification (hash fixture-mix)")
        .contains("fixture-mix/386/go119", "fixture-mix/amd64/go119")
        .doesNotContain("memhash-go119/386/go119")
        .contains("0 failed");
    assertThat(r.out()).containsPattern("fixture-mix/386/go119 +\\d+ +0 +0");

    assertThat(report.resolve(TckReports.MARKDOWN)).exists();
    String md = Files.readString(report.resolve(TckReports.MARKDOWN));
    assertThat(md).startsWith("# gomap4j TCK: mix.jar")
        .contains("| MapContract matrix |", "Result: **passed**.", "map.model.longlong");
    List<Path> xml;
    try (Stream<Path> files = Files.list(report)) {
      xml = files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
    }
    assertThat(xml).extracting(p -> p.getFileName().toString()).contains(
        "TEST-HashProviderVerification_hash_fixture-mix.xml",
        "TEST-MapContractVerification_hash_fixture-mix.xml",
        "TEST-MapContract_matrix.xml");
    Element matrix = parse(report.resolve("TEST-MapContract_matrix.xml")).getDocumentElement();
    assertThat(matrix.getTagName()).isEqualTo("testsuite");
    int checks = MapContract.checks().size();
    assertThat(matrix.getAttribute("tests")).isEqualTo(String.valueOf(2 * checks));
    assertThat(matrix.getAttribute("failures")).isEqualTo("0");
    assertThat(matrix.getElementsByTagName("testcase").getLength()).isEqualTo(2 * checks);
    assertThat(properties(matrix)).containsEntry("tck.seed", String.valueOf(0x60A4A9L));
  }

  @Test
  void aBrokenHashFailsWithExitOneAndTheReportHoldsEachFailureAndItsReproduceLine()
      throws Exception {
    Path jar = jar("random.jar", List.of("RandomHash"), "fixture.RandomHash\n");
    Path report = dir.resolve("report");
    Run r = run("tck", "-q", "--plugin-jar", jar.toString(), "--layout", "amd64",
        "--growth", "go119", "--check", "map.model.longlong", "--seed", "42", "--report",
        report.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.FAILED);
    assertThat(r.out()).contains("FAILED fixture-random/amd64/go119 map.model.longlong")
        .contains("reproduce: gomap4j tck --plugin-jar " + jar + " --no-kits --hash "
            + "fixture-random --layout amd64 --growth go119 --seed 42 --check map.model.longlong");
    Element matrix = parse(report.resolve("TEST-MapContract_matrix.xml")).getDocumentElement();
    assertThat(matrix.getAttribute("failures")).isEqualTo("1");
    Element failure = (Element) matrix.getElementsByTagName("failure").item(0);
    assertThat(failure.getTextContent()).contains("reproduce:", "--seed 42");
    assertThat(Files.readString(report.resolve(TckReports.MARKDOWN)))
        .containsPattern("Result: \\*\\*\\d+ failed\\*\\*\\.")
        .contains("## Failures", "Reproduce: `");
  }

  /** The arguments of the first reproduce line in {@code out} that starts with {@code prefix}. */
  private static String[] reproduceArgs(String out, String prefix) {
    String line = out.lines().map(String::strip).filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no reproduce line " + prefix + " in " + out));
    String command = line.substring("reproduce: gomap4j ".length()).replaceAll("  \\(.*", "");
    return command.split(" ");
  }

  @Test
  void eachReproduceLineRunsAgainOnlyWhatFailedThere() throws Exception {
    Path jar = jar("random.jar", List.of("RandomHash"), "fixture.RandomHash\n");
    Run r = run("tck", "-q", "--plugin-jar", jar.toString(), "--layout", "amd64",
        "--growth", "go119", "--check", "map.model.longlong", "--seed", "42");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.FAILED);

    String[] matrixLine = reproduceArgs(r.out(), "reproduce: gomap4j tck --plugin-jar " + jar
        + " --no-kits --hash fixture-random");
    Run matrix = run(matrixLine);
    assertThat(matrix.exit()).as(matrix.out() + matrix.err()).isEqualTo(Main.FAILED);
    assertThat(matrix.out()).doesNotContain("HashProviderVerification", "MapContractVerification")
        .contains("1 combination x 1 check = 1 run")
        .contains("tck: random.jar: 3 passed, 1 failed, 0 skipped");

    String[] kitLine = reproduceArgs(r.out(), "reproduce: gomap4j tck --plugin-jar " + jar
        + " --no-matrix --seed 42");
    Run kits = run(kitLine);
    assertThat(kits.exit()).as(kits.out() + kits.err()).isEqualTo(Main.FAILED);
    assertThat(kits.out()).contains("tck: matrix not run (--no-matrix)")
        .contains("HashProviderVerification (hash fixture-random)")
        .doesNotContain("combination (hash/layout/growth)");
    // The kits fail the same way as in the first run.
    assertThat(failedLines(kits.out())).isEqualTo(failedLines(r.out()).stream()
        .filter(l -> !l.startsWith("FAILED fixture-random/")).toList());
  }

  /** The words a POSIX shell reads from {@code command}, as {@code sh} itself reads them. */
  private static List<String> shellWords(String command) throws Exception {
    Process p = new ProcessBuilder("/bin/sh", "-c", "for w in " + command
        + "; do printf '%s\\0' \"$w\"; done").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return List.of(out.split("\0"));
  }

  @Test
  void reproduceLinesQuoteAJarPathForTheShell() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    Path jar = jar("my plugin's $HOME.jar", List.of("RandomHash"), "fixture.RandomHash\n");
    Run r = run("tck", "-q", "--plugin-jar", jar.toString(), "--layout", "amd64",
        "--growth", "go119", "--check", "map.model.longlong", "--seed", "42");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.FAILED);
    List<String> lines = r.out().lines().map(String::strip)
        .filter(l -> l.startsWith("reproduce: gomap4j ")).distinct().toList();
    assertThat(lines).as(r.out()).hasSizeGreaterThanOrEqualTo(2)
        .allMatch(l -> l.contains(" --plugin-jar " + ShellWords.quote(jar.toString()) + " "));
    for (String line : lines) {
      String command = line.substring("reproduce: ".length()).replaceAll("  \\(.*", "");
      List<String> words = shellWords(command);
      assertThat(words).as(line).startsWith("gomap4j", "tck", "--plugin-jar", jar.toString());
      assertThat(String.join(" ", words)).as(line)
          .isEqualTo(command.replace(ShellWords.quote(jar.toString()), jar.toString()));
      if (words.contains("--no-kits")) { // the kits' line runs them all again: too slow here
        Run again = run(words.subList(1, words.size()).toArray(String[]::new));
        assertThat(again.exit()).as(line + ": " + again.out() + again.err())
            .isEqualTo(Main.FAILED);
        assertThat(again.out()).as(line)
            .contains("tck: my plugin's $HOME.jar: 3 passed, 1 failed, 0 skipped");
      }
    }
    assertThat(lines).as(r.out()).anyMatch(l -> l.contains(" --no-kits "))
        .anyMatch(l -> l.contains(" --no-matrix "));
  }

  @Test
  void aJarOrReportPathWithControlCharactersIsPrintedWithoutThem() throws Exception {
    String raw = "a\u001b[2J\nb";
    String shown = "a\\u001b[2J\\u000ab";
    Path jar = jar(raw + ".jar", List.of("RandomHash"), "fixture.RandomHash\n");
    Path report = dir.resolve("report-" + raw);
    Run r = run("tck", "-q", "--plugin-jar", jar.toString(), "--layout", "amd64",
        "--growth", "go119", "--check", "map.model.longlong", "--seed", "42", "--report",
        report.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.FAILED);
    assertThat(r.out()).doesNotContain("\u001b")
        .contains("tck: plugin jar " + dir + "/" + shown + ".jar")
        .contains("tck: " + shown + ".jar: ")
        .contains("tck: report written to " + dir + "/report-" + shown + " (")
        .contains("reproduce: gomap4j tck --plugin-jar " + dir + "/" + shown + ".jar --no-kits ");
    Run again = run("tck", "-q", "--plugin-jar", jar.toString(), "--layout", "amd64",
        "--growth", "go119", "--check", "map.model.longlong", "--seed", "42", "--report",
        report.toString());
    assertThat(again.out()).doesNotContain("\u001b")
        .contains("of an earlier run from " + dir + "/report-" + shown + "\n");
  }

  private static List<String> failedLines(String out) {
    return out.lines().filter(l -> l.startsWith("FAILED ")).toList();
  }

  @Test
  void noKitsOrNoMatrixWithoutAJarIsAUsageError() {
    Run r = run("tck", "--no-kits");
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("--no-kits", "give --plugin-jar too");
  }

  @Test
  void aProviderThatCannotBeLoadedIsNamedAndFailsTheRun() throws Exception {
    // The loadable provider is the random one: its checks fail fast, and the run fails anyway.
    Path jar = jar("half.jar", List.of("RandomHash"), "fixture.RandomHash\nfixture.Missing\n");
    Run r = run("tck", "-q", "--plugin-jar", jar.toString(), "--layout", "amd64",
        "--check", "map.model.longlong");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.FAILED);
    assertThat(r.out()).contains("not registered:").contains("fixture.Missing")
        .contains("FAILED hash META-INF/services/io.gomap4j.spi.HashProvider plugin.loads")
        .contains("tck: registration: 3 passed, 1 failed, 0 skipped");
  }

  /** A jar whose only provider cannot be registered, and what the failure must name. */
  static Stream<Arguments> unloadable() {
    return Stream.of(
        Arguments.of("a constructor that throws", List.of("MixHash", "ThrowingHash"),
            "fixture.ThrowingHash\n",
            List.of("hash plugin fixture.ThrowingHash could not be instantiated:"
                + " java.lang.IllegalStateException: no key file\\u001b[31m configured\\u202e"
                + "\\u000a!")),
        Arguments.of("a name() that fails an assertion", List.of("MixHash", "AssertingNameHash"),
            "fixture.AssertingNameHash\n",
            List.of("hash plugin fixture.AssertingNameHash failed to report its name or version:"
                + " java.lang.AssertionError: name() is not ready")),
        Arguments.of("a class the jar does not hold", List.of(), "fixture.Missing\n",
            List.of("Provider fixture.Missing not found")),
        Arguments.of("a class built for a newer Java", List.of("NewerHash"),
            "fixture.NewerHash\n",
            List.of("hash plugin fixture.NewerHash"
                + " could not be loaded: java.lang.UnsupportedClassVersionError: ")),
        Arguments.of("a class whose superclass the jar does not hold",
            List.of("OrphanHash"), "fixture.OrphanHash\n",
            List.of("hash plugin fixture.OrphanHash"
                + " could not be loaded: java.lang.NoClassDefFoundError: fixture/LostBase")),
        Arguments.of("a static initializer that throws", List.of("FailingInitHash"),
            "fixture.FailingInitHash\n",
            List.of("fixture.FailingInitHash could not be instantiated",
                "java.lang.ExceptionInInitializerError",
                UnloadablePlugins.FAILING_INIT_MESSAGE)),
        Arguments.of("a class loaded from outside the jar (a bundled plugin)", List.of(),
            "io.gomap4j.hash.MemhashGo119Provider\n",
            List.of("io.gomap4j.hash.MemhashGo119Provider is registered in the jar's"
                + " META-INF/services/io.gomap4j.spi.HashProvider, but the jar does not hold the"
                + " class: it is loaded from ", "a plugin jar registers only its own classes")),
        Arguments.of("a services line that is not a class name", List.of("MixHash"),
            "fixture.MixHash extra words\n",
            List.of("META-INF/services/io.gomap4j.spi.HashProvider:1",
                "Illegal configuration-file syntax")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unloadable")
  void aJarWhoseOnlyPluginCannotBeRegisteredFailsTheRegistrationCheckAndIsReported(String what,
      List<String> classNames, String services, List<String> named) throws Exception {
    Path jar = jar("broken.jar", classNames, services);
    Path report = dir.resolve("report");
    Run r = run("tck", "-q", "--plugin-jar", jar.toString(), "--report", report.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.FAILED);
    assertThat(r.out()).contains("tck: registration: 0 passed, 1 failed, 0 skipped")
        .contains("FAILED hash ").contains(" plugin.loads: ").contains(named)
        .contains("no plugin of broken.jar registered")
        .contains("tck: broken.jar: 0 passed, 1 failed, 0 skipped")
        .doesNotContain("MapContract");
    assertThat(r.out() + r.err()).as("what the plugin threw, escaped")
        .doesNotContain("\u001b").doesNotContain("\u202e");
    String reproduce = r.out().lines().filter(l -> l.startsWith("  reproduce: ")).findFirst()
        .orElseThrow();
    assertThat(reproduce).as("printed once").isEqualTo("  reproduce: gomap4j tck --plugin-jar "
        + jar + " --no-matrix --seed " + 0x60A4A9L);

    Element suite = parse(report.resolve("TEST-registration.xml")).getDocumentElement();
    assertThat(suite.getAttribute("tests")).isEqualTo("1");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    Element failure = (Element) suite.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).contains(named);
    assertThat(properties(suite)).containsEntry("plugin-jar", jar.toString());
    assertThat(Files.readString(report.resolve(TckReports.MARKDOWN)))
        .contains("| registration | 0 | 1 | 0 |", "Result: **1 failed**.", "plugin.loads");
  }

  @Test
  void classesTheJvmCannotLoadFailTheirOwnRegistrationAndTheJarsOtherPluginsAreTested()
      throws Exception {
    Path jar = jar("mixed.jar", List.of("MixHash", "NewerHash", "OrphanHash", "FailingInitHash"),
        "fixture.NewerHash\nfixture.OrphanHash\nfixture.FailingInitHash\nfixture.MixHash\n");
    Run r = run("tck", "-q", "--plugin-jar", jar.toString(), "--no-kits", "--layout", "amd64",
        "--growth", "go119", "--check", "map.order");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.FAILED);
    assertThat(r.out())
        .contains("tck: registration: 3 passed, 3 failed, 0 skipped")
        .contains("FAILED hash fixture.NewerHash plugin.loads: ",
            "hash plugin fixture.NewerHash could not be loaded:"
                + " java.lang.UnsupportedClassVersionError: ")
        .contains("FAILED hash fixture.OrphanHash plugin.loads: ",
            "hash plugin fixture.OrphanHash could not be loaded: java.lang.NoClassDefFoundError:"
                + " fixture/LostBase")
        .contains("FAILED hash fixture.FailingInitHash plugin.loads: ",
            "hash plugin fixture.FailingInitHash could not be instantiated: ")
        .containsPattern("fixture-mix/amd64/go119 +1 +0 +0");
    assertThat(r.err()).doesNotContain("\tat ");
  }

  @Test
  void loadingStopsAfterSixtyFourErrorsOnlyWhenMoreLinesFollow() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 64; i++) {
      lines.append("fixture.Missing").append(i).append('\n');
    }
    Run exactly = run("tck", "-q", "--plugin-jar",
        jar("64.jar", List.of(), lines.toString()).toString());
    assertThat(exactly.out()).as(exactly.err())
        .contains("tck: registration: 0 passed, 64 failed, 0 skipped")
        .doesNotContain("stopped loading");

    Run more = run("tck", "-q", "--plugin-jar",
        jar("65.jar", List.of(), lines + "fixture.Missing65\n").toString());
    assertThat(more.out()).as(more.err())
        .contains("tck: registration: 0 passed, 65 failed, 0 skipped")
        .contains("stopped loading hash plugins after 64 errors")
        .doesNotContain("fixture.Missing65");
  }

  @Test
  void aPluginNameUsersCouldNotSelectFailsRegistrationNamingTheCharacterAndTheRule()
      throws Exception {
    Path jar = jar("odd.jar", List.of("MixHash", "OddlyNamedHash", "EmptyNamedHash",
        "ControlNamedHash"),
        "fixture.OddlyNamedHash\nfixture.EmptyNamedHash\nfixture.ControlNamedHash\n");
    Path report = dir.resolve("report");
    Run r = run("tck", "-q", "--plugin-jar", jar.toString(), "--report", report.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.FAILED);
    assertThat(r.out())
        .contains("tck: registration: 6 passed, 3 failed, 0 skipped")
        .contains("FAILED hash 'fixture mix,v1/2' (fixture.OddlyNamedHash) plugin.name: ")
        .contains("the name 'fixture mix,v1/2' has a space at index 7")
        .contains("ASCII letters, digits, '.', '_' and '-', starting with a letter or digit")
        .contains("FAILED hash '' (fixture.EmptyNamedHash) plugin.name: ")
        .contains("not registered: hash plugin fixture.EmptyNamedHash (" + jar
            + ") is named so that users cannot select it: the name is empty")
        // Control characters are escaped, so that each message stays on its line.
        .contains("FAILED hash 'fixture\\u000amix\\u001b[0m' (fixture.ControlNamedHash)"
            + " plugin.name: ")
        .contains("not registered: hash plugin fixture.ControlNamedHash (" + jar + ") is named so"
            + " that users cannot select it: the name 'fixture\\u000amix\\u001b[0m' has character"
            + " U+000A at index 7")
        .doesNotContain("fixture\nmix", "\u001b")
        .contains("no plugin of odd.jar registered")
        .doesNotContain("HashProviderVerification");
    assertThat(Files.readString(report.resolve(TckReports.MARKDOWN)))
        .contains("hash '' (fixture.EmptyNamedHash)")
        .contains("hash 'fixture\\u000amix\\u001b[0m' (fixture.ControlNamedHash)")
        .doesNotContain("fixture\nmix", "\u001b");
  }

  @Test
  void aPluginNamedAgainstTheRuleOnTheClassPathStopsPluginsAndTckWithExitTwoNamingIt()
      throws Exception {
    Path jar = jar("odd.jar", List.of("MixHash", "OddlyNamedHash"), "fixture.OddlyNamedHash\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        PluginJarTckTest.class.getClassLoader())) {
      for (String[] args : List.of(new String[] {"plugins"}, new String[] {"tck", "--hash",
          "memhash-go119", "--layout", "386", "--growth", "go119", "--check", "map.order"})) {
        Run r = runWith(() -> Plugins.discover(loader), args);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("gomap4j " + args[0] + ": cannot load the plugins: hash"
                + " plugin fixture.OddlyNamedHash (" + jar + ") is named so that users cannot"
                + " select it: the name 'fixture mix,v1/2' has a space at index 7; a plugin name"
                + " is ASCII letters, digits, '.', '_' and '-', starting with a letter or digit")
            .contains("rename it (its name()) or remove it from the class path")
            .doesNotContain("Exception");
      }
    }
  }

  @Test
  void aPluginNamedLikeABundledOneOrAnotherOfTheJarFailsRegistrationNamingBothClasses()
      throws Exception {
    // The plugin left under test is the random one: its checks fail fast.
    Path jar = jar("clash.jar", List.of("MixHash", "ClashingHash", "RandomHash", "TwinHash"),
        "fixture.ClashingHash\nfixture.RandomHash\nfixture.TwinHash\n");
    Path report = dir.resolve("report");
    Run r = run("tck", "-q", "--plugin-jar", jar.toString(), "--layout", "amd64", "--growth",
        "go119", "--check", "map.order", "--report", report.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.FAILED);
    assertThat(r.out())
        .contains("tck: registration: 7 passed, 2 failed, 0 skipped")
        .contains("FAILED hash memhash-go119 (fixture.ClashingHash) plugin.name.unique: ")
        .contains("hash plugin fixture.ClashingHash is named 'memhash-go119', and so is the "
            + "bundled io.gomap4j.hash.MemhashGo119Provider")
        .contains("FAILED hash fixture-random (fixture.TwinHash) plugin.name.unique: ")
        .contains("hash plugin fixture.TwinHash is named 'fixture-random', and so is "
            + "fixture.RandomHash")
        .contains("HashProviderVerification (hash fixture-random): ")
        .contains("fixture-random/amd64/go119")
        .doesNotContain("memhash-go119/amd64/go119");
    assertThat(Files.readString(report.resolve(TckReports.MARKDOWN)))
        .contains("| registration | 7 | 2 | 0 |");
  }

  @Test
  @Timeout(300) // a guard: without the per-check timeout the run would never end
  void aCheckThatNeverEndsFailsAfterTheTimeoutAndTheRunGoesOn() throws Exception {
    Path jar = jar("blocking.jar", List.of("MixHash", "BlockingHash"), "fixture.BlockingHash\n");
    Run r = run("tck", "-q", "--plugin-jar", jar.toString(), "--timeout", "2s", "--layout",
        "amd64", "--growth", "go119", "--check", "map.order");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.FAILED);
    // Only the stuck check is asserted on: on a busy machine another may take longer than 2 s.
    assertThat(r.out())
        .contains("FAILED hash fixture-blocking hash.unsupported: ")
        .contains("hash.unsupported did not finish within 2 s, the per-check timeout, and was "
            + "interrupted")
        .contains("give a longer timeout (--timeout on the command line; under JUnit "
            + "-Dtck.timeout, or the kit's timeout() where it overrides it)")
        .contains("it was at fixture.BlockingHash.create(BlockingHash.java:")
        .contains("reproduce: gomap4j tck --plugin-jar " + jar + " --no-matrix --seed "
            + 0x60A4A9L + " --timeout 2s")
        .contains("tck: MapContractVerification (hash fixture-blocking): ")
        .containsPattern("fixture-blocking/amd64/go119 +\\d+ +\\d+ +\\d+");
  }

  @Test
  @Timeout(300) // a guard: each check would otherwise wait for the timeout
  void aPluginStuckInCreateCostsTheRunThreeTimeoutsTheOtherChecksFailAtOnceNamingThem()
      throws Exception {
    Path jar = jar("stuck.jar", List.of("MixHash", "StuckHash"), "fixture.StuckHash\n");
    try {
      Run r = run("tck", "-q", "--plugin-jar", jar.toString(), "--timeout", "200ms");
      assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.FAILED);
      // One timeout in each kit of the plugin, one in the matrix, then nothing runs.
      assertThat(r.out().split("did not finish within 200 ms, ", -1)).hasSize(4);
      assertThat(r.out())
          .contains("not run: check hash.")
          .contains("did not finish within 200 ms and its thread may still be running; the "
              + "later checks of hash fixture-stuck are not run")
          .contains("the later checks of map with hash fixture-stuck are not run")
          .contains("not run: 3 checks did not finish in time and their threads may still be "
              + "running (check ");
    } finally {
      System.setProperty("fixture.stuck.release", "true");
    }
  }

  @Test
  void aGrowthPolicyWithAnotherLoadBoundPassesItsKitWithLoadBound() throws Exception {
    Path jar = jar("load8.jar", List.of("LoadEightGrowth"),
        "META-INF/services/" + GrowthPolicy.class.getName(), "fixture.LoadEightGrowth\n");
    Run go = run("tck", "-q", "--plugin-jar", jar.toString(), "--hash", "memhash-go119",
        "--layout", "amd64", "--check", "map.order");
    assertThat(go.exit()).as(go.out() + go.err()).isEqualTo(Main.FAILED);
    assertThat(go.out()).contains("FAILED growth fixture-load8 growth.load.bound: ")
        .contains("exceed the load bound 6.5");

    Run eight = run("tck", "-q", "--plugin-jar", jar.toString(), "--load-bound", "8", "--hash",
        "memhash-go119", "--layout", "amd64", "--check", "map.order");
    assertThat(eight.exit()).as(eight.out() + eight.err()).isZero();
    assertThat(eight.out()).contains("tck: load bound declared: 8.0 entries per bucket")
        .containsPattern("GrowthPolicyVerification \\(growth fixture-load8\\): \\d+ passed, 0 "
            + "failed");
  }

  @Test
  void aLoadBoundWithoutAJarOrNotAboveZeroIsAUsageError() throws Exception {
    Run alone = run("tck", "--load-bound", "8");
    assertThat(alone.exit()).isEqualTo(Main.USAGE);
    assertThat(alone.err()).contains("--load-bound", "give --plugin-jar too");
    Path jar = jar("load8.jar", List.of("LoadEightGrowth"),
        "META-INF/services/" + GrowthPolicy.class.getName(), "fixture.LoadEightGrowth\n");
    Run zero = run("tck", "--plugin-jar", jar.toString(), "--load-bound", "0");
    assertThat(zero.exit()).isEqualTo(Main.USAGE);
    assertThat(zero.err()).contains("--load-bound must be a finite number of entries per bucket"
        + " above 0, such as 6.5, got 0.0");
  }

  @Test
  void aTimeoutThatIsNotATimeIsAUsageErrorNamingTheForms() {
    Run r = run("tck", "--timeout", "soon");
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("--timeout").contains("'soon'")
        .contains("must be a time such as 60s, 500ms or 2m");
    Run tooLong = run("tck", "--timeout", "999999999999999m");
    assertThat(tooLong.exit()).as(tooLong.err()).isEqualTo(Main.USAGE);
    assertThat(tooLong.err()).contains("--timeout")
        .contains("must be at most 1440m (24 hours; 0 for no limit), got '999999999999999m'");
  }

  @Test
  void aJarWithoutPluginsIsAUsageError() throws Exception {
    Path jar = jar("empty.jar", List.of("MixHash"), null);
    Run r = run("tck", "--plugin-jar", jar.toString());
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("no plugins in it", "META-INF/services/io.gomap4j.spi.HashProvider");
  }

  @Test
  void aMissingPathOrAFileThatIsNotAJarIsAUsageError() throws Exception {
    Run missing = run("tck", "--plugin-jar", dir.resolve("nope.jar").toString());
    assertThat(missing.exit()).isEqualTo(Main.USAGE);
    assertThat(missing.err()).contains("nope.jar: no such file");

    Path text = Files.writeString(dir.resolve("notes.jar"), "not a zip");
    Run notJar = run("tck", "--plugin-jar", text.toString());
    assertThat(notJar.exit()).isEqualTo(Main.USAGE);
    assertThat(notJar.err()).contains("notes.jar: not a jar");

    Run directory = run("tck", "--plugin-jar", dir.toString());
    assertThat(directory.exit()).isEqualTo(Main.USAGE);
    assertThat(directory.err()).contains("not a file");
  }

  @Test
  void aCapabilityWithoutAJarIsAUsageError() {
    Run r = run("tck", "--capability", "SHRINKS");
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("give --plugin-jar too");
  }

  @Test
  void theMatrixAloneWritesAReportToo() throws Exception {
    Path report = dir.resolve("report");
    Run r = run("tck", "-q", "--hash", "memhash-go119", "--layout", "386", "--growth", "go119",
        "--check", "map.model.longlong", "--report", report.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    Element matrix = parse(report.resolve("TEST-MapContract_matrix.xml")).getDocumentElement();
    assertThat(matrix.getAttribute("tests")).isEqualTo("1");
    assertThat(Files.readString(report.resolve(TckReports.MARKDOWN)))
        .contains("memhash-go119/386/go119");
  }

  @Test
  void anUnusableReportPathIsAUsageErrorBeforeAnyCheckRuns() throws Exception {
    Path file = Files.writeString(dir.resolve("report.txt"), "a file");
    Run onFile = run("tck", "-q", "--hash", "memhash-go119", "--layout", "386", "--growth",
        "go119", "--check", "map.model.longlong", "--report", file.toString());
    assertThat(onFile.exit()).isEqualTo(Main.USAGE);
    assertThat(onFile.err()).contains("--report " + file + ": it exists and is not a directory");
    assertThat(onFile.out()).doesNotContain("tck: seed");

    Path under = file.resolve("report");
    Path jar = jar("mix.jar", List.of("MixHash"), "fixture.MixHash\n");
    Run underFile = run("tck", "-q", "--plugin-jar", jar.toString(), "--report",
        under.toString());
    assertThat(underFile.exit()).isEqualTo(Main.USAGE);
    assertThat(underFile.err()).contains("--report " + under + ": cannot create the directory: ")
        .doesNotContain("java.nio");
    assertThat(underFile.out()).doesNotContain("tck: registration");
    assertThat(Files.readString(file)).isEqualTo("a file");
  }

  @Test
  void theReportFilesOfAnEarlierRunAreDeletedAndNothingElse() throws Exception {
    Path report = Files.createDirectories(dir.resolve("report"));
    List<String> stale = List.of("TEST-registration.xml",
        "TEST-HashProviderVerification_hash_old-plugin.xml",
        "TEST-MapContractVerification_hash_old-plugin-2.xml", TckReports.MARKDOWN);
    List<String> others = List.of("TEST-com.example.WordMixTest.xml", "notes.txt",
        "TEST-HashProviderVerification.txt");
    for (String name : concat(stale, others)) {
      Files.writeString(report.resolve(name), "earlier");
    }
    Run r = run("tck", "-q", "--hash", "memhash-go119", "--layout", "386", "--growth", "go119",
        "--check", "map.model.longlong", "--report", report.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("tck: deleted 4 report files of an earlier run from " + report);
    List<String> left;
    try (Stream<Path> files = Files.list(report)) {
      left = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(left).containsExactlyInAnyOrderElementsOf(
        concat(others, List.of("TEST-MapContract_matrix.xml", TckReports.MARKDOWN)));
    for (String name : others) {
      assertThat(Files.readString(report.resolve(name))).isEqualTo("earlier");
    }
    assertThat(Files.readString(report.resolve(TckReports.MARKDOWN))).startsWith("# gomap4j TCK");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void listChecksPrintsEachKitAndTheMatrixChecksAsMarkdown() {
    Run r = run("tck", "--list-checks");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("### HashProviderVerification", "### PlatformLayoutVerification",
        "### GrowthPolicyVerification", "### MapContractVerification", "### MapContract matrix",
        "| `map.model.longlong` | ");
  }

  private static Document parse(Path xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
  }

  private static Map<String, String> properties(Element suite) {
    List<String[]> pairs = new ArrayList<>();
    var nodes = suite.getElementsByTagName("property");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element p = (Element) nodes.item(i);
      pairs.add(new String[] {p.getAttribute("name"), p.getAttribute("value")});
    }
    return pairs.stream().collect(java.util.stream.Collectors.toMap(p -> p[0], p -> p[1]));
  }
}
