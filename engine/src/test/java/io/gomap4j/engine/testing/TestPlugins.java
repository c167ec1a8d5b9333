package io.gomap4j.engine.testing;

import io.gomap4j.engine.GoMaps;
import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.spi.KeyMaterial;
import java.util.List;

/** The engine tests' plugin registry and a builder preset over it. */
public final class TestPlugins {

  /** Fixed key material, so that every test map is reproducible. */
  public static final KeyMaterial KEY_MATERIAL =
      KeyMaterial.of(
          new long[] {0x243f6a8885a308d3L, 0x13198a2e03707345L, 0xa4093822299f31d1L,
              0x082efa98ec4e6c89L},
          new byte[KeyMaterial.KEYSCHED_BYTES_64]);

  /** A second key material, different in every word. */
  public static final KeyMaterial OTHER_KEY_MATERIAL =
      KeyMaterial.of(
          new long[] {0x452821e638d01377L, 0xbe5466cf34e90c6dL, 0xc0ac29b7c97c50ddL,
              0x3f84d5b5b5470917L},
          new byte[KeyMaterial.KEYSCHED_BYTES_64]);

  public static final String AMD64 = "amd64";
  public static final String I386 = "386";
  public static final String S390X = "s390x";

  private static final Plugins REGISTRY = Plugins.of(all());

  private TestPlugins() {}

  /** Fresh instances of every test plugin and the go119 policy. */
  public static List<Object> all() {
    return List.of(
        new TestHashes.Mix(),
        new TestHashes.Constant(),
        new TestHashes.Bucket0(),
        new TestHashes.Low16(),
        new TestLayouts.Amd64(),
        new TestLayouts.I386(),
        new TestLayouts.S390x(),
        new Go119GrowthPolicy());
  }

  /** A registry of {@link #all()}. */
  public static Plugins registry() {
    return REGISTRY;
  }

  /** A builder over the test registry with growth {@code go119} and fixed key material. */
  public static GoMaps.Builder builder(String hash, String layout, long seed) {
    return GoMaps.builder()
        .plugins(REGISTRY)
        .hash(hash)
        .layout(layout)
        .growth("go119")
        .seed(seed)
        .keyMaterial(KEY_MATERIAL);
  }

  /** The sound hash on {@code layout}. */
  public static GoMaps.Builder builder(String layout, long seed) {
    return builder(TestHashes.MIX, layout, seed);
  }
}
