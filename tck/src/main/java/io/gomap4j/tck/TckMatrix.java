package io.gomap4j.tck;

import static java.util.Objects.requireNonNull;

import io.gomap4j.engine.PluginInfo;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.PlatformLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The Cartesian product of the discovered plugins: every hash provider with every layout whose
 * platform it supports, with every growth policy. It can be narrowed by plugin names and sampled.
 *
 * <p>System properties narrow it the same way for JUnit runs: {@code tck.hash}, {@code tck.layout},
 * {@code tck.growth} (comma-separated names), {@code tck.sample} (a number of combinations drawn
 * with {@code tck.seed}).
 */
public final class TckMatrix {

  /** System properties read by {@link #fromSystemProperties}. */
  public static final String HASH = "tck.hash";

  public static final String LAYOUT = "tck.layout";
  public static final String GROWTH = "tck.growth";
  public static final String SAMPLE = "tck.sample";
  public static final String SEED = "tck.seed";
  public static final String CHECK = "tck.check";

  private TckMatrix() {}

  /** Every compatible combination of the plugins in {@code plugins}, in name order. */
  public static List<Combination> combinations(Plugins plugins) {
    return combinations(plugins, List.of(), List.of(), List.of());
  }

  /**
   * The compatible combinations whose plugins are among the given names; an empty list means every
   * plugin of that kind.
   *
   * @throws IllegalArgumentException naming the valid names, if a name is unknown
   */
  public static List<Combination> combinations(
      Plugins plugins, List<String> hashes, List<String> layouts, List<String> growths) {
    requireNonNull(plugins, "plugins is null");
    List<Combination> out = new ArrayList<>();
    for (PluginInfo h : select(plugins, PluginKind.HASH, hashes)) {
      for (PluginInfo l : select(plugins, PluginKind.LAYOUT, layouts)) {
        for (PluginInfo g : select(plugins, PluginKind.GROWTH, growths)) {
          Combination c = new Combination(
              (HashProvider) h.plugin(), (PlatformLayout) l.plugin(), (GrowthPolicy) g.plugin());
          if (c.compatible()) {
            out.add(c);
          }
        }
      }
    }
    return out;
  }

  private static List<PluginInfo> select(Plugins plugins, PluginKind kind, List<String> names) {
    if (names.isEmpty()) {
      return plugins.list(kind);
    }
    List<PluginInfo> out = new ArrayList<>();
    for (String n : new LinkedHashSet<>(names)) {
      if (!plugins.contains(kind, n)) {
        throw new IllegalArgumentException("unknown " + kind.label() + " plugin '" + n
            + "' in the TCK selection; valid names: " + plugins.names(kind));
      }
      out.add(plugins.get(kind, n));
    }
    return out;
  }

  /** {@code count} combinations drawn from {@code all} with {@code seed}, in their order. */
  public static List<Combination> sample(List<Combination> all, int count, long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("sample size must be >= 0, got " + count);
    }
    if (count >= all.size()) {
      return all;
    }
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      idx.add(i);
    }
    Collections.shuffle(idx, new Random(seed));
    Set<Integer> keep = Set.copyOf(idx.subList(0, count));
    List<Combination> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (keep.contains(i)) {
        out.add(all.get(i));
      }
    }
    return out;
  }

  /** The combinations selected by the {@code tck.*} system properties. */
  public static List<Combination> fromSystemProperties(Plugins plugins) {
    List<Combination> all = combinations(plugins, names(HASH), names(LAYOUT), names(GROWTH));
    String sample = System.getProperty(SAMPLE);
    if (sample == null || sample.isBlank()) {
      return all;
    }
    int n;
    try {
      n = Integer.parseInt(sample.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(SAMPLE + " must be a whole number, got '" + sample + "'");
    }
    return sample(all, n, seed());
  }

  /** The seed from {@code tck.seed} (decimal or 0x hex), or a default fixed seed. */
  public static long seed() {
    String s = System.getProperty(SEED);
    return s == null || s.isBlank()
        ? TckRunner.DEFAULT_SEED
        : io.gomap4j.engine.Settings.parseSeed(SEED, s);
  }

  /** The comma-separated names in system property {@code key}, or an empty list. */
  public static List<String> names(String key) {
    String v = System.getProperty(key);
    if (v == null || v.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String s : Arrays.asList(v.split(","))) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }
}
