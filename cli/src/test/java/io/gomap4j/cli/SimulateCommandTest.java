package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.api.GoType;
import io.gomap4j.engine.Plugins;
import io.gomap4j.tck.MapContract;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code gomap4j simulate}: a filled map's shape and Go memory. */
class SimulateCommandTest {

  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(new Main(Plugins::discovered, MapContract::checks, false));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static Run simulate(String goarch, String key, String elem, String entries,
      String... more) {
    String[] base = {"simulate", "--goarch", goarch, "--key", key, "--elem", elem, "--entries",
        entries};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return run(args);
  }

  @Test
  @DisplayName("1000 entries from an empty map: the 833rd insert grows B=7 to B=8 (832 < 833), and"
      + " 1000 <= 1664 stays at B=8")
  void thousandEntriesGiveB8() {
    Run r = simulate("arm", "string", "[64]byte", "1000");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("B                 8\n")
        .contains("buckets           256 (2^B)")
        .containsPattern("Go bytes          [0-9.]+ KiB \\([0-9]+ bytes\\)")
        .contains("Java heap bytes")
        .contains("load factor       3.91 entries per bucket");
  }

  @Test
  @DisplayName("Go's growth table: 832 entries stay at B=7, 833 grow to B=8; a hint of 1000 makes"
      + " B=8 at once")
  void growthBoundaries() {
    assertThat(simulate("amd64", "int64", "int64", "832").out()).contains("B                 7\n");
    assertThat(simulate("amd64", "int64", "int64", "833").out()).contains("B                 8\n");
    Run hinted = simulate("amd64", "int64", "int64", "10", "--hint", "1000");
    assertThat(hinted.out()).contains("B                 8\n").contains("make with hint 1000")
        .contains("growing           no");
  }

  @Test
  @DisplayName("An empty map without a hint is only its hmap: 32 bytes on arm (28 -> class 32)")
  void emptyMap() {
    Run r = simulate("arm", "string", "[64]byte", "0");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Go bytes          32 B (32 bytes)");
  }

  @Test
  @DisplayName("The same seed gives the same output; another seed may differ only in hash-dependent"
      + " lines")
  void reproducible() {
    Run a = simulate("arm", "string", "[64]byte", "5000", "--seed", "7");
    Run b = simulate("arm", "string", "[64]byte", "5000", "--seed", "7");
    assertThat(a.exit()).isZero();
    assertThat(a.out()).isEqualTo(b.out()).contains("seed 7");
  }

  @Test
  @DisplayName("Key types Go's compiler refuses as not comparable exit 2 naming the type; comparable"
      + " ones (interfaces, pointers, chans, arrays and structs of them) are simulated")
  void nonComparableKeys() {
    // each checked with go1.19: go build of `return map[K]int(nil)`
    for (String k : new String[] {"[]int", "map[int]int", "func()", "[0][]int",
        "struct{_ []int}", "struct{a int; f func()}"}) {
      Run r = simulate("amd64", k, "int", "10");
      String canonical = GoType.parse(k).goSyntax();
      assertThat(r.exit()).as(k).isEqualTo(Main.USAGE);
      assertThat(r.out()).as(k).isEmpty();
      assertThat(r.err()).as(k).contains("--key: invalid map key type " + canonical
          + ": Go's compiler refuses map[" + canonical + "]int; a map key type must be comparable");
    }
    for (String k : new String[] {"any", "error", "chan int", "*[]int", "[2]any",
        "struct{_ int; a bool}"}) {
      Run r = simulate("386", k, "int", "10");
      assertThat(r.exit()).as(k + ": " + r.err()).isZero();
      assertThat(r.out()).as(k).contains("10 entries");
    }
  }

  @Test
  @DisplayName("Bad input exits 2: type syntax (GoType.parse's message), unknown GOARCH (listing"
      + " the layouts), negative --entries or --hint")
  void badInput() {
    Run syntax = simulate("arm", "[3int", "int", "10");
    assertThat(syntax.exit()).isEqualTo(Main.USAGE);
    assertThat(syntax.err()).contains("--key: ").contains("expected ']' at column 3");

    Run arch = simulate("vax", "int", "int", "10");
    assertThat(arch.exit()).isEqualTo(Main.USAGE);
    assertThat(arch.err()).contains("unknown GOARCH 'vax'").contains("amd64").contains("arm");

    Run negative = simulate("arm", "int", "int", "-1");
    assertThat(negative.exit()).isEqualTo(Main.USAGE);
    assertThat(negative.err()).contains("--entries must be 0 or more");

    Run hint = simulate("arm", "int", "int", "1", "--hint", "-5");
    assertThat(hint.exit()).isEqualTo(Main.USAGE);
  }
}
