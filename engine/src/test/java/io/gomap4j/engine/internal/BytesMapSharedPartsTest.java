package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gomap4j.api.BytesGoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.engine.GoMaps;
import io.gomap4j.engine.testing.TestLayouts;
import io.gomap4j.engine.testing.TestPlugins;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.spi.TypeLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * BytesGoMaps whose key or elem type is built from shared parts ({@code struct{a T; b T}} made
 * again and again, with 2^n paths to its innermost part but n distinct parts) are checked, laid
 * out and described in time proportional to their distinct parts, and their messages stay short.
 */
class BytesMapSharedPartsTest {

  /** Only a safety net: the walks and spellings these tests exercise took 2^n steps. */
  private static final Duration SAFETY = Duration.ofSeconds(20);

  /** {@code struct{a T; b T}} made {@code levels - 1} times around {@code base}. */
  private static GoType doubled(GoType base, int levels) {
    GoType t = base;
    for (int i = 1; i < levels; i++) {
      t = GoType.structOf(new GoType.Field("a", t), new GoType.Field("b", t));
    }
    return t;
  }

  /**
   * 2^28 bytes of uint8 in 2^28 fields, within every size limit; its Go spelling has more
   * characters than a Java string holds.
   */
  private static final GoType HUGE = doubled(GoType.UINT8, 29);

  private static GoMaps.Builder amd64(GoType key, GoType elem) {
    return TestPlugins.builder(TestPlugins.AMD64, 1).keyType(key).elemType(elem);
  }

  /** The amd64 test layout, named broken-amd64, with its buckets changed by {@code change}. */
  private static PlatformLayout broken(UnaryOperator<BucketLayout> change) {
    return TestLayouts.broken("broken-amd64", change);
  }

  // ---- messages and descriptions ---------------------------------------------------------------

  @Test
  @DisplayName("A map's description spells its key and elem types abbreviated")
  void descriptionAbbreviatesTheTypes() {
    assertTimeoutPreemptively(SAFETY, () -> {
      BytesGoMap m = amd64(GoType.INT32, HUGE).buildBytes();
      assertThat(m.elemSize()).isEqualTo(1 << 28);
      assertThat(m.toString())
          .isEqualTo("map[int32]" + HUGE.abbreviated() + " on amd64 with 0 entries")
          .hasSizeLessThan(100);
    });
  }

  @Test
  @DisplayName("A refused key names the array element that holds the refused part abbreviated")
  void refusedArrayElementIsAbbreviated() {
    GoType elem = GoType.structOf(new GoType.Field("p", GoType.pointerTo(GoType.INT8)),
        new GoType.Field("m", HUGE));
    GoType key = GoType.arrayOf(2, elem);
    assertTimeoutPreemptively(SAFETY, () ->
        assertThatThrownBy(() -> amd64(key, GoType.INT32).buildBytes())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("BytesGoMap key type " + key.abbreviated() + " is not supported: element"
                + " type " + elem.abbreviated() + ": field p *int8: pointer keys are not supported"
                + " by BytesGoMap: Go hashes the address, which has no meaning on the JVM; keys"
                + " must be fixed-size and pointer-free: booleans, integers, floats, complex"
                + " numbers, and arrays and structs of those"));
  }

  @Test
  @DisplayName("A layout whose buckets cannot hold their entries is refused naming the map type"
      + " abbreviated")
  void refusalsOfBrokenLayoutsAbbreviateTheTypes() {
    String map = "map[int32]" + HUGE.abbreviated();
    // The elems laid over the keys: Geometry's check of flat storage.
    PlatformLayout overlapping = broken(l -> new BucketLayout(l.key(), l.elem(), l.keyType(),
        l.elemType(), l.keySlotSize(), l.elemSlotSize(), l.indirectKey(), l.indirectElem(),
        l.keysOffset(), l.keysOffset(), l.overflowOffset(), l.overflowSize(), l.bucketSize(),
        l.bucketAlign()));
    // 16-byte pointer slots for the indirect elem, consistent otherwise: BytesMap's check.
    PlatformLayout wideSlots = broken(l -> new BucketLayout(l.key(), l.elem(), l.keyType(),
        l.elemType(), 4, 16, false, true, 8, 40, 168, 8, 176, 8));
    // Buckets of 0 bytes for a map of Java objects: GoAlloc.HintCutoff's check.
    PlatformLayout empty = broken(l -> new BucketLayout(l.key(), l.elem(), l.keyType(),
        l.elemType(), l.keySlotSize(), l.elemSlotSize(), l.indirectKey(), l.indirectElem(),
        l.keysOffset(), l.elemsOffset(), l.overflowOffset(), l.overflowSize(), 0,
        l.bucketAlign()));
    assertTimeoutPreemptively(SAFETY, () -> {
      assertThatThrownBy(() -> amd64(GoType.INT32, HUGE).layout(overlapping).buildBytes())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("layout 'broken-amd64' gives " + map + " tophash at 0, keys at")
          .message().hasSizeLessThan(500);
      assertThatThrownBy(() -> amd64(GoType.INT32, HUGE).layout(wideSlots).buildBytes())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("layout 'broken-amd64' gives " + map + " indirect slots of 4 and 16 bytes; a"
              + " pointer slot must be 4 or 8 bytes");
      assertThatThrownBy(() -> amd64(GoType.INT32, HUGE).layout(empty).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("layout 'broken-amd64' gives " + map + " buckets of 0 bytes; a bucket is at"
              + " least 1 byte. Run the TCK's PlatformLayoutVerification on the plugin");
    });
  }

  @Test
  @DisplayName("LongLongGoMap's refusal of a layout that gives it another key type abbreviates it")
  void longLongRefusalAbbreviatesTheGivenTypes() {
    // map[int64]int64 laid out by a layout that says its key is HUGE.
    PlatformLayout otherKey = broken(l -> new BucketLayout(HUGE, l.elem(), l.keyType(),
        l.elemType(), l.keySlotSize(), l.elemSlotSize(), l.indirectKey(), l.indirectElem(),
        l.keysOffset(), l.elemsOffset(), l.overflowOffset(), l.overflowSize(), l.bucketSize(),
        l.bucketAlign()));
    assertTimeoutPreemptively(SAFETY, () ->
        assertThatThrownBy(() -> amd64(GoType.INT64, GoType.INT64).layout(otherKey)
            .buildLongLong())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("layout 'broken-amd64' gives map[" + HUGE.abbreviated()
                + "]int64 with 8-byte key and 8-byte elem slots for map[int64]int64 on")
            .message().hasSizeLessThan(500));
  }

  // ---- sizes first, then each distinct part of the key once ------------------------------------

  private static String tooLarge(String what, GoType type, long size) {
    return "BytesGoMap " + what + " type " + type.abbreviated() + " is " + size + " bytes, but"
        + " keys and elems are passed and stored as Java byte arrays, so a BytesGoMap holds "
        + what + "s of at most " + BytesMap.MAX_VALUE_BYTES + " bytes";
  }

  @Test
  @DisplayName("A key or elem type over the size limit is refused for its size, naming it"
      + " abbreviated, its size and the limit, before anything walks its parts")
  void typesOverTheSizeLimitAreRefusedForTheirSize() {
    // 2^40 bytes each, within Go's 2^50 on amd64; strings and pointers are refused later
    GoType bytes = doubled(GoType.UINT8, 41);
    GoType floats = doubled(GoType.FLOAT64, 38);
    GoType strings = doubled(GoType.STRING, 37);
    GoType pointers = doubled(GoType.pointerTo(GoType.INT8), 38);
    assertTimeoutPreemptively(SAFETY, () -> {
      for (GoType key : List.of(bytes, floats, strings)) {
        assertThatThrownBy(() -> amd64(key, GoType.INT32).buildBytes())
            .as(key.abbreviated()).isInstanceOf(IllegalArgumentException.class)
            .hasMessage(tooLarge("key", key, 1L << 40))
            .message().hasSizeLessThan(300);
      }
      for (GoType elem : List.of(bytes, pointers)) {
        assertThatThrownBy(() -> amd64(GoType.INT32, elem).buildBytes())
            .as(elem.abbreviated()).isInstanceOf(IllegalArgumentException.class)
            .hasMessage(tooLarge("elem", elem, 1L << 40))
            .message().hasSizeLessThan(300);
      }
    });
  }

  @Test
  @DisplayName("A key type larger than Go allows on the platform is refused by the layout, before"
      + " anything walks its parts")
  void typesTooLargeForGoAreRefusedByTheLayout() {
    GoType key = doubled(GoType.UINT8, 52); // 2^51 bytes, past amd64's 2^50
    assertTimeoutPreemptively(SAFETY, () ->
        assertThatThrownBy(() -> amd64(key, GoType.INT32).buildBytes())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("type " + key.abbreviated() + " is too large for amd64: field")
            .message().hasSizeLessThan(400));
  }

  @Test
  @DisplayName("A key refused for a part deep inside names the path to it, only its first and last"
      + " two steps when it is longer, having looked at each distinct part once")
  void deepRefusalsNameTheEndsOfThePath() {
    GoType empty = doubled(GoType.EMPTY_STRUCT, 60); // 0 bytes, 2^59 paths
    GoType holder = GoType.structOf(new GoType.Field("e", empty),
        new GoType.Field("p", GoType.pointerTo(GoType.INT8)));
    List<GoType> levels = new ArrayList<>(List.of(holder)); // levels.get(i): i + 1 levels
    for (int i = 1; i < 27; i++) {
      GoType t = levels.get(i - 1);
      levels.add(GoType.structOf(new GoType.Field("a", t), new GoType.Field("b", t)));
    }
    GoType key = levels.get(26); // 8 * 2^26 bytes
    String reason = "pointer keys are not supported by BytesGoMap: Go hashes the address, which"
        + " has no meaning on the JVM; keys must be fixed-size and pointer-free: booleans,"
        + " integers, floats, complex numbers, and arrays and structs of those";
    assertTimeoutPreemptively(SAFETY, () -> {
      assertThatThrownBy(() -> amd64(holder, GoType.INT32).buildBytes())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("BytesGoMap key type " + holder.abbreviated() + " is not supported: field p"
              + " *int8: " + reason);
      // 27 steps: field a of each of the 26 levels above the holder, then its field p
      assertThatThrownBy(() -> amd64(key, GoType.INT32).buildBytes())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("BytesGoMap key type " + key.abbreviated() + " is not supported: field "
              + new GoType.Field("a", levels.get(25)).abbreviated() + ": field "
              + new GoType.Field("a", levels.get(24)).abbreviated() + ": ... 23 more levels ...:"
              + " field " + new GoType.Field("a", holder).abbreviated() + ": field p *int8: "
              + reason)
          .message().hasSizeLessThan(600);
    });
  }

  // ---- the key's hash ---------------------------------------------------------------------------

  /**
   * The most steps a BytesGoMap key's hash may take: as many (op, offset, length) triples as an
   * {@code int[]} of the longest length the engine allocates holds.
   */
  private static final int MAX_STEPS = BytesMap.MAX_VALUE_BYTES / 3;

  @Test
  @DisplayName("A key of shared parts within the limits gets its hash in one step per float and"
      + " per run of plain memory, also when the runs hold 2^28 fields or the array 2^62 elements")
  void keysOfSharedPartsWithinTheLimitsAreBuilt() {
    PlatformLayout layout = new TestLayouts.Amd64();
    GoType floatAndBytes = GoType.structOf(new GoType.Field("f", GoType.FLOAT32),
        new GoType.Field("m", HUGE)); // 4 + 2^28 bytes
    GoType floats = doubled(GoType.FLOAT64, 11); // 1024 floats
    // 2^62 elements of 0 bytes, whose fields are all blank: no step at all
    GoType blanks = GoType.arrayOf(1L << 62, GoType.parse("struct{_ struct{}; _ [0]float64}"));
    assertTimeoutPreemptively(SAFETY, () -> {
      BytesGoMap m = amd64(floatAndBytes, GoType.INT32).buildBytes();
      assertThat(m.keySize()).isEqualTo(4 + (1 << 28));
      assertThat(m.toString())
          .isEqualTo("map[" + floatAndBytes.abbreviated() + "]int32 on amd64 with 0 entries");
      assertThat(KeyAlg.of(floatAndBytes, layout).toString())
          .isEqualTo(floatAndBytes.abbreviated() + ": f32hash(0) memhash(4," + (1 << 28) + ")");

      StringBuilder steps = new StringBuilder(floats.abbreviated()).append(':');
      for (int i = 0; i < 1024; i++) {
        steps.append(" f64hash(").append(8 * i).append(')');
      }
      assertThat(KeyAlg.of(floats, layout).toString()).isEqualTo(steps.toString());
      BytesGoMap f = amd64(floats, GoType.INT32).buildBytes();
      byte[] key = new byte[8 * 1024];
      key[8 * 1000 + 7] = 0x40; // 2.0 in the 1001st float, little-endian
      f.put(key, new byte[] {1, 2, 3, 4});
      byte[] negativeZeros = new byte[8 * 1024];
      negativeZeros[7] = (byte) 0x80; // -0.0 in the first: equal to +0.0
      negativeZeros[8 * 1000 + 7] = 0x40;
      assertThat(f.get(negativeZeros)).containsExactly(1, 2, 3, 4);
      assertThat(f.get(new byte[8 * 1024])).isNull();

      assertThat(KeyAlg.of(blanks, layout).toString()).isEqualTo(blanks.abbreviated()
          + ": memhash0");
      BytesGoMap b = amd64(blanks, GoType.INT32).buildBytes();
      b.put(new byte[0], new byte[] {5, 6, 7, 8});
      assertThat(b.get(new byte[0])).containsExactly(5, 6, 7, 8);
      assertThat(b.size()).isEqualTo(1);
      MapInternals.checkInvariants(f);
      MapInternals.checkInvariants(b);
    });
  }

  @Test
  @DisplayName("A key Go hashes in more steps than a BytesGoMap holds is refused, naming it"
      + " abbreviated and the limit, before any step is made")
  void keysHashedInTooManyStepsAreRefused() {
    // 0 bytes, hashed in one memhash of no bytes (for field b)
    GoType unit = GoType.parse("struct{_ struct{}; b struct{}}");
    PlatformLayout layout = new TestLayouts.Amd64();
    assertThat(KeyAlg.of(GoType.arrayOf(3, unit), layout).toString())
        .endsWith(": memhash(0,0) memhash(0,0) memhash(0,0)");
    assertTimeoutPreemptively(SAFETY, () -> {
      for (GoType key : List.of(doubled(unit, 41), GoType.arrayOf(1L << 40, unit),
          GoType.arrayOf(MAX_STEPS + 1L, unit))) {
        assertThatThrownBy(() -> amd64(key, GoType.INT32).buildBytes())
            .as(key.abbreviated()).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("BytesGoMap key type " + key.abbreviated() + " is not supported: Go"
                + " hashes it in more than " + MAX_STEPS + " steps (one per float, per"
                + " half of a complex number and per run of plain memory outside _ fields, an"
                + " array's elements one by one), and a BytesGoMap holds keys hashed in at most "
                + MAX_STEPS + " steps")
            .message().hasSizeLessThan(400);
      }
    });
  }

  @Test
  @DisplayName("Building a BytesGoMap lays out each distinct part of its key at most once on its"
      + " own, once for each distinct part that holds it and once for the bucket")
  void eachPartIsLaidOutOncePerHolder() {
    Map<GoType, Integer> calls = new IdentityHashMap<>();
    PlatformLayout counting = new GcPlatformLayout(TestLayouts.AMD64) {
      @Override
      public int spiVersion() {
        return SPI_VERSION;
      }

      @Override
      public TypeLayout typeLayout(GoType type) {
        calls.merge(type, 1, Integer::sum);
        return super.typeLayout(type);
      }
    };
    int levels = 12;
    GoType key = doubled(GoType.FLOAT32, levels); // 2^11 floats on 12 levels
    assertThat(amd64(key, GoType.INT32).layout(counting).buildBytes().keySize())
        .isEqualTo(4 << 11);
    assertThat(calls).hasSize(levels + 1); // and int32
    // float32, the innermost part: on its own, for each of the 11 structs and for the bucket
    assertThat(calls.get(GoType.FLOAT32)).isEqualTo(levels + 1);
    assertThat(calls.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(levels + 1));
  }
}
