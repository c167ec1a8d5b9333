package io.gomap4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.api.MapStats;
import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.engine.growth.Go119ShrinkGrowthPolicy;
import io.gomap4j.engine.internal.MapInternals;
import io.gomap4j.engine.testing.TestHashes;
import io.gomap4j.engine.testing.TestLayouts;
import io.gomap4j.engine.testing.TestPlugins;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Global defaults: parsing and precedence. */
class SettingsTest {

  @Test
  @DisplayName("A seed parses as decimal, signed or unsigned, or as unsigned hex after 0x")
  void parseSeed() {
    assertThat(Settings.parseSeed("s", "42")).isEqualTo(42);
    assertThat(Settings.parseSeed("s", " -7 ")).isEqualTo(-7);
    assertThat(Settings.parseSeed("s", "0x10")).isEqualTo(16);
    assertThat(Settings.parseSeed("s", "0XfF")).isEqualTo(255);
    assertThat(Settings.parseSeed("s", "0xffffffffffffffff")).isEqualTo(-1);
    assertThat(Settings.parseSeed("s", "-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(Settings.parseSeed("s", "18446744073709551615")).isEqualTo(-1);
    assertThat(Settings.parseSeed("s", "+9223372036854775808")).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  @DisplayName("A malformed seed is refused with a message naming the setting, the input (each"
      + " control character in it as \\u00XX) and the expected form")
  void parseSeedErrors() {
    for (String bad : List.of("abc", "", "0x", "0xg1", "1.5", "99999999999999999999",
        "18446744073709551616", "-9223372036854775809", "0x1ffffffffffffffff", "--1")) {
      assertThatThrownBy(() -> Settings.parseSeed(Settings.SEED, bad))
          .as("'%s'", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("gomap4j.seed must be a 64-bit integer, decimal (-2^63 to 2^64-1) or hex"
              + " with 0x, got '" + bad
              + "'");
    }
    assertThatThrownBy(() -> Settings.parseSeed(Settings.SEED, "a\nb\u001b[2J"))
        .hasMessage("gomap4j.seed must be a 64-bit integer, decimal (-2^63 to 2^64-1) or hex"
            + " with 0x, got 'a\\u000ab\\u001b[2J'");
  }

  @Test
  @DisplayName("A setting comes from a system property, trimmed; a blank one counts as unset")
  void systemProperties() {
    String key = "gomap4j.test-only." + System.nanoTime();
    assertThat(Settings.get(key)).isEmpty();
    System.setProperty(key, "  value ");
    try {
      assertThat(Settings.get(key)).isEqualTo(Optional.of("value"));
      System.setProperty(key, "   ");
      assertThat(Settings.get(key)).isEmpty();
    } finally {
      System.clearProperty(key);
    }
  }

  @Test
  @DisplayName("The builder falls back to the gomap4j.seed and gomap4j.hash properties, and reports"
      + " a malformed seed by the property's name")
  void builderUsesProperties() {
    String oldSeed = System.getProperty(Settings.SEED);
    String oldHash = System.getProperty(Settings.HASH);
    try {
      System.setProperty(Settings.SEED, "0x2a");
      System.setProperty(Settings.HASH, TestHashes.CONSTANT);
      GoMaps.Builder b = GoMaps.builder().plugins(TestPlugins.registry()).layout("amd64")
          .keyMaterial(TestPlugins.KEY_MATERIAL);
      assertThat(b.describe()).contains("hash=" + TestHashes.CONSTANT, "seed=0x2a",
          "growth=go119");
      LongLongGoMap m1 = b.buildLongLong();
      LongLongGoMap m2 = b.buildLongLong();
      LongLongGoMap m3 = TestPlugins.builder(TestHashes.CONSTANT, "amd64", 42).buildLongLong();
      assertThat(MapInternals.state(m1).hash0()).isEqualTo(MapInternals.state(m2).hash0())
          .isEqualTo(MapInternals.state(m3).hash0());
      System.setProperty(Settings.SEED, "forty-two");
      assertThatThrownBy(b::buildLongLong)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("gomap4j.seed")
          .hasMessageContaining("forty-two");
      assertThat(b.seed(5).buildLongLong()).isNotNull();
    } finally {
      restore(Settings.SEED, oldSeed);
      restore(Settings.HASH, oldHash);
    }
  }

  @Test
  @DisplayName("An unknown plugin name in gomap4j.hash, gomap4j.layout or gomap4j.growth is refused"
      + " naming the setting, its value (each control character in it as \\u00XX, so that a newline"
      + " or a terminal escape cannot split or garble the message) and the available plugins")
  void unknownPluginNameInASetting() {
    // the value set, as the message quotes it
    String[][] values = {{"nope", "nope"}, {"a\nb\u001b[2J", "a\\u000ab\\u001b[2J"}};
    for (String key : new String[] {Settings.HASH, Settings.LAYOUT, Settings.GROWTH}) {
      for (String[] value : values) {
        String old = System.getProperty(key);
        try {
          System.setProperty(key, value[0]);
          GoMaps.Builder b = GoMaps.builder().plugins(TestPlugins.registry())
              .keyMaterial(TestPlugins.KEY_MATERIAL);
          if (!key.equals(Settings.HASH)) {
            b.hash(TestHashes.MIX);
          }
          assertThatThrownBy(b::buildLongLong)
              .as(key).isInstanceOf(IllegalArgumentException.class)
              .hasMessageStartingWith(key + " (a system property or gomap4j.properties) is '"
                  + value[1] + "': unknown ")
              .hasMessageContaining("available")
              .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\u001b"));
        } finally {
          restore(key, old);
        }
      }
    }
  }

  @Test
  @DisplayName("Settings are read when a map is built: a changed gomap4j.hash, gomap4j.layout or"
      + " gomap4j.growth, or a changed os.arch while gomap4j.layout is unset, applies to the next"
      + " map of the same builder")
  void pluginSettingsAreReadAtBuildTime() {
    String[] keys = {Settings.HASH, Settings.LAYOUT, Settings.GROWTH, "os.arch"};
    String[] old = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      old[i] = System.getProperty(keys[i]);
    }
    Plugins plugins = TestPlugins.registry().with(List.of(new Go119ShrinkGrowthPolicy()));
    GoMaps.Builder b = GoMaps.builder().plugins(plugins).seed(7)
        .keyMaterial(TestPlugins.KEY_MATERIAL);
    try {
      System.setProperty(Settings.HASH, TestHashes.MIX);
      System.setProperty(Settings.LAYOUT, TestPlugins.I386);
      System.setProperty(Settings.GROWTH, Go119GrowthPolicy.NAME);
      assertThat(b.describe()).startsWith("hash=test-mix layout=386 growth=go119 ");
      assertThat(filled(b)).isEqualTo(filled(TestPlugins.builder(TestPlugins.I386, 7)));

      System.setProperty(Settings.HASH, TestHashes.CONSTANT);
      System.setProperty(Settings.LAYOUT, TestPlugins.AMD64);
      System.setProperty(Settings.GROWTH, Go119ShrinkGrowthPolicy.NAME);
      assertThat(b.describe())
          .startsWith("hash=test-collide-const layout=amd64 growth=go119-shrink ");
      assertThat(filled(b))
          .isEqualTo(filled(TestPlugins.builder(TestHashes.CONSTANT, TestPlugins.AMD64, 7)
              .plugins(plugins).growth(Go119ShrinkGrowthPolicy.NAME)))
          .isNotEqualTo(filled(TestPlugins.builder(TestPlugins.I386, 7)));

      System.clearProperty(Settings.LAYOUT);
      String[][] archs = {{"i686", "386"}, {"S390X", "s390x"}, {"x86_64", "amd64"},
          {"sparcv9", "amd64"}, {"i386", "386"}, {"i386", "386"}};
      for (String[] arch : archs) {
        System.setProperty("os.arch", arch[0]);
        assertThat(b.describe()).as(arch[0]).contains(" layout=" + arch[1] + " ");
      }
    } finally {
      for (int i = 0; i < keys.length; i++) {
        restore(keys[i], old[i]);
      }
    }
  }

  @Test
  @DisplayName("The JVM's GOARCH follows os.arch, read on every call and compared without case")
  void jvmGoarchFollowsOsArch() {
    String old = System.getProperty("os.arch");
    try {
      String[][] archs = {{"aarch64", "arm64"}, {"aarch64", "arm64"}, {"AMD64", "amd64"},
          {"mips64el", "mips64le"}, {"sparcv9", null}, {"", null}, {"x86", "386"}};
      for (String[] arch : archs) {
        System.setProperty("os.arch", arch[0]);
        assertThat(Settings.jvmGoarch()).as(arch[0]).isEqualTo(Optional.ofNullable(arch[1]));
      }
    } finally {
      restore("os.arch", old);
    }
  }

  /** The stats of a map[int64]int64 from {@code b} after the same 200 puts. */
  private static MapStats filled(GoMaps.Builder b) {
    LongLongGoMap m = b.buildLongLong();
    for (long k = 0; k < 200; k++) {
      m.put(k * 0x9E3779B97F4A7C15L, k);
    }
    return m.stats();
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  @Test
  @DisplayName("The default layout is the JVM's GOARCH when that layout is installed, else amd64")
  void defaultLayout() {
    assertThat(Settings.defaultLayout(Plugins.of(List.of()))).isEqualTo("amd64");
    Optional<String> jvm = Settings.jvmGoarch();
    if (jvm.isPresent()) {
      Plugins p = Plugins.of(List.of(new io.gomap4j.spi.GcPlatformLayout(
          new io.gomap4j.spi.Platform(jvm.get(), 8, 8, TestLayouts.AMD64.byteOrder())) {
        @Override
        public int spiVersion() {
          return SPI_VERSION;
        }
      }));
      assertThat(Settings.defaultLayout(p)).isEqualTo(jvm.get());
    }
  }
}
