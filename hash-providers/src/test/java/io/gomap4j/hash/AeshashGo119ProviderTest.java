package io.gomap4j.hash;

import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import io.gomap4j.tck.ServiceRegistrations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The provider's identity, its registration, the platforms it serves and the inputs it refuses. */
@DisplayName("AeshashGo119Provider")
class AeshashGo119ProviderTest {

  private static final AeshashGo119Provider PROVIDER = new AeshashGo119Provider();
  private static final long[] HASHKEY = {1, 3, 5, 7};
  private static final Platform ARM64 = new Platform("arm64", 8, 8, LITTLE_ENDIAN);

  private static KeyMaterial keys(int keyschedBytes, long seed) {
    byte[] sched = new byte[keyschedBytes];
    new Random(seed).nextBytes(sched);
    return KeyMaterial.of(HASHKEY, sched);
  }

  /** The name is the output contract users select by, and the SPI version is the current one. */
  @Test
  @DisplayName("Its name is aeshash-go119 and it reports the current SPI version")
  void identity() {
    assertThat(PROVIDER.name()).isEqualTo("aeshash-go119");
    assertThat(PROVIDER.toString()).isEqualTo("aeshash-go119");
    assertThat(PROVIDER.spiVersion()).isEqualTo(HashProvider.SPI_VERSION);
    assertThat(PROVIDER.supportedPlatforms())
        .isEqualTo(
            "amd64, 386 (Go's x86 AES hash; arm64's AES hash differs and is not provided)");
  }

  /** amd64 hashes at 64 bits, 386 at 32; nothing else is served. */
  @Test
  @DisplayName("It supports amd64 (64-bit hashes) and 386 (32-bit hashes) and nothing else")
  void supportsX86Only() {
    assertThat(PROVIDER.supports(TestPlatforms.AMD64)).isTrue();
    assertThat(PROVIDER.supports(TestPlatforms.I386)).isTrue();
    for (Platform p :
        List.of(TestPlatforms.S390X, TestPlatforms.MIPS, ARM64,
            new Platform("amd64", 4, 4, LITTLE_ENDIAN))) {
      assertThat(PROVIDER.supports(p)).as(p.toString()).isFalse();
    }
    Hasher amd64 = PROVIDER.create(TestPlatforms.AMD64, keys(128, 1));
    assertThat(amd64.bits()).isEqualTo(64);
    assertThat(amd64.toString()).contains("aeshash-go119", "amd64");
    Hasher i386 = PROVIDER.create(TestPlatforms.I386, keys(64, 1));
    assertThat(i386.bits()).isEqualTo(32);
    assertThat(i386.toString()).contains("aeshash-go119", "386");
  }

  /** Creating a hasher elsewhere fails, and says which platforms would work. */
  @Test
  @DisplayName("An unsupported platform is refused with a message naming it, amd64 and 386")
  void refusesOtherPlatforms() {
    for (Platform p : List.of(TestPlatforms.S390X, TestPlatforms.MIPS, ARM64)) {
      assertThatThrownBy(() -> PROVIDER.create(p, keys(128, 2)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(p.goarch())
          .hasMessageContaining("aeshash-go119")
          .hasMessageContaining("amd64")
          .hasMessageContaining("386");
    }
  }

  /** amd64 needs a full 128-byte schedule; 386 takes either size. */
  @Test
  @DisplayName("Key material with a 64-byte aeskeysched is refused on amd64 and accepted on 386")
  void refusesShortKeyScheduleOnAmd64() {
    assertThatThrownBy(() -> PROVIDER.create(TestPlatforms.AMD64, keys(64, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amd64")
        .hasMessageContaining("128-byte aeskeysched")
        .hasMessageContaining("got 64 bytes");
    assertThat(PROVIDER.create(TestPlatforms.I386, keys(64, 3)).bits()).isEqualTo(32);
  }

  /** A 386 hasher reads the first 64 bytes of a 128-byte schedule, as KeyMaterial promises. */
  @Test
  @DisplayName("On 386 a 128-byte aeskeysched hashes as its first 64 bytes")
  void i386ReadsFirst64Bytes() {
    KeyMaterial full = keys(128, 4);
    KeyMaterial prefix = KeyMaterial.of(HASHKEY, Arrays.copyOf(full.aeskeysched(), 64));
    Hasher a = PROVIDER.create(TestPlatforms.I386, full);
    Hasher b = PROVIDER.create(TestPlatforms.I386, prefix);
    Random rnd = new Random(5);
    for (int n = 0; n < 300; n++) {
      byte[] data = new byte[n];
      rnd.nextBytes(data);
      long seed = rnd.nextLong();
      assertThat(a.memhash(data, 0, n, seed))
          .as("length %d", n)
          .isEqualTo(b.memhash(data, 0, n, seed));
    }
    assertThat(a.memhash64(42, 7)).isEqualTo(b.memhash64(42, 7));
  }

  /** The hash depends on aeskeysched only: Go 1.19 leaves hashkey zero on the AES path. */
  @Test
  @DisplayName("hashkey does not affect the AES hash, aeskeysched does")
  void onlyTheKeyScheduleMatters() {
    byte[] sched = keys(128, 6).aeskeysched();
    KeyMaterial k1 = KeyMaterial.of(new long[] {1, 2, 3, 4}, sched);
    KeyMaterial k2 = KeyMaterial.of(new long[] {9, 8, 7, 6}, sched);
    byte[] other = sched.clone();
    other[100] ^= 1;
    KeyMaterial k3 = KeyMaterial.of(new long[] {1, 2, 3, 4}, other);
    byte[] data = new byte[200];
    Hasher h1 = PROVIDER.create(TestPlatforms.AMD64, k1);
    assertThat(PROVIDER.create(TestPlatforms.AMD64, k2).memhash(data, 0, 200, 1))
        .isEqualTo(h1.memhash(data, 0, 200, 1));
    // Ks[6] (bytes 96..111) seeds lane 6 of inputs longer than 64 bytes.
    assertThat(PROVIDER.create(TestPlatforms.AMD64, k3).memhash(data, 0, 200, 1))
        .isNotEqualTo(h1.memhash(data, 0, 200, 1));
  }

  /**
   * One provider makes hashers for key materials in any order, each hashing as a hasher from a
   * fresh provider does: the round keys it keeps from the last key material are used only for
   * that key material.
   */
  @Test
  @DisplayName("Hashers made in turn for different key materials each hash with their own, on"
      + " amd64 and 386")
  void hashersForKeyMaterialsInTurn() {
    AeshashGo119Provider provider = new AeshashGo119Provider();
    KeyMaterial a = keys(128, 10);
    KeyMaterial b = keys(128, 11);
    KeyMaterial aAgain = KeyMaterial.of(HASHKEY, a.aeskeysched()); // equal to a, not a
    KeyMaterial short32 = keys(64, 12);
    List<KeyMaterial> order = List.of(a, a, b, a, aAgain, short32, b, a);
    List<Hasher> made = new ArrayList<>();
    List<Hasher> fresh = new ArrayList<>();
    for (KeyMaterial km : order) {
      for (Platform p : List.of(TestPlatforms.AMD64, TestPlatforms.I386)) {
        if (km.fits(p.bits())) {
          made.add(provider.create(p, km));
          fresh.add(new AeshashGo119Provider().create(p, km));
        }
      }
    }
    Random rnd = new Random(13);
    for (int n : new int[] {0, 3, 8, 16, 17, 64, 65, 129, 300}) {
      byte[] data = new byte[n];
      rnd.nextBytes(data);
      long seed = rnd.nextLong() & 0xffffffffL;
      for (int i = 0; i < made.size(); i++) {
        // twice, so that the second call goes through each hasher's seed cache
        for (int twice = 0; twice < 2; twice++) {
          assertThat(made.get(i).memhash(data, 0, n, seed)).as("hasher %d, length %d", i, n)
              .isEqualTo(fresh.get(i).memhash(data, 0, n, seed));
          assertThat(made.get(i).memhash64(n, seed)).as("hasher %d, memhash64", i)
              .isEqualTo(fresh.get(i).memhash64(n, seed));
        }
      }
    }
    // a and b (hashers 0 and 4, on amd64) differ, so round keys of the wrong one would show
    byte[] data = new byte[200];
    assertThat(made.get(0).memhash(data, 0, 200, 1))
        .isNotEqualTo(made.get(4).memhash(data, 0, 200, 1));
  }

  /** Nulls are refused up front, with the parameter's name. */
  @Test
  @DisplayName("A null platform or key material is refused with a message naming it")
  void refusesNulls() {
    assertThatThrownBy(() -> PROVIDER.create(null, keys(128, 7)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("platform is null");
    assertThatThrownBy(() -> PROVIDER.create(TestPlatforms.AMD64, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("keyMaterial is null");
  }

  /** Offsets and lengths outside the array, and null arrays, are refused on both word sizes. */
  @Test
  @DisplayName("Out-of-range offsets and lengths and null arrays are refused, naming the range")
  void refusesBadRanges() {
    for (Platform p : List.of(TestPlatforms.AMD64, TestPlatforms.I386)) {
      Hasher h = PROVIDER.create(p, KeyMaterial.random(new Random(1)));
      byte[] data = new byte[8];
      assertThatThrownBy(() -> h.memhash(data, -1, 4, 0))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessageContaining("[-1, -1 + 4)")
          .hasMessageContaining("length 8");
      assertThatThrownBy(() -> h.memhash(data, 6, 3, 0))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessageContaining("[6, 6 + 3)");
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

  /** The module descriptor and META-INF/services name the same providers, this one among them. */
  @Test
  @DisplayName("module-info and META-INF/services both register aeshash-go119")
  void registrationsAgree() {
    ServiceRegistrations.assertAgree(AeshashGo119Provider.class);
    assertThat(ServiceRegistrations.moduleProvides(AeshashGo119Provider.class))
        .hasEntrySatisfying(
            HashProvider.class.getName(),
            names -> assertThat(names).contains(AeshashGo119Provider.class.getName()));
  }

  /** ServiceLoader, as the engine uses it, finds the provider by its name. */
  @Test
  @DisplayName("ServiceLoader finds aeshash-go119 beside memhash-go119")
  void serviceLoaderFindsIt() {
    List<String> names =
        ServiceLoader.load(HashProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .map(HashProvider::name)
            .collect(Collectors.toList());
    assertThat(names).contains("aeshash-go119", "memhash-go119");
  }
}
