package io.gomap4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gomap4j.api.GoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.engine.growth.Go119ShrinkGrowthPolicy;
import io.gomap4j.engine.internal.MapInternals;
import io.gomap4j.engine.internal.MapState;
import io.gomap4j.engine.testing.MixHasher;
import io.gomap4j.engine.testing.ShrinkPolicies;
import io.gomap4j.engine.testing.TestHashes;
import io.gomap4j.engine.testing.TestLayouts;
import io.gomap4j.engine.testing.TestPlugins;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.spi.TypeLayout;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bad input is refused with a message naming it and what is allowed, and changes nothing. */
class BadInputTest {

  private static LongLongGoMap map(GoType key, GoType elem) {
    LongLongGoMap m = TestPlugins.builder(TestPlugins.AMD64, 3).keyType(key).elemType(elem)
        .buildLongLong();
    for (int i = 0; i < 30; i++) {
      m.put(i, i);
    }
    return m;
  }

  private static Map<Long, Long> contents(LongLongGoMap m) {
    Map<Long, Long> out = new HashMap<>();
    m.forEach(out::put);
    return out;
  }

  @Test
  @DisplayName("A negative expectedSize is refused with a message naming it and the allowed range")
  void negativeExpectedSize() {
    assertThatThrownBy(() -> GoMaps.builder().expectedSize(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expectedSize")
        .hasMessageContaining("-5")
        .hasMessageContaining(">= 0");
  }

  @Test
  @DisplayName("A size hint too large for the engine but kept by Go's makemap is refused at once,"
      + " naming the hint and the largest B; hints above 13 * 2^59 used to hang, and now give B=0"
      + " as in Go (MakemapHintTest)")
  void hugeExpectedSize() {
    // The builder models map[unsafe.Pointer]unsafe.Pointer; Go keeps hints up to maxAlloc / its
    // bucket size on amd64.
    long cutoff = PlatformLayout.MAX_ALLOC_64 / new TestLayouts.Amd64()
        .bucketLayout(GoType.UNSAFE_POINTER, GoType.UNSAFE_POINTER).bucketSize();
    for (long hint : new long[] {1L << 40, cutoff}) {
      for (GrowthPolicy growth : new GrowthPolicy[] {
          new Go119GrowthPolicy(), new Go119ShrinkGrowthPolicy()}) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
            assertThatThrownBy(
                () -> TestPlugins.builder(TestPlugins.AMD64, 1).growth(growth).expectedSize(hint)
                    .build())
                .as("%s, hint %d", growth.name(), hint)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("for the size hint " + hint)
                .hasMessageContaining("B must be in 0.." + MapInternals.MAX_B + " (at most 2^"
                    + MapInternals.MAX_B + " buckets), so give a hint of at most "
                    + MapInternals.largestHint(growth)));
      }
    }
  }

  /** The amd64 test layout, named broken-amd64, with its buckets changed by {@code change}. */
  private static PlatformLayout brokenAmd64(
      java.util.function.UnaryOperator<BucketLayout> change) {
    return TestLayouts.broken("broken-amd64", change);
  }

  private static BucketLayout with(BucketLayout l, int keySlot, int keysOffset, int elemsOffset,
      int overflowOffset, int bucketSize) {
    return new BucketLayout(l.key(), l.elem(), l.keyType(), l.elemType(), keySlot,
        l.elemSlotSize(), l.indirectKey(), l.indirectElem(), keysOffset, elemsOffset,
        overflowOffset, l.overflowSize(), bucketSize, l.bucketAlign());
  }

  @Test
  @DisplayName("A layout plugin whose buckets cannot hold their entries is refused, naming it,"
      + " before any entry is stored")
  void inconsistentBucketLayout() {
    Map<String, java.util.function.UnaryOperator<BucketLayout>> cases = Map.of(
        "elems over keys", l -> with(l, l.keySlotSize(), l.keysOffset(), l.keysOffset(),
            l.overflowOffset(), l.bucketSize()),
        "keys over tophash", l -> with(l, l.keySlotSize(), 0, l.elemsOffset(),
            l.overflowOffset(), l.bucketSize()),
        "short key slots", l -> with(l, 4, l.keysOffset(), l.elemsOffset(), l.overflowOffset(),
            l.bucketSize()),
        "bucket too small", l -> with(l, l.keySlotSize(), l.keysOffset(), l.elemsOffset(),
            l.overflowOffset(), l.overflowOffset() + 2),
        "negative offset", l -> with(l, l.keySlotSize(), -8, l.elemsOffset(),
            l.overflowOffset(), l.bucketSize()));
    cases.forEach((name, change) -> {
      PlatformLayout broken = brokenAmd64(change);
      assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).layout(broken)
          .buildLongLong())
          .as(name).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("layout 'broken-amd64' gives map[int64]int64");
      assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).layout(broken)
          .keyType(GoType.parse("[3]int32")).elemType(GoType.INT64).buildBytes())
          .as(name).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("layout 'broken-amd64' gives map[[3]int32]int64");
    });
  }

  @Test
  @DisplayName("A layout that sizes an int64 slot as 4 bytes, type and all, is refused for"
      + " LongLongGoMap")
  void int64InFourBytes() {
    PlatformLayout broken = brokenAmd64(l -> new BucketLayout(l.key(), l.elem(),
        new TypeLayout(4, 4), l.elemType(), 4, l.elemSlotSize(), false, false, l.keysOffset(),
        l.keysOffset() + 32, l.keysOffset() + 32 + 8 * l.elemSlotSize(), l.overflowSize(),
        l.keysOffset() + 32 + 8 * l.elemSlotSize() + l.overflowSize(), l.bucketAlign()));
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).layout(broken)
        .buildLongLong())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("layout 'broken-amd64' gives map[int64]int64 with 4-byte key and"
            + " 8-byte elem slots")
        .hasMessageContaining("int64 and uint64 take 8 bytes");
  }

  @Test
  @DisplayName("An unknown hash, layout or growth name is refused with a message listing the"
      + " available names")
  void unknownNames() {
    assertThatThrownBy(() -> TestPlugins.builder("no-such-hash", TestPlugins.AMD64, 1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown hash plugin 'no-such-hash'")
        .hasMessageContaining(TestHashes.MIX)
        .hasMessageContaining(TestHashes.LOW16);
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).layout("vax")
        .buildLongLong())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown layout plugin 'vax'")
        .hasMessageContaining("386")
        .hasMessageContaining("amd64")
        .hasMessageContaining("s390x");
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).growth("go118").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown growth plugin 'go118'")
        .hasMessageContaining("go119");
  }

  @Test
  @DisplayName("A hash provider that does not support the layout's platform is refused, naming"
      + " both")
  void unsupportedPlatform() {
    HashProvider only64 = new TestHashes.Mix() {
      @Override
      public boolean supports(Platform platform) {
        return platform.bits() == 64;
      }

      @Override
      public String supportedPlatforms() {
        return "64-bit platforms";
      }
    };
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.I386, 1).hash(only64).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'test-mix'")
        .hasMessageContaining("386")
        .hasMessageContaining("64-bit platforms");
  }

  @Test
  @DisplayName("A hasher whose width differs from the platform's is refused")
  void hasherOfWrongWidth() {
    HashProvider wrong = new TestHashes.Mix() {
      @Override
      public Hasher create(Platform platform, KeyMaterial keyMaterial) {
        return new MixHasher(64, 1);
      }
    };
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.I386, 1).hash(wrong).buildLongLong())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("64 bits")
        .hasMessageContaining("expected 32 bits");
  }

  /** A hash provider like {@link TestHashes.Mix} whose {@code what} call throws {@code e}. */
  private static HashProvider throwing(String what, RuntimeException e) {
    return new TestHashes.Mix() {
      @Override
      public int spiVersion() {
        if (what.equals("spiVersion")) {
          throw e;
        }
        return super.spiVersion();
      }

      @Override
      public boolean supports(Platform platform) {
        if (what.equals("supports")) {
          throw e;
        }
        return super.supports(platform);
      }

      @Override
      public Hasher create(Platform platform, KeyMaterial keyMaterial) {
        if (what.equals("create")) {
          throw e;
        }
        return super.create(platform, keyMaterial);
      }
    };
  }

  @Test
  @DisplayName("A plugin passed to the builder as an instance is refused as the registry refuses"
      + " it: built for another SPI version, without a name, or failing to tell them")
  void pluginInstancesAreIdentifiedAsTheRegistryIdentifiesThem() {
    HashProvider future = new TestHashes.Mix() {
      @Override
      public int spiVersion() {
        return SPI_VERSION + 1;
      }
    };
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).hash(future).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("refused hash plugin 'test-mix' (" + future.getClass().getName() + "): built"
            + " for HashProvider SPI version " + (HashProvider.SPI_VERSION + 1) + ", this engine"
            + " supports version " + HashProvider.SPI_VERSION + " (passed to the builder's"
            + " hash(...))");
    PlatformLayout nameless = TestLayouts.withMaxAlloc(null, TestLayouts.AMD64,
        PlatformLayout.MAX_ALLOC_64);
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).layout(nameless)
        .buildLongLong())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("layout plugin " + nameless.getClass().getName() + " has no name")
        .hasMessageEndingWith("(passed to the builder's layout(...))");
    GrowthPolicy mute = new ShrinkPolicies.GoBased() {
      @Override
      public String name() {
        throw new UnsupportedOperationException("no name yet");
      }
    };
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).growth(mute).describe())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("growth plugin " + mute.getClass().getName()
            + " failed to report its name or version: java.lang.UnsupportedOperationException:"
            + " no name yet");
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1)
        .hash(throwing("spiVersion", new IllegalStateException("boom"))).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("failed to report its name or version: "
            + "java.lang.IllegalStateException: boom");
  }

  @Test
  @DisplayName("What a plugin throws while the builder asks it for its platform, whether it"
      + " supports it, or a hasher is told naming the plugin and the call, with the cause")
  void pluginFailuresNameThePluginAndTheCall() {
    RuntimeException boom = new NullPointerException("boom");
    HashProvider badSupports = throwing("supports", boom);
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).hash(badSupports).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("hash 'test-mix' (" + badSupports.getClass().getName() + ") failed in"
            + " supports(amd64): java.lang.NullPointerException: boom")
        .hasCause(boom);
    HashProvider badCreate = throwing("create", boom);
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.I386, 1).hash(badCreate)
        .buildLongLong())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("hash 'test-mix' (" + badCreate.getClass().getName() + ") failed in"
            + " create(386): java.lang.NullPointerException: boom")
        .hasCause(boom);
    IllegalArgumentException refusal = new IllegalArgumentException("no key material for 386");
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.I386, 1)
        .hash(throwing("create", refusal)).buildLongLong())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hash 'test-mix' refused to create a hasher for 386 (32-bit, little-endian)"
            + " with builder key material: no key material for 386")
        .hasCause(refusal);
    HashProvider silent = new TestHashes.Mix() {
      @Override
      public boolean supports(Platform platform) {
        return false;
      }

      @Override
      public String supportedPlatforms() {
        return null;
      }
    };
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).hash(silent).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hash 'test-mix' does not support platform amd64; it supports (it did not"
            + " say: supportedPlatforms() returned null)");
    PlatformLayout noPlatform = new PlatformLayout() {
      @Override
      public String name() {
        return "noplat";
      }

      @Override
      public int spiVersion() {
        return SPI_VERSION;
      }

      @Override
      public Platform platform() {
        return null;
      }

      @Override
      public TypeLayout typeLayout(GoType type) {
        throw new AssertionError("not asked");
      }

      @Override
      public BucketLayout bucketLayout(GoType key, GoType elem) {
        throw new AssertionError("not asked");
      }
    };
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).layout(noPlatform).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("layout 'noplat' (" + noPlatform.getClass().getName() + ") has no platform:"
            + " platform() returned null");
  }

  @Test
  @DisplayName("What a layout or growth policy throws while a map is made (its bucket layout, its"
      + " maxAlloc, the first B, the evacuation rate) is told naming the plugin and the call; a"
      + " layout's refusal of a type stays an IllegalArgumentException")
  void pluginFailuresWhileAMapIsMade() {
    RuntimeException boom = new NullPointerException("boom");
    GrowthPolicy noB = new ShrinkPolicies.GoBased() {
      @Override
      public String name() {
        return "nob";
      }

      @Override
      public int initialB(long hint) {
        throw boom;
      }
    };
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).growth(noB)
        .expectedSize(100).buildLongLong())
        .isInstanceOf(PluginFailureException.class)
        .hasMessage("growth '" + noB.name() + "' (" + noB.getClass().getName() + ") failed in"
            + " initialB(100): java.lang.NullPointerException: boom")
        .hasCause(boom);
    GrowthPolicy noRate = new ShrinkPolicies.GoBased() {
      @Override
      public String name() {
        return "norate";
      }

      @Override
      public int extraEvacuationsPerWrite() {
        throw boom;
      }
    };
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).growth(noRate).build())
        .isInstanceOf(PluginFailureException.class)
        .hasMessageContaining("failed in extraEvacuationsPerWrite(): ")
        .hasCause(boom);
    PlatformLayout noBucket = new Amd64Layout() {
      @Override
      public BucketLayout bucketLayout(GoType key, GoType elem) {
        throw boom;
      }
    };
    for (ThrowingCallable build : List.<ThrowingCallable>of(
        () -> TestPlugins.builder(TestPlugins.AMD64, 1).layout(noBucket).build(),
        () -> TestPlugins.builder(TestPlugins.AMD64, 1).layout(noBucket).buildLongLong(),
        () -> TestPlugins.builder(TestPlugins.AMD64, 1).layout(noBucket)
            .keyType(GoType.INT64).elemType(GoType.INT64).buildBytes())) {
      assertThatThrownBy(build)
          .isInstanceOf(PluginFailureException.class)
          .hasMessageStartingWith("layout 'amd64' (" + noBucket.getClass().getName()
              + ") failed in bucketLayout(")
          .hasCause(boom);
    }
    PlatformLayout noMaxAlloc = new Amd64Layout() {
      @Override
      public long maxAlloc() {
        throw boom;
      }
    };
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).layout(noMaxAlloc)
        .buildLongLong())
        .isInstanceOf(PluginFailureException.class)
        .hasMessageContaining("failed in maxAlloc(): java.lang.NullPointerException: boom");
    PlatformLayout refusing = new Amd64Layout() {
      @Override
      public BucketLayout bucketLayout(GoType key, GoType elem) {
        throw new IllegalArgumentException("no such type here");
      }
    };
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).layout(refusing).build())
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("no such type here");
  }

  /** The amd64 layout under the name "amd64", for a test to override one call of. */
  private static class Amd64Layout extends GcPlatformLayout {
    Amd64Layout() {
      super(TestLayouts.AMD64);
    }

    @Override
    public String name() {
      return "amd64";
    }

    @Override
    public int spiVersion() {
      return SPI_VERSION;
    }
  }

  /** A name, or a platform's GOARCH, with a terminal escape and a newline. */
  private static final String RAW = "x\u001b[2J\ny";

  /** {@link #RAW} as a message shows it. */
  private static final String SHOWN = "x\\u001b[2J\\u000ay";

  @Test
  @DisplayName("The builder's messages and describe() show a plugin instance's name, platform and"
      + " supported platforms with each control character as \\u00XX")
  void controlCharactersOfPluginInstancesAreEscaped() {
    HashProvider refusing = new TestHashes.Mix() {
      @Override
      public String name() {
        return RAW;
      }

      @Override
      public boolean supports(Platform platform) {
        return false;
      }

      @Override
      public String supportedPlatforms() {
        return "only " + RAW;
      }
    };
    PlatformLayout layout = TestLayouts.withMaxAlloc("lay" + RAW,
        new Platform("arch" + RAW, 8, 8, ByteOrder.LITTLE_ENDIAN),
        PlatformLayout.MAX_ALLOC_64);
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).hash(refusing)
        .layout(layout).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hash '" + SHOWN + "' does not support platform arch" + SHOWN
            + "; it supports only " + SHOWN);

    HashProvider wrongWidth = new TestHashes.Mix() {
      @Override
      public String name() {
        return RAW;
      }

      @Override
      public Hasher create(Platform platform, KeyMaterial keyMaterial) {
        return new MixHasher(32, 1);
      }
    };
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).hash(wrongWidth)
        .layout(layout).buildLongLong())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("hash '" + SHOWN + "' made a hasher of 32 bits for arch" + SHOWN
            + " (64-bit, little-endian); expected 64 bits");

    GrowthPolicy growth = new ShrinkPolicies.GoBased() {
      @Override
      public String name() {
        return "grow" + RAW;
      }
    };
    HashProvider named = new TestHashes.Mix() {
      @Override
      public String name() {
        return RAW;
      }
    };
    assertThat(TestPlugins.builder(TestPlugins.AMD64, 1).hash(named).layout(layout)
        .growth(growth).describe())
        .startsWith("hash=" + SHOWN + " layout=lay" + SHOWN + " growth=grow" + SHOWN + " seed=");
  }

  /** A growth policy of Go's rules, named {@link #RAW}, with {@code initialB} and {@code onInsert}. */
  private static GrowthPolicy rawPolicy(int extra, int initialB, GrowthPolicy.Grow onInsert) {
    return new ShrinkPolicies.GoBased() {
      @Override
      public String name() {
        return RAW;
      }

      @Override
      public int extraEvacuationsPerWrite() {
        return extra;
      }

      @Override
      public int initialB(long hint) {
        return initialB;
      }

      @Override
      public Grow onInsert(long countAfter, int b, int noverflow) {
        return onInsert;
      }
    };
  }

  @Test
  @DisplayName("The maps' messages show the name of a layout or growth policy passed as an instance"
      + " with each control character as \\u00XX")
  void controlCharactersInTheMapsMessagesAreEscaped() {
    GoType int32x3 = GoType.parse("[3]int32");
    PlatformLayout sound = TestLayouts.withMaxAlloc(RAW, TestLayouts.AMD64,
        PlatformLayout.MAX_ALLOC_64);
    GrowthPolicy halves = rawPolicy(1, 0, GrowthPolicy.Grow.HALVE);
    // What to build, and what its message must hold.
    Map<String, ThrowingCallable> cases = new LinkedHashMap<>();
    cases.put("layout '" + SHOWN + "' gives maxAlloc 0", () -> TestPlugins.builder(
        TestPlugins.AMD64, 1).layout(TestLayouts.withMaxAlloc(RAW, TestLayouts.AMD64, 0)).build());
    cases.put("layout '" + SHOWN + "' gives map[unsafe.Pointer]unsafe.Pointer buckets of 0 bytes",
        () -> TestPlugins.builder(TestPlugins.AMD64, 1).layout(TestLayouts.broken(RAW,
            l -> with(l, l.keySlotSize(), l.keysOffset(), l.elemsOffset(), l.overflowOffset(), 0)))
            .build());
    cases.put("layout '" + SHOWN + "' gives map[int64]int64 tophash at 0, keys at -8",
        () -> TestPlugins.builder(TestPlugins.AMD64, 1).layout(TestLayouts.broken(RAW,
            l -> with(l, l.keySlotSize(), -8, l.elemsOffset(), l.overflowOffset(),
                l.bucketSize()))).buildLongLong());
    cases.put("layout '" + SHOWN + "' stores map[int64]int64 on " + SHOWN + " indirectly",
        () -> TestPlugins.builder(TestPlugins.AMD64, 1).layout(TestLayouts.broken(RAW, l -> indirectKey(l)))
            .buildLongLong());
    cases.put("layout '" + SHOWN + "' gives map[int64]int64 with 4-byte key", () ->
        TestPlugins.builder(TestPlugins.AMD64, 1).layout(TestLayouts.broken(RAW, l -> new BucketLayout(
            l.key(), l.elem(), new TypeLayout(4, 4), l.elemType(), 4, l.elemSlotSize(), false,
            false, l.keysOffset(), l.keysOffset() + 32, l.keysOffset() + 32 + 8 * l.elemSlotSize(),
            l.overflowSize(), l.keysOffset() + 32 + 8 * l.elemSlotSize() + l.overflowSize(),
            l.bucketAlign()))).buildLongLong());
    cases.put("layout '" + SHOWN + "' gives map[[3]int32]int64 indirect slots of 12 and 8 bytes",
        () -> TestPlugins.builder(TestPlugins.AMD64, 1).layout(TestLayouts.broken(RAW, l -> indirectKey(l)))
            .keyType(int32x3).elemType(GoType.INT64).buildBytes());
    cases.put("the map's key type [3]int32 is 12 bytes on " + SHOWN, () -> TestPlugins.builder(
        TestPlugins.AMD64, 1).layout(sound).keyType(int32x3).elemType(GoType.INT64).buildBytes()
        .put(new byte[1], new byte[8]));
    cases.put("growth policy '" + SHOWN + "' evacuates 0 extra buckets", () -> TestPlugins
        .builder(TestPlugins.AMD64, 1).growth(rawPolicy(0, 0, GrowthPolicy.Grow.NONE)).build());
    cases.put("growth policy '" + SHOWN + "' chose B=-1", () -> TestPlugins.builder(
        TestPlugins.AMD64, 1).growth(rawPolicy(1, -1, GrowthPolicy.Grow.NONE)).build());
    cases.put("growth policy '" + SHOWN + "' chose B=99", () -> TestPlugins.builder(
        TestPlugins.AMD64, 1).growth(rawPolicy(1, 99, GrowthPolicy.Grow.NONE)).build());
    cases.put("would pass " + SHOWN + "'s maxAlloc of", () -> TestPlugins.builder(
        TestPlugins.AMD64, 1).layout(sound).growth(rawPolicy(1, 99, GrowthPolicy.Grow.NONE))
        .build());
    cases.put("growth policy '" + SHOWN + "' (", () -> TestPlugins.builder(TestPlugins.AMD64, 1)
        .growth(halves).buildLongLong().put(1, 1));
    cases.put("in map[unsafe.Pointer]unsafe.Pointer of Java objects on " + SHOWN + ";",
        () -> TestPlugins.builder(TestPlugins.AMD64, 1).layout(sound).growth(halves).build()
            .put(1, 1));
    cases.put("in map[int64]int64 on " + SHOWN + ";", () -> TestPlugins.builder(
        TestPlugins.AMD64, 1).layout(sound).growth(halves).buildLongLong().put(1, 1));
    cases.put("in map[[3]int32]int64 on " + SHOWN + ";", () -> TestPlugins.builder(
        TestPlugins.AMD64, 1).layout(sound).growth(halves).keyType(int32x3)
        .elemType(GoType.INT64).buildBytes().put(new byte[12], new byte[8]));
    SoftAssertions.assertSoftly(soft -> cases.forEach((shown, build) ->
        soft.assertThatThrownBy(build).as(shown)
            .hasMessageContaining(shown)
            .hasMessageNotContaining("\u001b")
            .hasMessageNotContaining("\n")));
  }

  /** {@code l} with its keys stored indirectly, in slots of the size they had. */
  private static BucketLayout indirectKey(BucketLayout l) {
    return new BucketLayout(l.key(), l.elem(), l.keyType(), l.elemType(), l.keySlotSize(),
        l.elemSlotSize(), true, l.indirectElem(), l.keysOffset(), l.elemsOffset(),
        l.overflowOffset(), l.overflowSize(), l.bucketSize(), l.bucketAlign());
  }

  @Test
  @DisplayName("An int32 LongLongGoMap refuses a key outside the int32 range, naming the key and"
      + " the range, and is left unchanged")
  void int32KeyOutOfRange() {
    LongLongGoMap m = map(GoType.INT32, GoType.INT64);
    Map<Long, Long> before = contents(m);
    MapState state = MapInternals.state(m);
    long big = 1L << 40;
    assertThatThrownBy(() -> m.put(big, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key " + big)
        .hasMessageContaining("int32")
        .hasMessageContaining("-2147483648..2147483647");
    assertThatThrownBy(() -> m.put(Integer.MAX_VALUE + 1L, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2147483648");
    assertThat(m.containsKey(big)).isFalse();
    assertThat(m.get(big)).isZero();
    assertThat(m.getOrDefault(big, 42)).isEqualTo(42);
    assertThat(m.remove(big)).isZero();
    // A key that would truncate to a present int32 key is not that key.
    assertThat(m.containsKey((1L << 32) + 5)).isFalse();
    assertThat(m.remove((1L << 32) + 5)).isZero();
    assertThat(contents(m)).isEqualTo(before);
    assertThat(MapInternals.state(m)).isEqualTo(state);
    MapInternals.checkInvariants(m);
    m.put(Integer.MIN_VALUE, 1);
    m.put(Integer.MAX_VALUE, 2);
    assertThat(m.get(Integer.MIN_VALUE)).isEqualTo(1);
    assertThat(m.get(Integer.MAX_VALUE)).isEqualTo(2);
  }

  @Test
  @DisplayName("A uint32 LongLongGoMap refuses negative keys and values above 2^32-1, and reads"
      + " stored values back unsigned")
  void uint32Range() {
    LongLongGoMap m = map(GoType.UINT32, GoType.UINT32);
    Map<Long, Long> before = contents(m);
    MapState state = MapInternals.state(m);
    assertThatThrownBy(() -> m.put(-1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key -1")
        .hasMessageContaining("uint32")
        .hasMessageContaining("0..4294967295");
    assertThatThrownBy(() -> m.put(1, 1L << 32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value 4294967296")
        .hasMessageContaining("uint32")
        .hasMessageContaining("0..4294967295");
    assertThatThrownBy(() -> m.put(2, -7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value -7");
    assertThat(m.containsKey(-1)).isFalse();
    assertThat(contents(m)).isEqualTo(before);
    assertThat(MapInternals.state(m)).isEqualTo(state);
    m.put(0xFFFF_FFFFL, 0xFFFF_FFFFL);
    assertThat(m.get(0xFFFF_FFFFL)).isEqualTo(0xFFFF_FFFFL);
    assertThat(m.containsKey(0xFFFF_FFFFL)).isTrue();
    assertThat(contents(m)).containsEntry(0xFFFF_FFFFL, 0xFFFF_FFFFL);
  }

  @Test
  @DisplayName("An int32 value out of range is refused naming the value; uint64 values keep all 64"
      + " bits")
  void valueRanges() {
    LongLongGoMap i32 = map(GoType.INT64, GoType.INT32);
    assertThatThrownBy(() -> i32.put(1, 1L << 31))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value 2147483648")
        .hasMessageContaining("int32");
    assertThat(i32.get(1)).isEqualTo(1);
    i32.put(1, -5);
    assertThat(i32.get(1)).isEqualTo(-5);
    LongLongGoMap u64 = map(GoType.UINT64, GoType.UINT64);
    u64.put(-1, -1);
    assertThat(u64.get(-1)).isEqualTo(-1);
  }

  @Test
  @DisplayName("buildLongLong refuses key and value types other than int64, int32, uint64, uint32,"
      + " naming the type and the allowed ones")
  void unsupportedLongLongTypes() {
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).keyType(GoType.STRING)
        .buildLongLong())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key type")
        .hasMessageContaining("string")
        .hasMessageContaining("int64, int32, uint64, uint32");
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).elemType(GoType.FLOAT64)
        .buildLongLong())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value type")
        .hasMessageContaining("float64");
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).keyType(GoType.INT16)
        .buildLongLong())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("int16");
  }

  @Test
  @DisplayName("Null plugin names and instances are refused with a message naming the argument")
  void nullArguments() {
    GoMaps.Builder b = GoMaps.builder();
    assertThatThrownBy(() -> b.hash((String) null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("hash");
    assertThatThrownBy(() -> b.layout((String) null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("layout");
    assertThatThrownBy(() -> b.growth((String) null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("growth");
    assertThatThrownBy(() -> b.keyMaterial(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("keyMaterial");
    assertThatThrownBy(() -> b.plugins(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("plugins");
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  @DisplayName("The boxed view refuses a key or value that is not a Long with a"
      + " ClassCastException naming its class, and leaves the map unchanged")
  void boxedViewRefusesOtherTypes() {
    LongLongGoMap m = map(GoType.INT64, GoType.INT64);
    Map<Long, Long> before = contents(m);
    Map raw = m.boxed();
    assertThatThrownBy(() -> raw.put("seven", 7L))
        .isInstanceOf(ClassCastException.class)
        .hasMessageContaining("java.lang.String");
    assertThatThrownBy(() -> raw.put(7L, 7))
        .isInstanceOf(ClassCastException.class)
        .hasMessageContaining("java.lang.Integer");
    assertThatThrownBy(() -> raw.putAll(Map.of(1, 1L)))
        .isInstanceOf(ClassCastException.class)
        .hasMessageContaining("java.lang.Integer");
    assertThat(raw.get("seven")).isNull();
    assertThat(raw.containsKey(7)).as("Integer 7 is not Long 7").isFalse();
    assertThat(raw.remove(7)).isNull();
    assertThat(contents(m)).isEqualTo(before);
    MapInternals.checkInvariants(m);
  }

  @Test
  @DisplayName("The boxed view refuses null keys and values with a NullPointerException and leaves"
      + " the map unchanged")
  void boxedViewRefusesNull() {
    LongLongGoMap m = map(GoType.INT64, GoType.INT64);
    Map<Long, Long> before = contents(m);
    GoMap<Long, Long> boxed = m.boxed();
    assertThatThrownBy(() -> boxed.put(null, 1L)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("null key");
    assertThatThrownBy(() -> boxed.put(1L, null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("null value");
    assertThat(boxed.get(null)).isNull();
    assertThat(boxed.containsKey(null)).isFalse();
    assertThat(contents(m)).isEqualTo(before);
    assertThat(boxed.put(1L, 100L)).isEqualTo(1L);
    assertThat(boxed.put(1000L, 5L)).as("previous of an absent key").isNull();
    assertThat(boxed.remove(1000L)).isEqualTo(5L);
    assertThat(boxed.remove(1000L)).isNull();
    assertThat(m.get(1)).isEqualTo(100);
  }

  @Test
  @DisplayName("A boxed view of an int32 map refuses an out-of-range Long key and stays unchanged")
  void boxedInt32Range() {
    LongLongGoMap m = map(GoType.INT32, GoType.INT32);
    Map<Long, Long> before = contents(m);
    assertThatThrownBy(() -> m.boxed().put(1L << 40, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Long.toString(1L << 40));
    assertThat(m.boxed().get(1L << 40)).isNull();
    assertThat(contents(m)).isEqualTo(before);
  }

  @Test
  @DisplayName("A GoMap of objects accepts null keys and null values, as HashMap does")
  void objectMapAcceptsNulls() {
    GoMap<String, String> m = TestPlugins.builder(TestPlugins.AMD64, 1).build();
    Map<String, String> model = new HashMap<>();
    for (Map<String, String> map : java.util.List.of(m, model)) {
      assertThat(map.put(null, "a")).isNull();
      assertThat(map.put("b", null)).isNull();
      assertThat(map.put("c", "c")).isNull();
      assertThat(map.put(null, "a2")).isEqualTo("a");
    }
    assertThat(m).isEqualTo(model);
    assertThat(m.get(null)).isEqualTo("a2");
    assertThat(m.containsKey(null)).isTrue();
    assertThat(m.containsKey("b")).isTrue();
    assertThat(m.get("b")).isNull();
    assertThat(m.containsValue(null)).isTrue();
    assertThat(m.getOrDefault("b", "d")).isNull();
    assertThat(m.keySet()).containsExactlyInAnyOrder(null, "b", "c");
    assertThat(m.remove(null)).isEqualTo("a2");
    assertThat(m.containsKey(null)).isFalse();
    assertThat(m.remove("b")).isNull();
    assertThat(m).hasSize(1);
    assertThat(m.hashCode()).isEqualTo(Map.of("c", "c").hashCode());
    MapInternals.checkInvariants(m);
  }
}
