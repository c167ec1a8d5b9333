package io.gomap4j.tck;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.GoMap;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.engine.GoMaps;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import java.util.Random;

/**
 * One hash provider, one platform layout and one growth policy: the unit the TCK checks the map
 * contract on.
 *
 * @param hash the hash provider
 * @param layout the platform layout
 * @param growth the growth policy
 */
public record Combination(HashProvider hash, PlatformLayout layout, GrowthPolicy growth) {

  public Combination {
    requireNonNull(hash, "hash is null");
    requireNonNull(layout, "layout is null");
    requireNonNull(growth, "growth is null");
  }

  /** {@code hash/layout/growth}, by plugin names. */
  public String id() {
    return hash.name() + "/" + layout.name() + "/" + growth.name();
  }

  /**
   * Whether the hash provider supports the layout's platform. A layout without a platform, or a
   * hash whose {@code supports} throws, counts as compatible, so that the checks run on the
   * combination and report the plugin's fault.
   */
  public boolean compatible() {
    try {
      Platform platform = layout.platform();
      return platform == null || hash.supports(platform);
    } catch (RuntimeException e) {
      // Not left out: the checks on this combination run, and each reports the plugin's failure
      // with its check id, instead of the whole run stopping here.
      return true;
    }
  }

  /**
   * A builder for this combination whose key material and random source both derive from
   * {@code seed}, so that the map is the same on every run.
   */
  public GoMaps.Builder builder(long seed) {
    return GoMaps.builder()
        .hash(hash)
        .layout(layout)
        .growth(growth)
        .seed(seed)
        .keyMaterial(KeyMaterial.random(new Random(seed)));
  }

  /** A reproducible {@code map[int64]int64}. */
  public LongLongGoMap longLongMap(long seed) {
    return builder(seed).buildLongLong();
  }

  /** A reproducible map of Java objects. */
  public <K, V> GoMap<K, V> map(long seed) {
    return builder(seed).build();
  }

  @Override
  public String toString() {
    return id();
  }
}
