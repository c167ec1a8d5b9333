package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.api.GoType;
import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.engine.internal.MapInternals;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.tck.Combination;
import io.gomap4j.tck.MapContract;
import io.gomap4j.tck.TckCheck;
import io.gomap4j.tck.vectors.GoVectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class MainTest {

  private static final String TRACE = "shared-amd64-aesfalse.txt";

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    return run(MapContract::checks, false, args);
  }

  private static Run run(Supplier<List<TckCheck>> checks, boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(new Main(Plugins::discovered, checks, terminal));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static String bundledTrace() throws IOException {
    try (InputStream in = GoVectors.openTrace(TRACE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static String line(String text, String... parts) {
    return text.lines()
        .filter(l -> List.of(parts).stream().allMatch(l::contains))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line with " + List.of(parts) + " in:\n" + text));
  }

  // ---- plugins ----

  @Test
  void jvmErrorsAreInternalErrorsNotFailedChecks() {
    for (Error error : new Error[] {new OutOfMemoryError("Java heap space"),
        new StackOverflowError()}) {
      StringWriter err = new StringWriter();
      CommandLine cl = Main.commandLine(new Main(() -> {
        throw error;
      }, MapContract::checks, false));
      cl.setOut(new PrintWriter(new StringWriter(), true));
      cl.setErr(new PrintWriter(err, true));
      assertThat(Main.execute(cl, new String[] {"plugins"})).as(error.toString())
          .isEqualTo(Main.INTERNAL);
      assertThat(err.toString()).as(error.toString()).startsWith("gomap4j: ")
          .contains(error instanceof OutOfMemoryError
              ? "out of memory (Java heap space); give the JVM more heap with GOMAP4J_JAVA_OPTS"
              : "internal error: stack overflow");
    }
  }

  @Test
  void pluginsListsTheFourBundledPluginsWithTheirJars() {
    Run r = run("plugins");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("KIND").contains("CLASS", "LOCATION");
    assertThat(line(r.out(), "memhash-go119"))
        .startsWith("hash ")
        .contains("io.gomap4j.hash.MemhashGo119Provider", "hash-providers");
    assertThat(line(r.out(), " 386 "))
        .startsWith("layout ")
        .contains("io.gomap4j.layout32.I386Layout", "layouts-32bit");
    assertThat(line(r.out(), " amd64 "))
        .startsWith("layout ")
        .contains("io.gomap4j.layout64.Amd64Layout", "layouts-64bit");
    assertThat(line(r.out(), " go119 "))
        .startsWith("growth ")
        .contains("io.gomap4j.engine.growth.Go119GrowthPolicy", "engine");
    assertThat(line(r.out(), " go119-shrink "))
        .startsWith("growth ")
        .contains("io.gomap4j.engine.growth.Go119ShrinkGrowthPolicy", "engine");
    assertThat(r.out()).contains("18 plugins: 2 hash, 14 layout, 2 growth");
    assertThat(r.out()).doesNotContain("warning:");
  }

  @Test
  void oneFoundPluginIsCountedInTheSingular() {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine(new Main(
        () -> Plugins.of(List.of(Plugins.discovered().hash("memhash-go119"))), List::of, false));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    assertThat(cl.execute("plugins")).isZero();
    assertThat(out.toString()).contains("1 plugin: 1 hash, 0 layout, 0 growth");
  }

  @Test
  void aPluginRegistryThatCannotBeBuiltExitsTwoWithTheReason() {
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(new Main(() -> {
      throw new IllegalStateException("two hash plugins are named 'x': A and B");
    }, List::of, false));
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("plugins")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("two hash plugins are named 'x': A and B");
  }

  // ---- trace ----

  @Test
  void traceReplaysABundledTrace() throws IOException {
    Path file = write(TRACE, bundledTrace());
    Run r = run("trace", "--replay", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("trace: 4000 ops, 4000 states matched");
    assertThat(r.out()).contains("goarch amd64", "hash memhash-go119", "invariants checked");
  }

  /** A hash provider named {@code broken} whose hashers throw, naming {@code text}. */
  private static HashProvider brokenHash(String text) {
    return new HashProvider() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public int spiVersion() {
        return SPI_VERSION;
      }

      @Override
      public Hasher create(Platform platform, KeyMaterial keyMaterial) {
        return (Hasher) Proxy.newProxyInstance(Hasher.class.getClassLoader(),
            new Class<?>[] {Hasher.class}, (proxy, method, args) -> {
              if (method.getName().equals("bits")) {
                return platform.bits();
              }
              throw new IllegalStateException("the hasher broke: " + text);
            });
      }
    };
  }

  @Test
  @DisplayName("trace quotes the file it replays and why the replay failed without raw control"
      + " characters")
  void traceQuotesTheFileWithoutControlCharacters() throws IOException {
    String raw = "a\u001b[2J\nb";
    String shown = "a\\u001b[2J\\u000ab";
    Path file = write("trace-" + raw + ".txt", bundledTrace());
    Run r = run("trace", "--replay", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("trace: " + dir + "/trace-" + shown + ".txt (goarch amd64, ");

    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine(new Main(
        () -> Plugins.discovered().with(List.of(brokenHash(raw))), MapContract::checks, false));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    assertThat(cl.execute("trace", "--replay", file.toString(), "--hash", "broken"))
        .isEqualTo(Main.FAILED);
    assertThat(out.toString()).startsWith("trace: " + dir + "/trace-" + shown
        + ".txt: the replay failed: ").contains("the hasher broke: " + shown)
        .doesNotContainPattern("[\\p{Cntrl}&&[^\\n]]").hasLineCount(1);
  }

  @Test
  @DisplayName("A hash provider that throws when asked whether it supports the trace's platform,"
      + " or for a hasher, exits 2 naming the plugin and the call, not as a failed replay")
  void aFailingHashProviderIsNotAFailedReplay() throws IOException {
    Path file = write(TRACE, bundledTrace());
    for (String call : List.of("supports", "create")) {
      HashProvider failing = new HashProvider() {
        @Override
        public String name() {
          return "failing";
        }

        @Override
        public int spiVersion() {
          return SPI_VERSION;
        }

        @Override
        public boolean supports(Platform platform) {
          if (call.equals("supports")) {
            throw new IllegalStateException("supports broke");
          }
          return true;
        }

        @Override
        public Hasher create(Platform platform, KeyMaterial keyMaterial) {
          throw new NullPointerException("create broke");
        }
      };
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cl = Main.commandLine(new Main(
          () -> Plugins.discovered().with(List.of(failing)), MapContract::checks, false));
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      assertThat(cl.execute("trace", "--replay", file.toString(), "--hash", "failing"))
          .as(call).isEqualTo(Main.USAGE);
      assertThat(out.toString()).as(call).isEmpty();
      assertThat(err.toString()).as(call).isEqualTo("gomap4j trace: hash 'failing' ("
          + failing.getClass().getName() + ") failed in " + call + "(amd64): "
          + (call.equals("supports") ? "java.lang.IllegalStateException: supports broke"
              : "java.lang.NullPointerException: create broke")
          + "; pick another with --hash NAME" + System.lineSeparator());
    }
  }

  @Test
  void traceReplaysAGzippedTrace() throws IOException {
    Path file = dir.resolve(TRACE + ".gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(bundledTrace().getBytes(StandardCharsets.UTF_8));
    }
    Run r = run("trace", "--replay", file.toString(), "--no-invariants");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("trace: 4000 ops, 4000 states matched", "invariants not checked");
  }

  @Test
  @DisplayName("A truncated or damaged gzipped trace exits 2 saying so in words, not only with the"
      + " JDK's exception class")
  void aTruncatedGzippedTraceIsToldInWords() throws IOException {
    Path whole = dir.resolve("whole.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
      out.write(bundledTrace().getBytes(StandardCharsets.UTF_8));
    }
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = dir.resolve("cut.gz");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    Run r = run("trace", "--replay", cut.toString());
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).startsWith("gomap4j trace: cannot read trace file " + cut + ": the data"
        + " ends before it should: the file is truncated or damaged (")
        .doesNotContain("java.io.");
    Path damaged = dir.resolve("damaged.gz");
    bytes[12] ^= (byte) 0xff; // in the deflate stream's first block, after the 10-byte header
    bytes[13] ^= (byte) 0xff;
    Files.write(damaged, bytes);
    r = run("trace", "--replay", damaged.toString());
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).startsWith("gomap4j trace: cannot read trace file " + damaged + ": ")
        .doesNotContain("java.");
  }

  @Test
  void aTamperedTraceExitsOneAndShowsBothStates() throws IOException {
    String text = bundledTrace();
    int at = text.indexOf("| B=1 ");
    assertThat(at).isPositive();
    int lineNo = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    String goLine = text.substring(at + 2, text.indexOf('\n', at)).replace("B=1 ", "B=2 ");
    String ourLine = goLine.replace("B=2 ", "B=1 ");
    Path file = write("tampered.txt",
        text.substring(0, at) + "| B=2 " + text.substring(at + "| B=1 ".length()));

    Run r = run("trace", "--replay", file.toString(), "--hash", "memhash-go119");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.FAILED);
    assertThat(r.out())
        .contains("divergence at operation " + (lineNo - 1) + " (line " + lineNo)
        .contains("go:   " + goLine)
        .contains("ours: " + ourLine)
        .doesNotContain("4000 states matched");
  }

  @Test
  void aGarbageLineExitsTwoNamingFileAndLine() throws IOException {
    String text = bundledTrace();
    int secondLine = text.indexOf('\n') + 1;
    Path file = write("garbage.txt",
        text.substring(0, secondLine) + "this is not an operation\n" + text.substring(secondLine));
    Run r = run("trace", "--replay", file.toString());
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err())
        .contains(file + ":2:")
        .contains("expected 'put KEY' or 'del KEY'")
        .contains("this is not an operation");
    assertThat(r.out()).isEmpty();
  }

  /** The bundled trace with {@code from} replaced by {@code to} in its header line. */
  private Path traceWithHeader(String name, String from, String to) throws IOException {
    String text = bundledTrace();
    int eol = text.indexOf('\n');
    String header = text.substring(0, eol);
    assertThat(header).contains(from);
    return write(name, header.replace(from, to) + text.substring(eol));
  }

  @Test
  void aBadHash0OrHintIsALineOneErrorNamingTheFieldAndColumn() throws IOException {
    String header = bundledTrace().lines().findFirst().orElseThrow();
    String hash0 = header.replaceFirst(".*(\"hash0\":\"[0-9a-f]+\").*", "$1");
    // The bundled trace is amd64's map[int64]int64.
    int bucket = Plugins.discovered().layout("amd64").bucketLayout(GoType.INT64, GoType.INT64)
        .bucketSize();
    long maxHint = MapInternals.largestHint(new Go119GrowthPolicy());
    // the new field, the message after "FILE:1: field "NAME" at column N: "
    String[][] cases = {
      {"\"hash0\":\"zz\"", "must be 1 to 8 hex digits (Go's uint32 hmap.hash0), got \"zz\""},
      {"\"hash0\":\"123456789\"",
          "must be 1 to 8 hex digits (Go's uint32 hmap.hash0), got \"123456789\""},
      {"\"hint\":" + (maxHint + 1), "must be at most " + maxHint + " (gomap4j makes at most 2^"
          + MapInternals.MAX_B + " buckets), or negative, or one Go takes as 0: Go's makemap"
          + " takes a hint above " + PlatformLayout.MAX_ALLOC_64 / bucket + " as 0, since hint * "
          + bucket + ", the bucket size, would pass amd64's maxAlloc of "
          + PlatformLayout.MAX_ALLOC_64 + " bytes; got " + (maxHint + 1)},
      {"\"hint\":1e3", "must be an integer, got 1e3"},
    };
    for (String[] c : cases) {
      String field = c[0].substring(1, c[0].indexOf('"', 1));
      String old = field.equals("hash0") ? hash0 : "\"hint\":0";
      Path file = traceWithHeader("bad-" + field + ".txt", old, c[0]);
      int column = header.indexOf(old) + c[0].indexOf(':') + 2;
      Run r = run("trace", "--replay", file.toString());
      assertThat(r.exit()).as(c[0]).isEqualTo(Main.USAGE);
      assertThat(r.out()).as(c[0]).isEmpty();
      assertThat(r.err()).as(c[0]).isEqualTo("gomap4j trace: cannot parse the trace: " + file
          + ":1: field \"" + field + "\" at column " + column + ": " + c[1]
          + System.lineSeparator());
    }
  }

  @Test
  void onlyAHashProblemSuggestsAnotherHash() throws IOException {
    String hint = "pick another with --hash NAME";

    // The header's "aes": true selects aeshash-go119, which does not do arm.
    Path armAes = traceWithHeader("arm-aes.txt", "\"goarch\":\"amd64\",\"aes\":false",
        "\"goarch\":\"arm\",\"aes\":true");
    Run chosen = run("trace", "--replay", armAes.toString());
    assertThat(chosen.exit()).isEqualTo(Main.USAGE);
    assertThat(chosen.err()).isEqualTo("gomap4j trace: hash 'aeshash-go119' does not support the"
        + " trace's platform arm (32-bit, little-endian); it supports amd64, 386 (Go's x86 AES"
        + " hash; arm64's AES hash differs and is not provided) (chosen by the trace's header"
        + " field \"aes\"; " + hint + ")" + System.lineSeparator());
    Run given = run("trace", "--replay", armAes.toString(), "--hash", "aeshash-go119");
    assertThat(given.exit()).isEqualTo(Main.USAGE);
    assertThat(given.err()).contains("does not support the trace's platform arm")
        .endsWith("); " + hint + System.lineSeparator()).doesNotContain("chosen by");

    // The header selects a hash provider that is not installed.
    Path aes = traceWithHeader("aes.txt", "\"aes\":false", "\"aes\":true");
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(new Main(() -> Plugins.of(Plugins.discovered().all().stream()
        .filter(p -> !p.name().equals("aeshash-go119")).map(p -> p.plugin()).toList()),
        MapContract::checks, false));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("trace", "--replay", aes.toString())).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("unknown hash plugin 'aeshash-go119'; available: "
        + "[memhash-go119] (chosen by the trace's header field \"aes\"; " + hint + ")");

    // Problems another hash provider cannot solve say nothing about --hash.
    Path vax = traceWithHeader("vax.txt", "\"goarch\":\"amd64\"", "\"goarch\":\"vax\"");
    Path hint0 = traceWithHeader("hint.txt", "\"hint\":0", "\"hint\":6979321857");
    Path hashkey = traceWithHeader("hashkey.txt", "\"hashkey\":\"", "\"hashkey\":\"x");
    for (Path file : List.of(vax, hint0, hashkey)) {
      Run r = run("trace", "--replay", file.toString());
      assertThat(r.exit()).as(file.toString()).isEqualTo(Main.USAGE);
      assertThat(r.err()).as(file.toString()).doesNotContain("--hash");
    }
    assertThat(run("trace", "--replay", vax.toString()).err()).isEqualTo("gomap4j trace: the"
        + " trace's goarch: unknown layout plugin 'vax'; available: [386, amd64, arm, arm64,"
        + " loong64, mips, mips64, mips64le, mipsle, ppc64, ppc64le, riscv64, s390x, wasm]"
        + System.lineSeparator());
  }

  @Test
  void aMissingTraceExitsTwo() {
    Path file = dir.resolve("nope.txt");
    Run r = run("trace", "--replay", file.toString());
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("no such trace file: " + file);
  }

  @Test
  void traceWithAnUnknownHashExitsTwoNamingTheValidOnes() throws IOException {
    Path file = write(TRACE, bundledTrace());
    Run r = run("trace", "--replay", file.toString(), "--hash", "nohash");
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("'nohash'", "memhash-go119");
  }

  @Test
  void traceWithoutReplayExitsTwo() {
    Run r = run("trace");
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("--replay", "Usage: gomap4j trace");
  }

  // ---- tck ----

  @Test
  void tckRunsOneContractCheckOnOneLayout() {
    String id = MapContract.checks().get(0).id();
    Run r = run("tck", "--hash", "memhash-go119", "--layout", "386", "--check", id);
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("plugins found: hash [aeshash-go119, memhash-go119], layout [386, amd64, arm,"
            + " arm64, loong64, mips, mips64, mips64le, mipsle, ppc64, ppc64le, riscv64, s390x,"
            + " wasm], growth [go119, go119-shrink]")
        .contains("seed 6333609 (0x60a4a9)")
        .contains("memhash-go119/386/go119")
        .contains("memhash-go119/386/go119-shrink")
        .doesNotContain("amd64/go119")
        .contains("2 passed, 0 failed, 0 skipped");
    assertThat(r.err()).contains("[1/2] memhash-go119/386/go119         " + id + "  PASSED")
        .contains("[2/2] memhash-go119/386/go119-shrink  " + id + "  PASSED");
  }

  @Test
  void tckWithAnUnknownHashExitsTwoNamingTheValidOnes() {
    Run r = run("tck", "--hash", "nohash");
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("'nohash'", "memhash-go119");
  }

  @Test
  void tckWithAnUnknownCheckExitsTwoListingTheValidIds() {
    Run r = run(() -> List.of(check("a.one", null), check("b.two", null)), false,
        "tck", "--check", "a.one,c.three");
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("'c.three'", "a.one, b.two");
  }

  @Test
  void aFailedCheckExitsOneWithItsMessageAndReproduceLine() {
    Run r = run(() -> List.of(check("ok.check", null),
        check("bad.check", new AssertionError("expected 1, got 2"))), false,
        "tck", "--hash", "memhash-go119", "--layout", "amd64", "--seed", "0x10");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.FAILED);
    assertThat(r.out())
        .contains("seed 16 (0x10)")
        .contains("FAILED memhash-go119/amd64/go119 bad.check: rule bad.check")
        .contains("java.lang.AssertionError: expected 1, got 2")
        .contains("reproduce: -Dtck.hash=memhash-go119 -Dtck.layout=amd64 -Dtck.growth=go119"
            + " -Dtck.seed=16 -Dtck.check=bad.check")
        .contains("2 passed, 2 failed, 0 skipped");
    assertThat(r.err()).contains("bad.check  FAILED");
  }

  @Test
  void aSkippedCheckIsReportedAndDoesNotFailTheRun() {
    Run r = run(() -> List.of(check("skip.check", new TckCheck.CheckSkipped("not here"))), false,
        "tck", "--hash", "memhash-go119", "--layout", "386");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("0 passed, 0 failed, 2 skipped");
    assertThat(r.err()).contains("SKIPPED", "not here");
  }

  @Test
  void onATerminalProgressRedrawsOneLine() {
    Run r = run(() -> List.of(check("a.one", null), check("b.two", null)), true,
        "tck", "--hash", "memhash-go119", "--layout", "386,amd64");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("\r[1/8]").doesNotContain("\n[");
  }

  @Test
  void quietRunsWithoutProgress() {
    Run r = run(() -> List.of(check("a.one", null)), false,
        "tck", "--hash", "memhash-go119", "--layout", "386,amd64", "--quiet");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("4 passed");
  }

  @Test
  void sampleDrawsCombinations() {
    Run r = run(() -> List.of(check("a.one", null)), false, "tck", "--sample", "1", "-q");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("1 combination x 1 check = 1 run", "1 passed");
  }

  @Test
  void anEmptyNameInAListOptionIsRefusedNamingTheOptionAndTheKnownNames() {
    String layouts = "386, amd64, arm, arm64, loong64, mips, mips64, mips64le, mipsle, ppc64,"
        + " ppc64le, riscv64, s390x, wasm";
    // option, value, the known names the message lists
    List<List<String>> cases = List.of(
        List.of("--hash", ",", "aeshash-go119, memhash-go119"),
        List.of("--hash", "memhash-go119,,aeshash-go119", "aeshash-go119, memhash-go119"),
        List.of("--hash", "", "aeshash-go119, memhash-go119"),
        List.of("--layout", ",", layouts),
        List.of("--layout", "386,", layouts),
        List.of("--layout", " ", layouts),
        List.of("--growth", ",go119", "go119, go119-shrink"),
        List.of("--check", "a.one,,b.two", "a.one, b.two"),
        List.of("--capability", ",", "SHRINKS"),
        List.of("--capability", ",SHRINKS", "SHRINKS"));
    for (List<String> c : cases) {
      Run r = run(() -> List.of(check("a.one", null), check("b.two", null)), false,
          "tck", "-q", "--layout", "amd64", c.get(0), c.get(1));
      assertThat(r.exit()).as(c + ": " + r.out()).isEqualTo(Main.USAGE);
      assertThat(r.err()).as(c.toString())
          .contains("gomap4j tck: " + c.get(0) + " '" + c.get(1) + "' has an empty name; give one"
              + " or more names separated by commas, each one of: " + c.get(2)
              + System.lineSeparator());
      assertThat(r.out()).as(c.toString()).isEmpty();
    }

    Run unknown = run("tck", "--capability", "NOPE");
    assertThat(unknown.exit()).isEqualTo(Main.USAGE);
    assertThat(unknown.err()).contains("--capability: unknown capability 'NOPE'; known: SHRINKS");
  }

  // ---- arguments ----

  @Test
  void badArgumentsExitTwoNamingTheInput() {
    Run unknownOption = run("tck", "--bogus");
    assertThat(unknownOption.exit()).isEqualTo(Main.USAGE);
    assertThat(unknownOption.err()).contains("'--bogus'", "Usage: gomap4j tck", "--layout");

    Run badSeed = run("tck", "--seed", "xyz");
    assertThat(badSeed.exit()).isEqualTo(Main.USAGE);
    assertThat(badSeed.err()).contains("--seed", "'xyz'");

    Run badSample = run("tck", "--sample", "0");
    assertThat(badSample.exit()).isEqualTo(Main.USAGE);

    Run noCommand = run();
    assertThat(noCommand.exit()).isEqualTo(Main.USAGE);
    assertThat(noCommand.err()).contains("plugins, trace, tck");

    Run unknownCommand = run("frobnicate");
    assertThat(unknownCommand.exit()).isEqualTo(Main.USAGE);
    assertThat(unknownCommand.err()).contains("'frobnicate'");
  }

  @Test
  void anUnknownSubcommandExitsTwoListingTheSubcommands() {
    String known = "use one of: plugins, trace, tck, hash, layout, simulate, bench, help";
    for (List<String> args : List.of(List.of("foo"), List.of("foo", "bar"),
        List.of("help", "foo"))) {
      Run r = run(args.toArray(String[]::new));
      assertThat(r.exit()).as(args.toString()).isEqualTo(Main.USAGE);
      assertThat(r.err()).as(args.toString())
          .startsWith("gomap4j: unknown subcommand 'foo'; " + known + System.lineSeparator())
          .contains("Usage: gomap4j ");
    }

    Run nearMiss = run("trac");
    assertThat(nearMiss.exit()).isEqualTo(Main.USAGE);
    assertThat(nearMiss.err()).contains("unknown subcommand 'trac'; " + known,
        "Did you mean: gomap4j trace?");

    // Other unmatched arguments keep picocli's messages, which name them.
    Run option = run("--bogus");
    assertThat(option.exit()).isEqualTo(Main.USAGE);
    assertThat(option.err()).contains("gomap4j: Unknown option: '--bogus'")
        .doesNotContain("subcommand");
    Run extra = run("tck", "extra");
    assertThat(extra.exit()).isEqualTo(Main.USAGE);
    assertThat(extra.err()).contains("gomap4j tck: Unmatched argument at index 1: 'extra'")
        .doesNotContain("subcommand");
  }

  @ParameterizedTest
  @CsvSource({"hash, hash/", "layout, layout/", "trace, trace/"})
  @DisplayName("The help names the repository's copy of Go's vectors where they are, on a line")
  void helpNamesTheVectorsWhereTheyAre(String command, String dir) {
    Run r = run(command, "--help");
    String path = "tck/src/main/resources/io/gomap4j/tck/vectors/go1.19/" + dir;
    assertThat(r.out().lines()).contains("Go's vectors: " + path);
    // The tests run in cli/, beside the tck module.
    assertThat(Path.of("..").resolve(path)).isDirectory();
  }

  @ParameterizedTest
  @CsvSource({"hash", "layout", "trace", "tck", "bench", "simulate", "plugins"})
  @DisplayName("No help breaks a path or file name at a dot across lines (picocli wraps there)")
  void helpKeepsPathsWhole(String command) {
    List<String> lines = run(command, "--help").out().lines().toList();
    // A word broken at its dot: the line ends right after a dot, and the next one goes on with
    // a lower-case letter or a digit (a new sentence, option or entry would not).
    Pattern next = Pattern.compile("^\\s*[a-z0-9*].*");
    for (int i = 0; i + 1 < lines.size(); i++) {
      String line = lines.get(i).stripTrailing();
      boolean split = line.matches(".*\\S\\.") && next.matcher(lines.get(i + 1)).matches();
      assertThat(split).as("%s --help, lines %d-%d:%n%s%n%s", command, i + 1, i + 2, line,
          lines.get(i + 1)).isFalse();
    }
  }

  @ParameterizedTest(name = "{0} {1} ''")
  @CsvSource({
      "hash, --vectors", "layout, --vectors", "trace, --replay", "tck, --plugin-jar",
      "tck, --report", "bench --quick, --jar"})
  @DisplayName("An empty path is a usage error naming the option, not the current directory")
  void emptyPathsAreRefused(String command, String option) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.add(option);
    args.add("");
    Run r = run(args.toArray(String[]::new));
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err().lines().findFirst().orElseThrow()).isEqualTo("gomap4j " + args.get(0)
        + ": Invalid value for option '" + option + "': the value is empty; give a path");
    assertThat(r.out()).isEmpty();
  }

  @Test
  @DisplayName("Every error message quotes what was given with each control character as \\u00XX,"
      + " on one line: option values, paths, unknown options and subcommands, picocli's messages"
      + " and the engine's and the TCK's")
  void echoedInputHasItsControlCharactersEscaped() throws IOException {
    String raw = "a\u001b[2J\nb";
    String shown = "a\\u001b[2J\\u000ab";
    String trace = write(TRACE, bundledTrace()).toString();
    // The arguments, then what the first line of stderr must hold.
    List<List<String>> cases = List.of(
        List.of("layout", "--goarch", raw, "--key", "int64", "--elem", "int64",
            "--goarch: no layout '" + shown + "'; available layouts: 386, amd64"),
        List.of("layout", "--vectors", raw, "no such vector file: " + shown),
        List.of("layout", "--goarch", "amd64", "--max-failures", raw,
            "Invalid value for option '--max-failures': '" + shown + "' is not an int"),
        List.of("layout", "--" + raw, "Unknown option: '--" + shown + "'"),
        List.of("simulate", "--goarch", raw, "--key", "int64", "--elem", "int64", "--entries",
            "1", "unknown GOARCH '" + shown + "'; available layouts: 386, amd64"),
        List.of("simulate", "--goarch", "amd64", "--key", raw, "--elem", "int64", "--entries",
            "1", shown),
        List.of("simulate", "--goarch", "amd64", "--key", "int64", "--elem", "int64",
            "--entries", raw, "'" + shown + "' is not a long"),
        List.of("hash", "--alg", raw, "--goarch", "amd64", "--seed", "0", "--fn", "memhash",
            "--data", "", "--hashkey", "0,0,0,0",
            "--alg must be one of aeshash, memhash, got '" + shown + "'"),
        List.of("hash", "--alg", "memhash", "--goarch", "amd64", "--seed", "0", "--fn", raw,
            "--data", "", "--hashkey", "0,0,0,0", "--fn must be one of memhash, memhash32,"
                + " memhash64, f32hash, f64hash, strhash, got '" + shown + "'"),
        List.of("hash", "--alg", "memhash", "--goarch", raw, "--seed", "0", "--fn", "memhash",
            "--data", "", "--hashkey", "0,0,0,0", "GOARCH or a built-in one), got '" + shown
                + "'"),
        List.of("hash", "--alg", "memhash", "--goarch", "amd64", "--seed", raw, "--fn",
            "memhash", "--data", "", "--hashkey", "0,0,0,0", "--seed must be 1 to 16 hex digits"
                + " (a 64-bit uintptr on amd64), got '" + shown + "'"),
        List.of("hash", "--alg", "memhash", "--goarch", "amd64", "--seed", "0", "--fn",
            "memhash", "--data", raw + "c", "--hashkey", "0,0,0,0",
            "--data must be hex, two digits per byte; got '" + shown + "c'"),
        List.of("hash", "--vectors", raw, "no such vector file: " + shown),
        List.of("tck", "--hash", raw, "unknown hash plugin '" + shown + "'"),
        List.of("tck", "--layout", raw, "unknown layout plugin '" + shown + "'"),
        List.of("tck", "--growth", raw, "unknown growth plugin '" + shown + "'"),
        List.of("tck", "--check", raw, "unknown TCK check '" + shown + "'"),
        List.of("tck", "--hash", raw + ",", "--hash '" + shown + ",' has an empty name"),
        List.of("tck", "--capability", raw, "unknown capability '" + shown + "'"),
        List.of("tck", "--timeout", raw, "got '" + shown + "'"),
        List.of("tck", "--seed", raw, "got '" + shown + "'"),
        List.of("tck", "--plugin-jar", raw, "--plugin-jar " + shown + ": no such file"),
        List.of("tck", raw, "Unmatched argument at index 1: '" + shown + "'"),
        List.of("trace", "--replay", raw, "no such trace file: " + shown),
        List.of("trace", "--replay", trace, "--hash", raw, "unknown hash plugin '" + shown + "'"),
        List.of("bench", "--quick", "--jar", raw, "the benchmarks jar " + shown + " is missing"),
        List.of(raw, "unknown subcommand '" + shown + "'"));
    for (List<String> c : cases) {
      String[] args = c.subList(0, c.size() - 1).toArray(String[]::new);
      Run r = run(args);
      String what = String.join(" ", args);
      assertThat(r.exit()).as(what + ": " + r.out() + r.err()).isEqualTo(Main.USAGE);
      assertThat(r.err()).as(what).doesNotContain("\u001b");
      assertThat(r.err().lines().findFirst().orElse("")).as(what).contains(c.get(c.size() - 1));
    }
  }

  @Test
  void versionAndHelpExitZero() {
    Run version = run("--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("gomap4j ").doesNotContain("${");
    Run help = run("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("plugins", "trace", "tck", "--verbose", "Exit codes:");
  }

  @Test
  void theTopLevelDescriptionSaysWhatEverySubcommandDoes() {
    // Each subcommand's job in the words of gomap4j's description. A new subcommand fails this
    // test until the description, and this table, say what it does.
    Map<String, String> jobs = Map.of(
        "plugins", "list the plugins found",
        "trace", "replay Go's growth traces",
        "tck", "run the TCK",
        "hash", "check Go's hash vectors or compute one hash",
        "layout", "print a map type's bucket layout or check Go's layout vectors",
        "simulate", "simulate a map's growth and the memory Go would use for it",
        "bench", "compare its speed and memory with other Java maps");
    assertThat(jobs.keySet()).containsExactlyInAnyOrderElementsOf(subcommands());
    String description = String.join(" ",
        Main.commandLine().getCommandSpec().usageMessage().description());
    assertThat(description).contains(jobs.values());
  }

  @Test
  void theReadmeNamesEverySubcommand() throws IOException {
    Path readme = Path.of(System.getProperty("user.dir")).resolveSibling("README.md");
    String text = Files.readString(readme);
    String cliRow = line(text, "| `cli` |");
    int setUp = text.indexOf("## Set up");
    String setUpSection = text.substring(setUp, text.indexOf("\n## ", setUp));
    for (String name : subcommands()) {
      assertThat(cliRow).as("README.md's module table, row cli").contains("`" + name + "`");
      assertThat(setUpSection).as("README.md's set-up section").contains("./gomap4j " + name);
    }
  }

  /** The subcommands of {@code gomap4j}, without picocli's {@code help}. */
  private static List<String> subcommands() {
    return Main.commandLine().getSubcommands().keySet().stream()
        .filter(name -> !name.equals("help")).toList();
  }

  private static TckCheck check(String id, Throwable failure) {
    return new TckCheck() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String description() {
        return "rule " + id;
      }

      @Override
      public void run(Combination combination, long seed) throws Exception {
        if (failure instanceof Exception e) {
          throw e;
        }
        if (failure instanceof Error e) {
          throw e;
        }
      }
    };
  }
}
