package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.hash.MemhashGo119Provider;
import io.gomap4j.tck.MapContract;
import io.gomap4j.tck.vectors.GoVectors;
import io.gomap4j.tck.vectors.HashVector;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code gomap4j hash}: checking Go's hash vector files, and computing one hash. */
class HashCommandTest {

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    return run(Plugins::discovered, args);
  }

  private static Run run(Supplier<Plugins> plugins, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(new Main(plugins, MapContract::checks, false));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** The text of a bundled vector file. */
  private static String bundled(String goarch) throws IOException {
    try (InputStream in = GoVectors.class.getResourceAsStream("go1.19/hash/" + goarch + ".jsonl")) {
      assertThat(in).as("bundled " + goarch + ".jsonl").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /** The one-shot arguments that reproduce vector {@code v}. */
  private static List<String> oneShot(HashVector v) {
    return new ArrayList<>(List.of("hash", "--alg", v.alg(), "--goarch", v.goarch(),
        "--keysched", v.keyMaterial().aeskeyschedHex(),
        "--hashkey", v.keyMaterial().hashkeyHex(),
        "--seed", Long.toHexString(v.seed()), "--fn", v.fn(),
        "--data", HexFormat.of().formatHex(v.data())));
  }

  // ---- --vectors ----

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"s390x", "mips"})
  @DisplayName("Every line of a bundled fallback-hash vector file passes, on a platform from the"
      + " built-in table (no layout plugin for s390x or mips)")
  void bundledVectorsPass(String goarch) throws IOException {
    Path file = write(goarch + ".jsonl", bundled(goarch));
    Run r = run("hash", "--vectors", file.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).isEqualTo("hash vectors: 324 passed, 0 failed" + System.lineSeparator());
    assertThat(r.err()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"amd64", "386"})
  @DisplayName("With aeshash-go119 installed, both halves of the x86 files pass: the fallback and"
      + " the AES lines")
  void x86VectorsPassWithAeshash(String goarch) throws IOException {
    assumeTrue(Plugins.discovered().contains(PluginKind.HASH, "aeshash-go119"),
        "aeshash-go119 is not installed");
    Path file = write(goarch + ".jsonl", bundled(goarch));
    Run r = run("hash", "--vectors", file.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).isEqualTo("hash vectors: 648 passed, 0 failed" + System.lineSeparator());

    HashVector aes = GoVectors.hashVectors(goarch).stream()
        .filter(x -> x.alg().equals("aeshash") && x.fn().equals("memhash")
            && x.data().length > 16)
        .findFirst().orElseThrow();
    Run one = run(oneShot(aes).toArray(String[]::new));
    assertThat(one.exit()).as(one.err()).isZero();
    assertThat(one.out().trim()).isEqualTo(Long.toHexString(aes.hash()));
  }

  @Test
  @DisplayName("A tampered line fails: exit 1, with the line, fn, data, expected and actual hash")
  void tamperedLineFails() throws IOException {
    List<String> lines = new ArrayList<>(bundled("mips").lines().toList());
    int index = 20;
    HashVector v = GoVectors.hashVectors("mips").get(index);
    String expected = "\"hash\":\"" + Long.toHexString(v.hash()) + "\"";
    assertThat(lines.get(index)).contains(expected);
    long wrong = v.hash() ^ 1;
    lines.set(index, lines.get(index).replace(expected,
        "\"hash\":\"" + Long.toHexString(wrong) + "\""));
    Path file = write("tampered.jsonl", String.join("\n", lines) + "\n");

    Run r = run("hash", "--vectors", file.toString());

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.FAILED);
    assertThat(r.out()).contains("FAIL " + file + ":" + (index + 1) + " memhash " + v.fn()
        + " data=" + HexFormat.of().formatHex(v.data()) + " seed=" + Long.toHexString(v.seed())
        + " expected=" + Long.toHexString(wrong) + " got=" + Long.toHexString(v.hash()));
    assertThat(r.out()).endsWith("hash vectors: 323 passed, 1 failed" + System.lineSeparator());
  }

  @Test
  @DisplayName("--max-failures limits the failures printed, and says how many were left out")
  void maxFailures() throws IOException {
    String text = bundled("s390x").replaceAll("\"hash\":\"[0-9a-f]", "\"hash\":\"");
    Path file = write("all-wrong.jsonl", text);

    Run r = run("hash", "--vectors", file.toString(), "--max-failures", "3");

    assertThat(r.exit()).isEqualTo(Main.FAILED);
    assertThat(r.out().lines().filter(l -> l.startsWith("FAIL "))).hasSize(3);
    assertThat(r.out()).contains("... 321 more failures not shown (--max-failures 3)")
        .endsWith("hash vectors: 0 passed, 324 failed" + System.lineSeparator());
    Run quiet = run("hash", "--vectors", file.toString(), "--max-failures", "0");
    assertThat(quiet.out().lines().filter(l -> l.startsWith("FAIL "))).isEmpty();
  }

  @Test
  @DisplayName("Lines whose hash provider is not installed fail with that reason; the others pass")
  void missingProviderFailsItsLines() throws IOException {
    Path file = write("amd64.jsonl", bundled("amd64"));
    Supplier<Plugins> onlyMemhash = () -> Plugins.of(List.of(new MemhashGo119Provider()));

    Run r = run(onlyMemhash, "hash", "--vectors", file.toString(), "--max-failures", "1");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.FAILED);
    assertThat(r.out())
        .contains(" aeshash memhash data=")
        .contains("not checked: hash provider aeshash-go119 (alg aeshash) is not installed")
        .contains("not installed: aeshash-go119 (installed hash providers: [memhash-go119])")
        .endsWith("hash vectors: 324 passed, 324 failed" + System.lineSeparator());
  }

  @Test
  @DisplayName("A line for a GOARCH with neither a layout plugin nor a built-in platform fails")
  void unknownGoarchFails() throws IOException {
    String line = bundled("mips").lines().findFirst().orElseThrow()
        .replace("\"goarch\":\"mips\"", "\"goarch\":\"sparc\"");
    Path file = write("sparc.jsonl", line + "\n");
    Run r = run("hash", "--vectors", file.toString());
    assertThat(r.exit()).isEqualTo(Main.FAILED);
    assertThat(r.out()).contains("unknown goarch 'sparc' (no layout plugin, and not one of "
        + "[386, amd64, mips, s390x])", "hash vectors: 0 passed, 1 failed");
  }

  @Test
  @DisplayName("A control character in a line's alg, goarch or fn is printed as \\u00XX, not raw")
  void controlCharactersInFailuresAreEscaped() throws IOException {
    String good = bundled("mips").lines().findFirst().orElseThrow();
    String[][] cases = {
      {"\"alg\":\"memhash\"", "\"alg\":\"\\u001b[2J\"", "unknown alg '\\u001b[2J'"},
      {"\"goarch\":\"mips\"", "\"goarch\":\"\\u001b[2J\"", "unknown goarch '\\u001b[2J'"},
      {"\"fn\":\"memhash\"", "\"fn\":\"\\u001b[2J\"", "unknown fn '\\u001b[2J'"},
    };
    for (String[] c : cases) {
      assertThat(good).contains(c[0]);
      Path file = write("control.jsonl", good.replace(c[0], c[1]) + "\n");
      Run r = run("hash", "--vectors", file.toString());
      assertThat(r.exit()).as(c[1]).isEqualTo(Main.FAILED);
      assertThat(r.out()).as(c[1]).contains(c[2]).doesNotContain("\u001b");
    }
  }

  @Test
  @DisplayName("A malformed field exits 2 naming file:line, the field and its column")
  void malformedFieldsNameTheFieldAndColumn() throws IOException {
    String good = bundled("mips").lines().findFirst().orElseThrow();
    String keysched = good.replaceFirst(".*\"keysched\":\"([0-9a-f]*)\".*", "$1");
    // the text replaced in the first line, its replacement, the message after "file:1: " with %d
    // for the column where the new value starts
    String[][] cases = {
      {"\"seed\":\"50143a6\"", "\"seed\":\"zz\"", "field \"seed\" at column %d: must be 1 to"
          + " 8 hex digits (a 32-bit uintptr, as bits says), got \"zz\""},
      {"\"seed\":\"50143a6\"", "\"seed\":\"1050143a6\"", "field \"seed\" at column %d: must be 1"
          + " to 8 hex digits (a 32-bit uintptr, as bits says), got \"1050143a6\""},
      {"\"hash\":\"f4da875c\"", "\"hash\":\"1f4da875c\"", "field \"hash\" at column %d: must be"
          + " 1 to 8 hex digits (a 32-bit uintptr, as bits says), got \"1f4da875c\""},
      {"\"bits\":32", "\"bits\":48", "field \"bits\" at column %d: must be 32 or 64, got 48"},
      {"\"data\":\"\"", "\"data\":\"abc\"", "field \"data\" at column %d: must be hex, two digits"
          + " per byte, got an odd number of digits (3)"},
      {"\"data\":\"\"", "\"data\":\"0g\"",
          "field \"data\" at column %d: must be hex, two digits per byte, got 'g' at position 2"},
      {"\"hashkey\":\"7fcfd53,", "\"hashkey\":\"xyz,", "field \"hashkey\" at column %d: hashkey"
          + " word 0 must be 1 to 16 hex digits, got a non-hex character at position 1"},
      {keysched, keysched.substring(2), "field \"keysched\" at column %d: aeskeysched must be 256"
          + " hex digits (a 128-byte aeskeysched, any platform) or 128 hex digits (64 bytes, 32-bit"
          + " platforms only), got 126 characters"},
      {"\"bits\":32", "\"bits\":\"32\"",
          "field \"bits\" at column %d: must be an integer from 0 to 2147483647, got \"32\""},
    };
    for (String[] c : cases) {
      assertThat(good).contains(c[0]);
      String line = good.replace(c[0], c[1]);
      int column = c[1].contains(":") ? line.indexOf(c[1]) + c[1].indexOf(':') + 2
          : line.indexOf(c[1]);
      Path file = write("malformed.jsonl", line + "\n");
      Run r = run("hash", "--vectors", file.toString());
      assertThat(r.exit()).as(c[1]).isEqualTo(Main.USAGE);
      assertThat(r.out()).as(c[1]).isEmpty();
      assertThat(r.err()).as(c[1]).startsWith("gomap4j hash: cannot parse the vectors: " + file
          + ":1: " + String.format(c[2], column) + System.lineSeparator());
    }
  }

  @Test
  @DisplayName("A file that does not parse exits 2 naming file:line; so do missing and empty files")
  void unparsableFiles() throws IOException {
    String good = bundled("mips").lines().findFirst().orElseThrow();
    Path garbage = write("garbage.jsonl", good + "\nthis is not JSON\n");
    Run r = run("hash", "--vectors", garbage.toString());
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("gomap4j hash: cannot parse the vectors: " + garbage + ":2: ");

    Path noField = write("nofield.jsonl", good.replace("\"seed\"", "\"sead\"") + "\n");
    Run r2 = run("hash", "--vectors", noField.toString());
    assertThat(r2.exit()).isEqualTo(Main.USAGE);
    assertThat(r2.err()).contains(noField + ":1: missing field \"seed\"");

    Run missing = run("hash", "--vectors", dir.resolve("nope.jsonl").toString());
    assertThat(missing.exit()).isEqualTo(Main.USAGE);
    assertThat(missing.err()).contains("no such vector file: ");

    Run empty = run("hash", "--vectors", write("empty.jsonl", "\n\n").toString());
    assertThat(empty.exit()).isEqualTo(Main.USAGE);
    assertThat(empty.err()).contains("holds no hash vectors");

    Run directory = run("hash", "--vectors", dir.toString());
    assertThat(directory.exit()).isEqualTo(Main.USAGE);
    assertThat(directory.err()).contains("not a regular file: ");
  }

  // ---- one hash ----

  @Test
  @DisplayName("One-shot: the first memhash line of amd64.jsonl gives its hash")
  void oneShotReproducesAVector() {
    HashVector v = GoVectors.hashVectors("amd64").stream()
        .filter(x -> x.alg().equals("memhash") && x.fn().equals("memhash"))
        .findFirst().orElseThrow();
    Run r = run(oneShot(v).toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(Long.toHexString(v.hash()) + System.lineSeparator());
  }

  @Test
  @DisplayName("One-shot: every fallback function on every vector GOARCH gives Go's hash, the"
      + " typed ones from bytes in the platform's byte order")
  void oneShotReproducesEachFunction() {
    for (String goarch : GoVectors.HASH_GOARCHES) {
      for (String fn : HashVector.FUNCTIONS) {
        HashVector v = GoVectors.hashVectors(goarch).stream()
            .filter(x -> x.alg().equals("memhash") && x.fn().equals(fn)
                && (x.data().length > 0 || !fn.equals("memhash")))
            .reduce((a, b) -> b).orElseThrow();
        Run r = run(oneShot(v).toArray(String[]::new));
        assertThat(r.exit()).as(v + " " + r.err()).isZero();
        assertThat(r.out().trim()).as(v.describe()).isEqualTo(Long.toHexString(v.hash()));
      }
    }
  }

  @Test
  @DisplayName("One-shot: strhash is memhash over the bytes; the key schedule may be left out for"
      + " memhash, and a seed may carry 0x")
  void oneShotStrhash() {
    HashVector v = GoVectors.hashVectors("386").stream()
        .filter(x -> x.alg().equals("memhash") && x.fn().equals("memhash")
            && x.data().length > 8)
        .findFirst().orElseThrow();
    Run r = run("hash", "--alg", "memhash", "--goarch", "386",
        "--hashkey", v.keyMaterial().hashkeyHex(), "--seed", "0x" + Long.toHexString(v.seed()),
        "--fn", "strhash", "--data", HexFormat.of().formatHex(v.data()));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().trim()).isEqualTo(Long.toHexString(v.hash()));
  }

  @Test
  @DisplayName("One-shot: bad or missing options exit 2 naming the option and what it allows")
  void oneShotBadInput() {
    HashVector v = GoVectors.hashVectors("amd64").get(0);
    List<String> good = oneShot(v);
    String[][] cases = {
        {"--alg", "md5", "--alg must be one of aeshash, memhash, got 'md5'"},
        {"--goarch", "sparc", "--goarch must be one of 386, amd64, arm, arm64, loong64, mips, "
            + "mips64, mips64le, mipsle, ppc64, ppc64le, riscv64, s390x, wasm (a layout "
            + "plugin's GOARCH or a built-in one), got 'sparc'"},
        {"--fn", "sha1", "--fn must be one of memhash, memhash32, memhash64, f32hash, f64hash, "
            + "strhash, got 'sha1'"},
        {"--keysched", "abcd", "--keysched must be 256 hex digits (a 128-byte aeskeysched, any "
            + "platform) or 128 hex digits (64 bytes, 32-bit platforms only), got 4 characters"},
        {"--keysched", "ab".repeat(64), "--keysched has 128 hex digits, a key schedule for "
            + "32-bit platforms only; amd64 (64-bit, little-endian) needs 256"},
        {"--hashkey", "1,2,3", "--hashkey must be four hex words of up to 16 digits, comma "
            + "separated (Go's runtime.hashkey[0..3]): hashkey must be 4 hex words"},
        {"--hashkey", "1,2,3,zz", "--hashkey must be four hex words"},
        {"--seed", "xyz", "--seed must be 1 to 16 hex digits (a 64-bit uintptr on amd64), got "
            + "'xyz'"},
        {"--seed", "1ffffffffffffffff", "--seed must be 1 to 16 hex digits"},
        {"--seed", "", "--seed must be 1 to 16 hex digits"},
        {"--seed", "+ff", "--seed must be 1 to 16 hex digits (a 64-bit uintptr on amd64), got "
            + "'+ff'"},
        {"--data", "abc", "--data must be hex, two digits per byte; got an odd number of digits"
            + " (3)"},
        {"--data", "zz", "--data must be hex, two digits per byte; got 'zz'"},
    };
    for (String[] c : cases) {
      List<String> args = new ArrayList<>(good);
      args.set(args.indexOf(c[0]) + 1, c[1]);
      Run r = run(args.toArray(String[]::new));
      assertThat(r.exit()).as(String.join(" ", c) + "\n" + r.err()).isEqualTo(Main.USAGE);
      assertThat(r.err()).as(c[0]).contains("gomap4j hash: " + c[2]);
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  @DisplayName("One-shot: aeshash on a platform it does not support says so first, with or"
      + " without --keysched")
  void oneShotAeshashElsewhere() {
    for (String goarch : new String[] {"arm64", "s390x"}) {
      for (boolean withKeysched : new boolean[] {false, true}) {
        List<String> args = new ArrayList<>(List.of("hash", "--alg", "aeshash", "--goarch", goarch,
            "--seed", "1", "--fn", "memhash", "--data", "00"));
        if (withKeysched) {
          args.addAll(List.of("--keysched", "00".repeat(128)));
        }
        Run r = run(args.toArray(String[]::new));
        assertThat(r.exit()).as(goarch + "\n" + r.err()).isEqualTo(Main.USAGE);
        assertThat(r.err()).as(goarch)
            .contains("gomap4j hash: aeshash-go119 does not support " + goarch)
            .contains("it supports amd64, 386")
            .contains("arm64's AES hash differs and is not provided");
        assertThat(r.out()).isEmpty();
      }
    }
  }

  @Test
  @DisplayName("One-shot: data of the wrong length for a typed function, a 64-bit seed on a"
      + " 32-bit platform, a missing key or option, or options mixed with --vectors exit 2")
  void oneShotBadCombinations() {
    String[] base = {"hash", "--alg", "memhash", "--hashkey", "1,2,3,4"};
    String[][] cases = {
        {"--seed=1", "--goarch=amd64", "--fn=memhash32", "--data=0102030405060708",
            "--data: memhash32 takes 4 bytes of data, got 8 (16 hex digits)"},
        {"--seed=1", "--goarch=amd64", "--fn=f32hash", "--data=01",
            "--data: f32hash takes 4 bytes"},
        {"--seed=1", "--goarch=mips", "--fn=memhash64", "--data=01020304",
            "--data: memhash64 takes 8 bytes of data, got 4"},
        {"--seed=1", "--goarch=386", "--fn=f64hash", "--data=", "--data: f64hash takes 8 bytes"},
        {"--goarch=386", "--fn=memhash", "--data=00", "--seed=100000000",
            "--seed must be 1 to 8 hex digits (a 32-bit uintptr on 386), got '100000000'"},
        {"--seed=1", "--goarch=386", "--data=00", "to compute one hash, also give --fn"},
        {"--seed=1", "--goarch=386", "--fn=memhash", "--data=00", "--vectors=x.jsonl",
            "--vectors checks a file; it cannot be combined with --alg, --goarch, --hashkey, "
                + "--seed, --fn, --data, which compute a single hash"},
        {"--seed=1", "--goarch=386", "--fn=memhash", "--data=00", "--max-failures=3",
            "--max-failures applies to --vectors only"},
    };
    for (String[] c : cases) {
      List<String> args = new ArrayList<>(List.of(base));
      args.addAll(List.of(c).subList(0, c.length - 1));
      Run r = run(args.toArray(String[]::new));
      assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(Main.USAGE);
      assertThat(r.err()).contains("gomap4j hash: " + c[c.length - 1]);
    }
    Run noKey = run("hash", "--alg", "memhash", "--goarch", "amd64", "--seed", "1", "--fn",
        "memhash", "--data", "00");
    assertThat(noKey.exit()).isEqualTo(Main.USAGE);
    assertThat(noKey.err()).contains("--alg memhash needs --hashkey HEX,HEX,HEX,HEX");
    Run noSched = run("hash", "--alg", "aeshash", "--goarch", "amd64", "--hashkey", "1,2,3,4",
        "--seed", "1", "--fn", "memhash", "--data", "00");
    assertThat(noSched.exit()).isEqualTo(Main.USAGE);
    assertThat(noSched.err()).contains("--alg aeshash needs --keysched HEX");
    Run nothing = run("hash");
    assertThat(nothing.exit()).isEqualTo(Main.USAGE);
    assertThat(nothing.err()).contains("give --vectors FILE, or --alg");
    Run negative = run("hash", "--vectors", "x.jsonl", "--max-failures", "-1");
    assertThat(negative.exit()).isEqualTo(Main.USAGE);
    assertThat(negative.err()).contains("--max-failures must be 0 or more, got -1");
  }

  @Test
  @DisplayName("One-shot: an algorithm whose provider is not installed exits 2 naming it")
  void oneShotMissingProvider() {
    Supplier<Plugins> onlyMemhash = () -> Plugins.of(List.of(new MemhashGo119Provider()));
    Run r = run(onlyMemhash, "hash", "--alg", "aeshash", "--goarch", "amd64",
        "--keysched", "00".repeat(128), "--seed", "1", "--fn", "memhash", "--data", "00");
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("--alg aeshash needs the hash provider aeshash-go119, which is"
        + " not installed (installed: [memhash-go119])");
  }
}
