package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gomap4j.api.GoType;
import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.engine.internal.MapInternals;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.tck.MapContract;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  /** map[int64]int64's bucket size on {@code goarch}, as its layout gives it. */
  private static int int64Bucket(String goarch) {
    return Plugins.discovered().layout(goarch).bucketLayout(GoType.INT64, GoType.INT64)
        .bucketSize();
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
  @DisplayName("Go bytes beyond the GOARCH's maxAlloc, which bounds Go's heap there, are told: Go"
      + " could not hold that map; below it, nothing is said")
  void goBytesBeyondMaxAlloc() {
    // 2060-byte buckets on mips: the grow to B=20 after 3,407,872 entries makes a bucket array of
    // 2^20 + 2^16 buckets, over 2^31-1 bytes; before it, B=19 holds about 1.2 GiB.
    Run over = simulate("mips", "[128]byte", "[128]byte", "3500000");
    assertThat(over.exit()).as(over.err()).isZero();
    assertThat(over.out()).contains("B                 20\n").contains("limit             more"
        + " than mips's maxAlloc of 2147483647 bytes, which bounds Go's heap there: Go could not"
        + " hold this map on mips\n");
    Run under = simulate("mips", "[128]byte", "[128]byte", "3400000");
    assertThat(under.out()).contains("B                 19\n").doesNotContain("limit");
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
  @DisplayName("Counts of 1 are singular: '1 entry', '1 old bucket evacuated'")
  void singularCounts() {
    assertThat(simulate("amd64", "int64", "int64", "1").out())
        .startsWith("map[int64]int64 on amd64, make without a hint, 1 entry, seed 1\n");
    assertThat(simulate("amd64", "int64", "int64", "2").out()).contains(", 2 entries, ");
    // With seed 1, the 53rd insert leaves the grow from B=2 to B=3 one bucket in.
    assertThat(simulate("amd64", "int64", "int64", "53").out())
        .contains("growing           yes (1 old bucket evacuated)\n");
  }

  @Test
  @DisplayName("A hint whose buckets pass maxAlloc gives B=0, as Go's makemap takes it as 0; the"
      + " largest hint Go keeps is refused when it needs more than 2^30 buckets")
  void hintAboveMaxAlloc() {
    int bucket = int64Bucket("amd64");
    long cutoff = PlatformLayout.MAX_ALLOC_64 / bucket;
    // go1.19 on amd64 (makemaphint vectors): make(map[int64]int64, cutoff + 1) has B=0, and
    // make(map[int64]int64, cutoff) runs out of memory.
    Run above = simulate("amd64", "int64", "int64", "10", "--hint", String.valueOf(cutoff + 1));
    assertThat(above.exit()).as(above.err()).isZero();
    assertThat(above.out()).contains("make with hint " + (cutoff + 1))
        .contains("hint              taken as 0: Go's makemap takes a hint above " + cutoff
            + " as 0, since hint * " + bucket + ", the bucket size, would pass amd64's maxAlloc"
            + " of " + PlatformLayout.MAX_ALLOC_64 + " bytes\n")
        .contains("B                 1\n");
    Run at = simulate("amd64", "int64", "int64", "10", "--hint", String.valueOf(cutoff));
    assertThat(at.exit()).isEqualTo(Main.USAGE);
    assertThat(at.err()).contains("chose B=" + new Go119GrowthPolicy().initialB(cutoff)
        + " for the size hint " + cutoff + "; B must be in 0.." + MapInternals.MAX_B
        + " (at most 2^" + MapInternals.MAX_B + " buckets), so give a hint of at most "
        + MapInternals.largestHint(new Go119GrowthPolicy()) + ", or one Go takes as 0: Go's"
        + " makemap takes a hint above " + cutoff + " as 0");
    // On 386 every hint Go keeps fits: the cut-off makes B=23 there too (makemaphint vectors).
    long cutoff386 = PlatformLayout.MAX_ALLOC_32 / int64Bucket("386");
    assertThat(simulate("386", "int64", "int64", "0", "--hint", String.valueOf(cutoff386)).out())
        .contains("B                 23\n").doesNotContain("taken as 0");
    assertThat(simulate("386", "int64", "int64", "0", "--hint", String.valueOf(cutoff386 + 1))
        .out()).contains("B                 0\n").contains("taken as 0");
    assertThat(simulate("amd64", "int64", "int64", "0", "--hint", "1000").out())
        .doesNotContain("taken as 0");
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
        "struct{_ int; a int16}", "struct{error}", "struct{a int8; error}"}) {
      Run r = simulate("386", k, "int", "10");
      assertThat(r.exit()).as(k + ": " + r.err()).isZero();
      assertThat(r.out()).as(k).contains("10 entries");
    }
  }

  /**
   * A layout plugin named {@code name} with amd64's rules, except that it lays out a key type that
   * is not comparable as {@code int64} instead of refusing it, or, if {@code elemFirst}, refuses
   * any elem over 8 bytes before it looks at the key.
   */
  private static PlatformLayout laxLayout(String name, boolean elemFirst) {
    return new GcPlatformLayout(new Platform(name, 8, 8, ByteOrder.LITTLE_ENDIAN)) {
      @Override
      public int spiVersion() {
        return SPI_VERSION;
      }

      @Override
      public BucketLayout bucketLayout(GoType key, GoType elem) {
        if (elemFirst && typeLayout(elem).size() > 8) {
          throw new IllegalArgumentException("elem " + elem + " is over 8 bytes");
        }
        return super.bucketLayout(key.isComparable() ? key : GoType.INT64, elem);
      }
    };
  }

  private static Run simulateWith(PlatformLayout layout, String key, String elem) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Plugins plugins = Plugins.discovered().with(List.of(layout));
    CommandLine cl = Main.commandLine(new Main(() -> plugins, MapContract::checks, false));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute("simulate", "--goarch", layout.name(), "--key", key, "--elem", elem,
        "--entries", "10");
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  @DisplayName("A key type that is not comparable is refused as --key's fault whatever the layout"
      + " plugin does with it; a layout's refusal of a comparable key's map blames neither --key nor"
      + " Go's compiler, but names the layout and gives its reason")
  void keyRuleDoesNotDependOnTheLayout() {
    GoType slice = GoType.sliceOf(GoType.INT);
    for (PlatformLayout layout : List.of(laxLayout("lax", false), laxLayout("elemfirst", true))) {
      for (String elem : new String[] {"int", "string"}) {
        Run r = simulateWith(layout, "[]int", elem);
        assertThat(r.exit()).as("%s, elem %s: %s", layout.name(), elem, r.out())
            .isEqualTo(Main.USAGE);
        assertThat(r.err()).isEqualTo("gomap4j simulate: --key: "
            + GcPlatformLayout.invalidKeyType(slice, GoType.parse(elem)) + System.lineSeparator());
      }
    }
    Run elemRefused = simulateWith(laxLayout("elemfirst", true), "int", "string");
    assertThat(elemRefused.exit()).isEqualTo(Main.USAGE);
    assertThat(elemRefused.err()).isEqualTo("gomap4j simulate: layout 'elemfirst' refuses"
        + " map[int]string: elem string is over 8 bytes" + System.lineSeparator());
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "bool|amd64|2",
      "struct{}|amd64|1",
      "[0]int|amd64|1",
      "[5]struct{}|386|1",
      "int8|386|256",
      "uint8|amd64|256",
      "[2]bool|amd64|4",
      "struct{a bool; b int8}|amd64|512",
      "struct{_ int8; a bool}|amd64|2",
      "struct{a [2]struct{}; b [1]uint16}|mips|65536",
  })
  @DisplayName("--entries above the number of distinct values of the key type exits 2 naming the"
      + " maximum; the maximum itself is simulated")
  void keyDomain(String key, String goarch, long max) {
    String canonical = GoType.parse(key).goSyntax();
    Run full = simulate(goarch, key, "int", Long.toString(max));
    assertThat(full.exit()).as(full.err()).isZero();
    assertThat(full.out()).contains(max + (max == 1 ? " entry," : " entries,"));
    Run over = simulate(goarch, key, "int", Long.toString(max + 1));
    assertThat(over.exit()).isEqualTo(Main.USAGE);
    assertThat(over.out()).isEmpty();
    assertThat(over.err()).contains("--entries " + (max + 1) + " is more than the " + max
        + (max == 1 ? " distinct value" : " distinct values") + " of key type " + canonical + " on " + goarch + ": a map[" + canonical
        + "]int holds at most " + max + (max == 1 ? " entry" : " entries") + "; give --entries "
        + max + " or fewer");
  }

  @Test
  @DisplayName("100000 bool keys are refused: Go's map would hold 2 entries, not report B=14")
  void hundredThousandBools() {
    Run r = simulate("amd64", "bool", "int", "100000");
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("holds at most 2 entries");
  }

  @ParameterizedTest(name = "{0} on {1}-byte pointers: {2}")
  @CsvSource(delimiter = '|', value = {
      "bool|8|2",
      "int16|8|65536",
      "uint32|8|4294967296",
      "int|4|4294967296",
      "uintptr|4|4294967296",
      "int|8|9223372036854775807",
      "int64|4|9223372036854775807",
      "float32|4|9223372036854775807",
      "complex64|8|9223372036854775807",
      "string|8|9223372036854775807",
      "*int8|8|9223372036854775807",
      "chan bool|8|9223372036854775807",
      "any|8|9223372036854775807",
      "[7]uint8|8|72057594037927936",
      "[8]uint8|8|9223372036854775807",
      "[1000000]bool|8|9223372036854775807",
      "[9223372036854775807]struct{}|8|1",
      "[0]string|8|1",
      "struct{a [3]int16; b bool}|8|562949953421312",
      "struct{a [4]int16; b bool}|8|9223372036854775807",
      "struct{_ string; _ float64}|8|1",
      "struct{error}|8|9223372036854775807",
      "struct{_ error}|4|1",
  })
  @DisplayName("distinctValues counts exactly, saturating at 2^63-1 for big and unbounded domains")
  void distinctValues(String type, int ptrSize, long expected) {
    assertThat(SimulateCommand.distinctValues(GoType.parse(type), ptrSize)).isEqualTo(expected);
  }

  @Test
  @DisplayName("distinctValues counts a struct that uses one part twice at every level up to"
      + " GoType.MAX_NESTING: the product of its innermost parts' counts")
  void distinctValuesOfSharedParts() {
    // Only a safety net: distinctValues counted each of the 2^99 paths of such a type.
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      assertThat(SimulateCommand.distinctValues(doubled(GoType.EMPTY_STRUCT, 99), 8))
          .isEqualTo(1);
      assertThat(SimulateCommand.distinctValues(doubled(GoType.BOOL, 99), 8))
          .isEqualTo(Long.MAX_VALUE);
      // 2^5 bools
      assertThat(SimulateCommand.distinctValues(doubled(GoType.BOOL, 5), 8)).isEqualTo(1L << 32);
    });
  }

  /** {@code struct{a T; b T}} made {@code times} times around {@code base}. */
  private static GoType doubled(GoType base, int times) {
    return Stream.iterate(base, t -> GoType.structOf(new GoType.Field("a", t),
        new GoType.Field("b", t))).skip(times).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("Indirect elems too big to count for --entries are refused naming the maximum, which"
      + " is simulated without wrapping: 8191 entries of a 2^50-byte object fit in 2^63-1 bytes")
  void hugeIndirectElems() {
    Run over = simulate("amd64", "int64", "[1125899906842623]byte", "10000");
    assertThat(over.exit()).isEqualTo(Main.USAGE);
    assertThat(over.out()).isEmpty();
    assertThat(over.err()).contains("--entries 10000 is too many for map[int64]"
        + "[1125899906842623]uint8 on amd64: Go stores its elem outside the bucket (types over 128"
        + " bytes are stored indirectly), 1125899906842624 bytes of objects per entry, so 10000"
        + " entries need more than 9223372036854775807 bytes (2^63-1), more than simulate counts;"
        + " give --entries 8191 or fewer");
    Run max = simulate("amd64", "int64", "[1125899906842623]byte", "8191");
    assertThat(max.exit()).as(max.err()).isZero();
    long goBytes = Long.parseLong(
        max.out().replaceAll("(?s).*Go bytes +[^(]*\\((\\d+) bytes\\).*", "$1"));
    assertThat(goBytes).isGreaterThan(8191L << 50);
    Run both = simulate("amd64", "[1125899906842623]byte", "[1125899906842623]byte", "4096");
    assertThat(both.exit()).isEqualTo(Main.USAGE);
    assertThat(both.err()).contains("Go stores its key and its elem outside the bucket")
        .contains("give --entries 4095 or fewer");
  }

  @Test
  @DisplayName("When the entries' objects fit in 2^63-1 bytes but the buckets push the total past it,"
      + " Go bytes is shown as at least 2^63-1, never wrapped")
  void saturatedGoBytes() {
    // 8283 objects of 8192 * 135928999981 bytes (135928999981 divides 2^50-1) make 2^63-8192 bytes
    Run r = simulate("amd64", "int64", "[1113530367844352]byte", "8283");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Go bytes          at least 8.0 EiB (9223372036854775807 bytes,"
        + " the most a long counts)");
    assertThat(simulate("amd64", "int64", "[1113530367844352]byte", "8284").err())
        .contains("give --entries 8283 or fewer");
  }

  @Test
  @DisplayName("Types larger than Go allows on the GOARCH exit 2 naming the limit")
  void tooLargeTypes() {
    Run r = simulate("mips", "int32", "[2147483647]byte", "1");
    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("layout 'mips' refuses map[int32][2147483647]uint8: type"
        + " [2147483647]uint8 is larger than the address space of mips")
        .contains("where Go 1.19's compiler allows at most 2147483646 bytes");
  }

  @Test
  @DisplayName("Bad input exits 2: type syntax (GoType.parse's message), unknown GOARCH (listing"
      + " the layouts), negative --entries")
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
  }

  @Test
  @DisplayName("A negative hint gives B=0 with a line saying why, as Go's makemap takes it as 0")
  void negativeHint() {
    for (String goarch : new String[] {"amd64", "arm"}) {
      Run r = simulate(goarch, "int64", "int64", "100", "--hint", "-5");
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).startsWith("map[int64]int64 on " + goarch + ", make with hint -5,")
          .contains("hint              taken as 0, as Go's makemap does: a negative hint is a huge"
              + " uintptr, and hint * bucket size (" + int64Bucket(goarch)
              + " bytes) overflows\n");
      // Otherwise the same map as with hint 0.
      assertThat(r.out().replaceFirst("hint {14}taken as 0[^\n]*\n", "")
          .replace("make with hint -5,", "make with hint 0,"))
          .isEqualTo(simulate(goarch, "int64", "int64", "100", "--hint", "0").out());
    }
  }
}
