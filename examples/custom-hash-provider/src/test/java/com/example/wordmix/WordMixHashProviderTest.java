package com.example.wordmix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gomap4j.api.GoMap;
import io.gomap4j.engine.GoMaps;
import io.gomap4j.engine.Plugins;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What wordmix-v1 promises beyond the kits: it is found by name and usable from the builder. */
class WordMixHashProviderTest {

  private static final KeyMaterial KEYS = KeyMaterial.random(new Random(1));

  @Test
  void foundByNameThroughServiceLoader() {
    assertTrue(Plugins.discovered().hash(WordMixHashProvider.NAME) instanceof WordMixHashProvider);
  }

  @Test
  void thirtyTwoBitPlatformsGetThirtyTwoBitHashes() {
    Hasher h = new WordMixHashProvider().create(
        new Platform("386", 4, 4, ByteOrder.LITTLE_ENDIAN), KEYS);
    assertEquals(32, h.bits());
    for (long v = 0; v < 1000; v++) {
      long hash = h.memhash64(v * 0x9e3779b97f4a7c15L, 7);
      assertEquals(0, hash >>> 32, "a 32-bit hash");
    }
  }

  @Test
  void theSeedChangesTheHash() {
    Hasher h = new WordMixHashProvider().create(
        new Platform("amd64", 8, 8, ByteOrder.LITTLE_ENDIAN), KEYS);
    assertNotEquals(h.memhash64(42, 1), h.memhash64(42, 2));
  }

  @Test
  void aGoMapByName() {
    GoMap<String, Integer> m = GoMaps.builder().hash(WordMixHashProvider.NAME).layout("arm")
        .seed(3).build();
    for (int i = 0; i < 10_000; i++) {
      m.put("k" + i, i);
    }
    assertEquals(10_000, m.size());
    assertEquals(1234, m.get("k1234"));
  }
}
