package io.gomap4j.tck;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.internal.Printable;
import io.gomap4j.engine.PluginInfo;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.PlatformLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Cartesian product of the discovered plugins: every hash provider with every layout whose
 * platform it supports, with every growth policy. It can be narrowed by plugin names and sampled.
 *
 * <p>System properties narrow it the same way for JUnit runs: {@code tck.hash}, {@code tck.layout},
 * {@code tck.growth} (comma-separated names; an empty name, as in {@code a,,b}, is refused),
 * {@code tck.sample} (a number of combinations drawn with {@code tck.seed}).
 *
 * <p>A message that quotes a property's value or a name given writes each control character in it
 * as {@code \}{@code u00XX}, so that a value such as {@code $'\e[2J'} cannot clear a terminal or
 * split the message.
 */
public final class TckMatrix {

  /** System properties read by {@link #fromSystemProperties}. */
  public static final String HASH = "tck.hash";

  public static final String LAYOUT = "tck.layout";
  public static final String GROWTH = "tck.growth";
  public static final String SAMPLE = "tck.sample";
  public static final String SEED = "tck.seed";
  public static final String CHECK = "tck.check";

  /** The per-check timeout, read by {@link #timeout()}. */
  public static final String TIMEOUT = "tck.timeout";

  /**
   * The longest timeout {@link #parseTimeout} accepts: 24 hours, {@code 1440m}. Longer ones are
   * refused rather than read; {@code 0} means no limit.
   */
  public static final Duration MAX_TIMEOUT = Duration.ofHours(24);

  private static final Pattern DURATION = Pattern.compile("([0-9]{1,15})(ms|s|m)?");

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
        throw new IllegalArgumentException("unknown " + kind.label() + " plugin '"
            + Printable.of(n) + "' in the TCK selection; valid names: " + plugins.names(kind));
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

  /**
   * The combinations selected by the {@code tck.*} system properties.
   *
   * @throws IllegalArgumentException naming the property and what it allows, if a name is unknown
   *     or empty ({@code tck.hash=a,,b}), or {@code tck.sample} is not a whole number from 1 up
   */
  public static List<Combination> fromSystemProperties(Plugins plugins) {
    List<Combination> all = combinations(plugins, names(HASH, plugins.names(PluginKind.HASH)),
        names(LAYOUT, plugins.names(PluginKind.LAYOUT)),
        names(GROWTH, plugins.names(PluginKind.GROWTH)));
    String sample = System.getProperty(SAMPLE);
    if (sample == null || sample.isBlank()) {
      return all;
    }
    int n;
    try {
      n = Integer.parseInt(sample.trim());
    } catch (NumberFormatException e) {
      n = 0;
    }
    if (n < 1) {
      throw new IllegalArgumentException(SAMPLE + " must be a whole number of combinations, 1 or"
          + " more (leave it unset to run them all), got '" + Printable.of(sample) + "'");
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

  /**
   * The per-check timeout from {@code tck.timeout} (see {@link #parseTimeout}), or {@link
   * TckRunner#DEFAULT_TIMEOUT}.
   *
   * @throws IllegalArgumentException naming the property and the allowed values, if it is not a
   *     duration
   */
  public static Duration timeout() {
    String s = System.getProperty(TIMEOUT);
    return s == null || s.isBlank() ? TckRunner.DEFAULT_TIMEOUT : parseTimeout(TIMEOUT, s);
  }

  /**
   * A timeout as a person writes it: a whole number followed by {@code ms}, {@code s} or
   * {@code m}, or a whole number of seconds without a unit; {@code 0} for no limit; at most
   * {@link #MAX_TIMEOUT}.
   *
   * @param what the option or property it comes from, for the message
   * @throws IllegalArgumentException naming {@code what} and the allowed forms, or the largest
   *     allowed if it is longer
   */
  public static Duration parseTimeout(String what, String value) {
    requireNonNull(value, what + " is null");
    Matcher m = DURATION.matcher(value.trim());
    if (m.matches()) {
      long n = Long.parseLong(m.group(1)); // at most 15 digits: no overflow here or below
      String unit = m.group(2);
      Duration d = unit == null || unit.equals("s") ? Duration.ofSeconds(n)
          : unit.equals("ms") ? Duration.ofMillis(n) : Duration.ofMinutes(n);
      if (d.compareTo(MAX_TIMEOUT) > 0) {
        throw new IllegalArgumentException(what + " must be at most "
            + MAX_TIMEOUT.toMinutes() + "m (24 hours; 0 for no limit), got '" + Printable.of(value)
            + "'");
      }
      return d;
    }
    throw new IllegalArgumentException(what + " must be a time such as 60s, 500ms or 2m (a whole"
        + " number of seconds without a unit; 0 for no limit), got '" + Printable.of(value) + "'");
  }

  /**
   * The comma-separated names in system property {@code key}, each trimmed, in the order given;
   * empty when the property is unset or blank, which selects everything.
   *
   * @throws IllegalArgumentException naming the property, if the list has an empty name ({@code
   *     ","}, {@code "a,,b"}, {@code "a,"}), rather than reading it as no selection
   */
  public static List<String> names(String key) {
    return names(key, null);
  }

  /**
   * The comma-separated names in system property {@code key}, as {@link #names(String)} reads
   * them, each one of {@code known}.
   *
   * @param known the names the property accepts, such as the hash providers found
   * @throws IllegalArgumentException naming the property and the {@code known} names, if the list
   *     has an empty name or a name not in {@code known}
   */
  public static List<String> names(String key, Collection<String> known) {
    requireNonNull(key, "key is null");
    String v = System.getProperty(key);
    if (v == null || v.isBlank()) {
      return List.of();
    }
    String allowed = known == null ? "" : ", each one of: " + String.join(", ", known);
    List<String> out = new ArrayList<>();
    for (String s : v.split(",", -1)) {
      String name = s.trim();
      if (name.isEmpty()) {
        throw new IllegalArgumentException(key + " '" + Printable.of(v) + "' has an empty name;"
            + " give one or more names separated by commas" + allowed + " (or leave " + key
            + " unset for all)");
      }
      if (known != null && !known.contains(name)) {
        throw new IllegalArgumentException(key + " '" + Printable.of(v) + "' has the unknown name '"
            + Printable.of(name) + "'; give one or more names separated by commas" + allowed
            + " (or leave " + key + " unset for all)");
      }
      out.add(name);
    }
    return out;
  }
}
