package io.gomap4j.bench;

import java.util.SplittableRandom;

/**
 * The keys of the map benchmarks: random-looking, distinct and reproducible. Key {@code i} is
 * SplitMix64's finalizer applied to {@code i}; the finalizer is a bijection of {@code long}, so
 * distinct indices give distinct keys. Present keys use indices {@code [0, n)} and absent keys
 * {@code [n, 2n)}, so the two sets never meet.
 */
final class Keys {

  private Keys() {}

  /** Key number {@code i}. */
  static long key(long i) {
    long z = i * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The {@code n} keys a map is filled with, in insertion order. */
  static long[] present(int n) {
    long[] k = new long[n];
    for (int i = 0; i < n; i++) {
      k[i] = key(i);
    }
    return k;
  }

  /** {@code n} keys none of which is in {@link #present(int) present(n)}, in random order. */
  static long[] absent(int n) {
    long[] k = new long[n];
    for (int i = 0; i < n; i++) {
      k[i] = key((long) n + i);
    }
    return shuffle(k, 2);
  }

  /** A copy of {@code keys} in a random order, fixed by {@code seed}. */
  static long[] shuffle(long[] keys, long seed) {
    long[] k = keys.clone();
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = k.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      long t = k[i];
      k[i] = k[j];
      k[j] = t;
    }
    return k;
  }

  /** A new {@link Long} for each key: instances nobody else holds, as a caller's would be. */
  static Long[] boxed(long[] keys) {
    Long[] b = new Long[keys.length];
    for (int i = 0; i < keys.length; i++) {
      b[i] = Long.valueOf(keys[i]);
    }
    return b;
  }

  /** String key number {@code i}: 20 characters, distinct for distinct {@code i}. */
  static String string(long i) {
    String hex = Long.toHexString(key(i));
    return "k-" + "0".repeat(16 - hex.length()) + hex + "-x";
  }

  /** The string forms of key numbers {@code [from, from + n)}. */
  static String[] strings(int from, int n) {
    String[] s = new String[n];
    for (int i = 0; i < n; i++) {
      s[i] = string((long) from + i);
    }
    return s;
  }

  /** A copy of {@code keys} in a random order, fixed by {@code seed}. */
  static String[] shuffle(String[] keys, long seed) {
    String[] k = keys.clone();
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = k.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      String t = k[i];
      k[i] = k[j];
      k[j] = t;
    }
    return k;
  }
}
