package io.gomap4j.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.engine.internal.MapInternals;
import io.gomap4j.api.GoType;
import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.testing.TestHashes;
import io.gomap4j.engine.testing.TestLayouts;
import io.gomap4j.engine.testing.TestPlugins;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A trace's header line: every bad field is a format error at line 1 naming the field and the
 * column of its value; a hash provider that is missing or does not fit the platform is an
 * {@link UnavailableHashException}, the only header problem another provider solves.
 */
class TraceHeaderTest {

  private static final String KEYSCHED = "00".repeat(128);
  private static final String HEADER = "{\"goarch\":\"amd64\",\"aes\":false,\"keysched\":\""
      + KEYSCHED + "\",\"hashkey\":\"1,2,3,4\",\"hash0\":\"8a09ac6a\",\"hint\":0,\"B0\":0}";
  private static final String OPS =
      "put 1 | B=0 noverflow=0 growing=false nevacuate=0 samesize=false\n";

  /** map[int64]int64's bucket size on amd64. */
  private static final int BUCKET =
      new TestLayouts.Amd64().bucketLayout(GoType.INT64, GoType.INT64).bucketSize();

  /** The largest hint Go's makemap keeps for map[int64]int64 on amd64: maxAlloc / bucket size. */
  private static final long CUTOFF = PlatformLayout.MAX_ALLOC_64 / BUCKET;

  /** The error about a hint Go keeps but the engine cannot, after the field and column. */
  private static String hintRefused(long hint) {
    return "must be at most " + TraceReplay.MAX_HINT + " (gomap4j makes at most 2^"
        + MapInternals.MAX_B + " buckets), or negative, or one Go takes as 0: Go's makemap takes a"
        + " hint above " + CUTOFF + " as 0, since hint * " + BUCKET + ", the bucket size, would"
        + " pass amd64's maxAlloc of " + PlatformLayout.MAX_ALLOC_64 + " bytes; got " + hint;
  }

  private static TraceReplay.Result replay(String header, String hash) throws IOException {
    byte[] text = (header + "\n" + OPS).getBytes(StandardCharsets.UTF_8);
    return TraceReplay.replay(new ByteArrayInputStream(text), "t.txt", TestPlugins.registry(),
        hash, true);
  }

  @Test
  @DisplayName("The header this test varies replays with the test hash")
  void theBaseHeaderReplays() throws IOException {
    TraceReplay.Result r = replay(HEADER, TestHashes.MIX);
    assertThat(r.ops()).isEqualTo(1);
    assertThat(r.goarch()).isEqualTo("amd64");
    assertThat(r.summary()).isEqualTo("trace: 1 op, 1 state matched");
  }

  @Test
  @DisplayName("A trace of a make alone (its generator's -n 0 writes the header only) checks the"
      + " make's B and replays with no operation")
  void aHeaderAloneChecksTheMake() throws IOException {
    byte[] text = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
    TraceReplay.Result r = TraceReplay.replay(new ByteArrayInputStream(text), "t.txt",
        TestPlugins.registry(), TestHashes.MIX, true);
    assertThat(r.summary()).isEqualTo("trace: 0 ops, 0 states matched");
    assertThat(r.divergence()).isNull();
    byte[] wrongB = (HEADER.replace("\"B0\":0", "\"B0\":1") + "\n")
        .getBytes(StandardCharsets.UTF_8);
    TraceReplay.Result d = TraceReplay.replay(new ByteArrayInputStream(wrongB), "t.txt",
        TestPlugins.registry(), TestHashes.MIX, true);
    assertThat(d.divergence()).isNotNull();
    assertThat(d.ops()).isZero();
  }

  @Test
  @DisplayName("A bad hash0, hint, B0, aes, keysched or hashkey is an error at line 1 naming the"
      + " field and the column where its value starts")
  void badFieldsAreLineOneErrorsWithFieldAndColumn() {
    // the field's text in HEADER, its replacement, the message after "t.txt:1: field "NAME" at
    // column N: "
    String[][] cases = {
      {"\"hash0\":\"8a09ac6a\"", "\"hash0\":\"zz\"",
          "must be 1 to 8 hex digits (Go's uint32 hmap.hash0), got \"zz\""},
      {"\"hash0\":\"8a09ac6a\"", "\"hash0\":\"123456789\"",
          "must be 1 to 8 hex digits (Go's uint32 hmap.hash0), got \"123456789\""},
      {"\"hash0\":\"8a09ac6a\"", "\"hash0\":\"-1\"",
          "must be 1 to 8 hex digits (Go's uint32 hmap.hash0), got \"-1\""},
      {"\"hash0\":\"8a09ac6a\"", "\"hash0\":\"\"",
          "must be 1 to 8 hex digits (Go's uint32 hmap.hash0), got \"\""},
      {"\"hash0\":\"8a09ac6a\"", "\"hash0\":5", "must be a string, got 5"},
      // A raw control character, such as a terminal's ESC, is shown as an escape.
      {"\"hash0\":\"8a09ac6a\"", "\"hash0\":\"\u0001\u001b[2J\"",
          "must be 1 to 8 hex digits (Go's uint32 hmap.hash0), got \"\\u0001\\u001b[2J\""},
      {"\"goarch\":\"amd64\"", "\"goarch\":\"\u001b[2J\"",
          "must be a GOARCH name, got \"\\u001b[2J\""},
      {"\"goarch\":\"amd64\"", "\"goarch\":\"\\u001b[2J\"",
          "must be a GOARCH name, got \"\\u001b[2J\""},
      {"\"hint\":0", "\"hint\":" + (TraceReplay.MAX_HINT + 1),
          hintRefused(TraceReplay.MAX_HINT + 1)},
      {"\"hint\":0", "\"hint\":" + CUTOFF, hintRefused(CUTOFF)},
      {"\"hint\":0", "\"hint\":\"8\"", "must be an integer, got \"8\""},
      {"\"hint\":0", "\"hint\":8e0", "must be an integer, got 8e0"},
      {"\"B0\":0", "\"B0\":-3", "must be an integer from 0 to 30, got -3"},
      {"\"B0\":0", "\"B0\":31", "must be an integer from 0 to 30, got 31"},
      {"\"B0\":0", "\"B0\":1e1", "must be an integer from 0 to 30, got 1e1"},
      {"\"aes\":false", "\"aes\":\"fals\\u0065\"", "must be true or false, got \"fals\\u0065\""},
      {"\"aes\":false", "\"aes\":\"no\"", "must be true or false, got \"no\""},
      {"\"hashkey\":\"1,2,3,4\"", "\"hashkey\":\"1,2,3\"",
          "hashkey must be 4 hex words separated by commas, got 3 words"},
      {"\"keysched\":\"" + KEYSCHED, "\"keysched\":\"" + KEYSCHED.substring(2),
          "aeskeysched must be 256 hex digits (a 128-byte aeskeysched, any platform) or 128 hex"
              + " digits (64 bytes, 32-bit platforms only), got 254 characters"},
    };
    for (String[] c : cases) {
      assertThat(HEADER).contains(c[0]);
      String header = HEADER.replace(c[0], c[1]);
      String field = c[1].substring(1, c[1].indexOf('"', 1));
      int column = header.indexOf(c[1]) + c[1].indexOf(':') + 2;
      assertThatThrownBy(() -> replay(header, TestHashes.MIX)).as(c[1])
          .isInstanceOf(TraceFormatException.class)
          .hasMessage("t.txt:1: field \"" + field + "\" at column " + column + ": " + c[2]);
    }
  }

  @Test
  @DisplayName("A hint Go's makemap takes as 0, negative or with buckets past maxAlloc, replays"
      + " from B=0 on 64- and 32-bit goarches")
  void hintsGoTakesAsZeroReplay() throws IOException {
    for (String hint : new String[] {"-1", "-9223372036854775808", String.valueOf(CUTOFF + 1),
        "9223372036854775807"}) {
      for (String goarch : new String[] {"amd64", "386"}) {
        String header = HEADER.replace("\"hint\":0", "\"hint\":" + hint)
            .replace("amd64", goarch);
        assertThat(replay(header, TestHashes.MIX).summary()).as("%s on %s", hint, goarch)
            .isEqualTo("trace: 1 op, 1 state matched");
      }
    }
  }

  @Test
  @DisplayName("A missing field is named; a malformed header line gives the column")
  void missingFieldsAndBadJson() {
    assertThatThrownBy(() -> replay(HEADER.replace("\"hash0\"", "\"hash1\""), TestHashes.MIX))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage("t.txt:1: missing field \"hash0\"");
    assertThatThrownBy(() -> replay(HEADER.replace("\"hint\":0", "\"hint\":0x"), TestHashes.MIX))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageStartingWith("t.txt:1: bad JSON header: expected ',' or '}' at column ");
  }

  @Test
  @DisplayName("A raw control character in an operation line is shown as an escape")
  void controlCharactersInOperationsAreEscaped() {
    String[][] cases = {
      {"put\u001b[2J 1", "expected 'put KEY' or 'del KEY', optionally followed by '| STATE'; got"
          + " 'put\\u001b[2J 1'"},
      {"put 1\u007f", "key '1\\u007f' is not a 64-bit integer"},
      {"put 1 | B=0\u001b[2J", "expected a state 'B=.. noverflow=.. growing=.. nevacuate=.."
          + " samesize=..', got 'B=0\\u001b[2J'"},
    };
    for (String[] c : cases) {
      byte[] text = (HEADER + "\n" + c[0] + "\n").getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> TraceReplay.replay(new ByteArrayInputStream(text), "t.txt",
          TestPlugins.registry(), TestHashes.MIX, true)).as(c[0])
          .isInstanceOf(TraceFormatException.class)
          .hasMessage("t.txt:2: " + c[1]);
    }
  }

  @Test
  @DisplayName("A 32-bit key schedule on a 64-bit goarch is an error in field keysched")
  void keyScheduleMustFitTheGoarch() throws IOException {
    String short32 = HEADER.replace(KEYSCHED, KEYSCHED.substring(128));
    int column = short32.indexOf("\"keysched\":") + "\"keysched\":".length() + 1;
    assertThatThrownBy(() -> replay(short32, TestHashes.MIX))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage("t.txt:1: field \"keysched\" at column " + column + ": has 128 hex digits, a"
            + " key schedule for 32-bit platforms only; goarch amd64 is 64-bit and needs 256");
    assertThat(replay(short32.replace("amd64", "386"), TestHashes.MIX).goarch()).isEqualTo("386");
  }

  @Test
  @DisplayName("MAX_HINT is the largest hint go119 sizes within the engine's largest B")
  void maxHintMatchesTheGrowthPolicy() {
    Go119GrowthPolicy go119 = new Go119GrowthPolicy();
    assertThat(go119.initialB(TraceReplay.MAX_HINT)).isEqualTo(MapInternals.MAX_B);
    assertThat(go119.initialB(TraceReplay.MAX_HINT + 1)).isEqualTo(MapInternals.MAX_B + 1);
  }

  @Test
  @DisplayName("A layout whose maxAlloc the engine refuses (0, or 2^63-1 with 4-byte pointers) is"
      + " named, whatever the header's hint, before the hint is taken with it")
  void badLayoutMaxAllocIsNamed() {
    Object[][] cases = {
      {TestLayouts.AMD64, 0L, 0L, "at most 9223372036854775807 (2^63-1)"},
      {TestLayouts.AMD64, 0L, 1L << 40, "at most 9223372036854775807 (2^63-1)"},
      {TestLayouts.I386, Long.MAX_VALUE, 1L << 40, "at most 4294967295 (2^32-1, the largest"
          + " uintptr with 4-byte pointers)"},
    };
    for (Object[] c : cases) {
      Platform platform = (Platform) c[0];
      long maxAlloc = (Long) c[1];
      PlatformLayout layout = TestLayouts.withMaxAlloc(platform.goarch(), platform, maxAlloc);
      Plugins plugins = Plugins.of(List.of(new TestHashes.Mix(), layout, new Go119GrowthPolicy()));
      String header = HEADER.replace("amd64", platform.goarch())
          .replace("\"hint\":0", "\"hint\":" + c[2]);
      byte[] text = (header + "\n" + OPS).getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> TraceReplay.replay(new ByteArrayInputStream(text), "t.txt",
          plugins, TestHashes.MIX, true)).as("maxAlloc %d, hint %d", maxAlloc, c[2])
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage("layout '" + platform.goarch() + "' gives maxAlloc " + maxAlloc + "; it must"
              + " be at least 1 and " + c[3] + ". Run the TCK's PlatformLayoutVerification on the"
              + " plugin");
    }
  }

  @Test
  @DisplayName("A hash provider that is not installed is an UnavailableHashException, saying"
      + " whether the header chose it")
  void unavailableHash() {
    assertThatThrownBy(() -> replay(HEADER, null))
        .isInstanceOfSatisfying(UnavailableHashException.class, e -> {
          assertThat(e.hash()).isEqualTo("memhash-go119");
          assertThat(e.chosenFromHeader()).isTrue();
          assertThat(e).hasMessageStartingWith("unknown hash plugin 'memhash-go119'; available: ");
        });
    assertThatThrownBy(() -> replay(HEADER.replace("\"aes\":false", "\"aes\":true"), null))
        .isInstanceOfSatisfying(UnavailableHashException.class,
            e -> assertThat(e.hash()).isEqualTo("aeshash-go119"));
    assertThatThrownBy(() -> replay(HEADER, "no-such-hash"))
        .isInstanceOfSatisfying(UnavailableHashException.class,
            e -> assertThat(e.chosenFromHeader()).isFalse());
  }

  @Test
  @DisplayName("An unknown goarch names the installed layouts and is not a hash problem")
  void unknownGoarch() {
    assertThatThrownBy(() -> replay(HEADER.replace("amd64", "vax"), TestHashes.MIX))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("the trace's goarch: unknown layout plugin 'vax'; available: [386, amd64,"
            + " s390x]");
  }
}
