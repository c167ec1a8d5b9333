package io.gomap4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.engine.testing.MixHasher;
import io.gomap4j.engine.testing.TestLayouts;
import io.gomap4j.engine.testing.TestPlugins;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The gomap4j.keysched and gomap4j.hashkey settings: precedence, both-or-neither, bad input. */
class KeyMaterialSettingsTest {

  private static final String SCHED_256 = "0123456789abcdef".repeat(16);
  private static final String SCHED_128 = "fedcba9876543210".repeat(8);
  private static final String HASHKEY =
      "4d65822107fcfd53,78629a0f5f3f164f,d5104dc76695721d,b80704bb7b4d7c03";
  private static final String OTHER_HASHKEY = "1,2,3,4";

  /** A sound test hash that remembers the key material of every hasher it made. */
  static final class Recording implements HashProvider {
    final List<KeyMaterial> seen = new ArrayList<>();

    @Override
    public String name() {
      return "test-recording";
    }

    @Override
    public int spiVersion() {
      return SPI_VERSION;
    }

    @Override
    public Hasher create(Platform platform, KeyMaterial keyMaterial) {
      seen.add(keyMaterial);
      return new MixHasher(platform.bits(), keyMaterial.hashkey(0));
    }

    KeyMaterial last() {
      assertThat(seen).isNotEmpty();
      return seen.get(seen.size() - 1);
    }
  }

  private Recording hash;
  private String oldSched;
  private String oldKeys;

  @BeforeEach
  void saveProperties() {
    hash = new Recording();
    oldSched = System.getProperty(Settings.KEYSCHED);
    oldKeys = System.getProperty(Settings.HASHKEY);
    System.clearProperty(Settings.KEYSCHED);
    System.clearProperty(Settings.HASHKEY);
  }

  @AfterEach
  void restoreProperties() {
    restore(Settings.KEYSCHED, oldSched);
    restore(Settings.HASHKEY, oldKeys);
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  private static void set(String sched, String keys) {
    restore(Settings.KEYSCHED, sched);
    restore(Settings.HASHKEY, keys);
  }

  private GoMaps.Builder builder(String layout) {
    Plugins plugins = Plugins.of(List.of(hash, new TestLayouts.Amd64(), new TestLayouts.I386(),
        new Go119GrowthPolicy()));
    return GoMaps.builder().plugins(plugins).hash(hash.name()).layout(layout).seed(1);
  }

  @Test
  @DisplayName("Without the settings a map gets the process's key material, the same for every map")
  void processDefaultWhenUnset() {
    assertThat(Settings.keyMaterial()).isEmpty();
    builder("amd64").buildLongLong();
    builder("386").build();
    assertThat(hash.seen).hasSize(2).allMatch(km -> km == KeyMaterial.processDefault());
    assertThat(builder("amd64").describe()).endsWith(" keys=process-default");
  }

  @Test
  @DisplayName("Set together, gomap4j.keysched and gomap4j.hashkey are the key material of new"
      + " maps")
  void bothSet() {
    set(" " + SCHED_256 + " ", " " + HASHKEY + " ");
    KeyMaterial expected = KeyMaterial.fromHex(SCHED_256, HASHKEY);
    assertThat(Settings.keyMaterial()).isEqualTo(Optional.of(expected));

    builder("amd64").buildLongLong();
    assertThat(hash.last()).isEqualTo(expected);
    builder("386").build();
    assertThat(hash.last()).isEqualTo(expected);
    assertThat(builder("amd64").describe()).endsWith(" keys=properties")
        .doesNotContain(SCHED_256).doesNotContain("4d65822107fcfd53");
  }

  @Test
  @DisplayName("Settings are read when a map is built: a changed property applies to the next map")
  void readAtBuildTime() {
    GoMaps.Builder b = builder("amd64");
    b.buildLongLong();
    assertThat(hash.last()).isSameAs(KeyMaterial.processDefault());

    set(SCHED_256, HASHKEY);
    b.buildLongLong();
    assertThat(hash.last()).isEqualTo(KeyMaterial.fromHex(SCHED_256, HASHKEY));

    set(SCHED_256, OTHER_HASHKEY);
    b.buildLongLong();
    assertThat(hash.last()).isEqualTo(KeyMaterial.fromHex(SCHED_256, OTHER_HASHKEY));

    set(null, null);
    b.buildLongLong();
    assertThat(hash.last()).isSameAs(KeyMaterial.processDefault());
  }

  @Test
  @DisplayName("The builder's keyMaterial wins over the settings, even malformed or incomplete"
      + " ones")
  void builderWins() {
    for (String[] props : new String[][] {
        {SCHED_256, HASHKEY}, {SCHED_256, null}, {null, HASHKEY}, {"zz", "not hex"}}) {
      set(props[0], props[1]);
      builder("amd64").keyMaterial(TestPlugins.KEY_MATERIAL).buildLongLong();
      assertThat(hash.last()).isSameAs(TestPlugins.KEY_MATERIAL);
      assertThat(builder("amd64").keyMaterial(TestPlugins.KEY_MATERIAL).describe())
          .endsWith(" keys=builder");
    }
  }

  @Test
  @DisplayName("One of the two without the other is refused, naming both")
  void bothOrNeither() {
    for (String[] props : new String[][] {{SCHED_256, null}, {null, HASHKEY}}) {
      set(props[0], props[1]);
      String setOne = props[0] != null ? Settings.KEYSCHED : Settings.HASHKEY;
      String unset = props[0] != null ? Settings.HASHKEY : Settings.KEYSCHED;
      String message = setOne + " is set but " + unset + " is not: set both gomap4j.keysched and"
          + " gomap4j.hashkey (they make up one key material), or neither";
      assertThatThrownBy(Settings::keyMaterial)
          .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
      assertThatThrownBy(() -> builder("amd64").buildLongLong())
          .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
      assertThatThrownBy(() -> builder("amd64").build())
          .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
    assertThat(hash.seen).isEmpty();
  }

  @Test
  @DisplayName("A blank property counts as unset, so a blank pair is no key material at all")
  void blankIsUnset() {
    set("  ", "");
    assertThat(Settings.keyMaterial()).isEmpty();
    set(SCHED_256, " ");
    assertThatThrownBy(Settings::keyMaterial).hasMessageContaining("gomap4j.hashkey is not");
  }

  @Test
  @DisplayName("A malformed gomap4j.keysched is refused by name with the expected form, without"
      + " echoing the key schedule")
  void badKeysched() {
    String expected = "gomap4j.keysched must be 256 hex digits (a 128-byte aeskeysched, any "
        + "platform) or 128 hex digits (64 bytes, 32-bit platforms only), got ";
    Map<String, String> cases = Map.of(
        "abc", expected + "3 characters",
        SCHED_256 + "0", expected + "257 characters",
        SCHED_256.substring(2), expected + "254 characters",
        SCHED_256.substring(0, 10) + "g" + SCHED_256.substring(11),
        expected + "a non-hex character at position 11",
        "0x" + SCHED_256.substring(2), expected + "a non-hex character at position 2");
    cases.forEach((sched, message) -> {
      set(sched, HASHKEY);
      assertThatThrownBy(Settings::keyMaterial).as(sched)
          .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
      assertThatThrownBy(() -> builder("amd64").buildLongLong()).as(sched)
          .hasMessage(message);
    });
    assertThat(hash.seen).isEmpty();
  }

  @Test
  @DisplayName("A malformed gomap4j.hashkey is refused by name with the expected form and the"
      + " reason")
  void badHashkey() {
    String prefix = "gomap4j.hashkey must be four hex words of up to 16 digits, comma separated"
        + " (Go's runtime.hashkey[0..3]): ";
    Map<String, String> cases = Map.of(
        "1,2,3", "hashkey must be 4 hex words separated by commas, got 3",
        "1,2,3,4,5", "hashkey must be 4 hex words separated by commas, got 5",
        "1,2,,4", "hashkey word 2 must be 1 to 16 hex digits",
        "1,2,3,x4", "hashkey word 3 must be 1 to 16 hex digits, got a non-hex character at"
            + " position 1",
        "1,2,3,+4", "hashkey word 3 must be 1 to 16 hex digits, got a non-hex character at"
            + " position 1",
        "1,2,3,12345678901234567", "hashkey word 3 must be 1 to 16 hex digits");
    cases.forEach((keys, reason) -> {
      set(SCHED_256, keys);
      assertThatThrownBy(Settings::keyMaterial).as(keys)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(prefix + reason)
          .message().doesNotContain(keys);
      assertThatThrownBy(() -> builder("386").build()).as(keys)
          .hasMessageStartingWith(prefix + reason);
    });
    assertThat(hash.seen).isEmpty();
  }

  @Test
  @DisplayName("A 128-digit key schedule serves 32-bit platforms and is refused by name on 64-bit"
      + " ones")
  void shortScheduleIs32BitOnly() {
    set(SCHED_128, HASHKEY);
    builder("386").buildLongLong();
    assertThat(hash.last()).isEqualTo(KeyMaterial.fromHex(SCHED_128, HASHKEY));
    assertThat(hash.last().aeskeyschedLength()).isEqualTo(KeyMaterial.KEYSCHED_BYTES_32);

    assertThatThrownBy(() -> builder("amd64").buildLongLong())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gomap4j.keysched has 128 hex digits, a key schedule for 32-bit platforms"
            + " only, but platform amd64 (64-bit, little-endian) needs 256 hex digits");
    // A layout passed as an instance names its platform as it likes: control characters escaped.
    assertThatThrownBy(() -> builder("amd64").layout(TestLayouts.withMaxAlloc("odd",
        new Platform("x\u001b[2J\ny", 8, 8, ByteOrder.BIG_ENDIAN), 1L << 48)).buildLongLong())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gomap4j.keysched has 128 hex digits, a key schedule for 32-bit platforms"
            + " only, but platform x\\u001b[2J\\u000ay (64-bit, big-endian) needs 256 hex"
            + " digits");
  }

  @Test
  @DisplayName("parseKeyMaterial names whatever the caller calls the two inputs")
  void parseNamesTheCallersNames() {
    assertThat(Settings.parseKeyMaterial("--keysched", SCHED_256, "--hashkey", HASHKEY))
        .isEqualTo(KeyMaterial.fromHex(SCHED_256, HASHKEY));
    assertThatThrownBy(() -> Settings.parseKeyMaterial("--keysched", "00", "--hashkey", HASHKEY))
        .hasMessageStartingWith("--keysched must be 256 hex digits");
    assertThatThrownBy(() -> Settings.parseKeyMaterial("--keysched", SCHED_256, "--hashkey", "1"))
        .hasMessageStartingWith("--hashkey must be four hex words");
  }
}
