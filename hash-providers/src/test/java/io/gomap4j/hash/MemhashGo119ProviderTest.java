package io.gomap4j.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import io.gomap4j.tck.ServiceRegistrations;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The provider's identity, its registration, and the inputs it refuses. */
@DisplayName("MemhashGo119Provider")
class MemhashGo119ProviderTest {

  private static final MemhashGo119Provider PROVIDER = new MemhashGo119Provider();
  private static final long[] HASHKEY = {1, 3, 5, 7};
  private static final KeyMaterial KEYS_128 =
      KeyMaterial.of(HASHKEY, new byte[KeyMaterial.KEYSCHED_BYTES_64]);
  private static final KeyMaterial KEYS_64 =
      KeyMaterial.of(HASHKEY, new byte[KeyMaterial.KEYSCHED_BYTES_32]);

  /** The name is the output contract users select by, and the SPI version is the current one. */
  @Test
  @DisplayName("Its name is memhash-go119 and it reports the current SPI version")
  void identity() {
    assertThat(PROVIDER.name()).isEqualTo("memhash-go119");
    assertThat(PROVIDER.spiVersion()).isEqualTo(HashProvider.SPI_VERSION);
    assertThat(PROVIDER.supportedPlatforms()).isEqualTo("every platform");
  }

  /** Each platform gets a hasher of its own width. */
  @Test
  @DisplayName("It supports every platform and hashes at the platform's word width")
  void hasherWidthFollowsPlatform() {
    for (Platform p : TestPlatforms.ALL) {
      assertThat(PROVIDER.supports(p)).as(p.toString()).isTrue();
      Hasher h = PROVIDER.create(p, KEYS_128);
      assertThat(h.bits()).as(p.toString()).isEqualTo(p.bits());
      assertThat(h.toString()).contains("memhash-go119", p.goarch());
    }
    assertThat(PROVIDER.create(TestPlatforms.I386, KEYS_64).bits()).isEqualTo(32);
  }

  /** Nulls are refused up front, with the parameter's name. */
  @Test
  @DisplayName("A null platform or key material is refused with a message naming it")
  void refusesNulls() {
    assertThatThrownBy(() -> PROVIDER.create(null, KEYS_128))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("platform is null");
    assertThatThrownBy(() -> PROVIDER.create(TestPlatforms.AMD64, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("keyMaterial is null");
  }

  /** A 64-byte AES schedule only serves 32-bit platforms, and the message says what is needed. */
  @Test
  @DisplayName("Key material with a 64-byte aeskeysched is refused on a 64-bit platform")
  void refusesShortKeyScheduleOn64Bit() {
    for (Platform p : List.of(TestPlatforms.AMD64, TestPlatforms.S390X)) {
      assertThatThrownBy(() -> PROVIDER.create(p, KEYS_64))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(p.goarch())
          .hasMessageContaining("128-byte aeskeysched")
          .hasMessageContaining("got 64 bytes");
    }
    assertThat(PROVIDER.create(TestPlatforms.MIPS, KEYS_64).bits()).isEqualTo(32);
  }

  /** Offsets and lengths outside the array, and null arrays, are refused on both word sizes. */
  @Test
  @DisplayName("Out-of-range offsets and lengths and null arrays are refused, naming the range")
  void refusesBadRanges() {
    for (Platform p : TestPlatforms.ALL) {
      Hasher h = PROVIDER.create(p, KeyMaterial.random(new Random(1)));
      byte[] data = new byte[8];
      assertThatThrownBy(() -> h.memhash(data, -1, 4, 0))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessageContaining("[-1, -1 + 4)")
          .hasMessageContaining("length 8");
      assertThatThrownBy(() -> h.memhash(data, 6, 3, 0))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessageContaining("[6, 6 + 3)");
      assertThatThrownBy(() -> h.memhash(data, 9, 0, 0))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessageContaining("[9, 9 + 0)");
      assertThatThrownBy(() -> h.memhash(data, 0, -1, 0))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessageContaining("[0, 0 + -1)");
      assertThatThrownBy(() -> h.memhash(null, 0, 0, 0))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("data is null");
      assertThatThrownBy(() -> h.strhash(null, 0))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("utf8 is null");
      assertThat(h.memhash(data, 8, 0, 5)).isEqualTo(h.memhash(new byte[0], 0, 0, 5));
    }
  }

  /** The module descriptor and META-INF/services name the same provider. */
  @Test
  @DisplayName("module-info and META-INF/services register the same providers")
  void registrationsAgree() {
    ServiceRegistrations.assertAgree(MemhashGo119Provider.class);
    assertThat(ServiceRegistrations.moduleProvides(MemhashGo119Provider.class))
        .containsKey(HashProvider.class.getName());
  }

  /** ServiceLoader, as the engine uses it, finds the provider by its name. */
  @Test
  @DisplayName("ServiceLoader finds memhash-go119")
  void serviceLoaderFindsIt() {
    List<String> names =
        ServiceLoader.load(HashProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .map(HashProvider::name)
            .collect(Collectors.toList());
    assertThat(names).contains("memhash-go119");
  }
}
