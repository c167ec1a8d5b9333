package io.gomap4j.engine.internal;

import io.gomap4j.spi.Hasher;
import java.nio.charset.StandardCharsets;

/**
 * How a Java key hashes: boxed scalars as their Go counterparts, strings as Go strings, anything
 * else through its {@code hashCode()}. Where Go's rules and the {@link java.util.Map} contract
 * disagree, the contract wins; the table is in the engine's documentation.
 */
final class JavaKeyHash {

  private static final byte[] EMPTY = new byte[0];

  private JavaKeyHash() {}

  static long hash(Hasher h, Object key, long seed) {
    if (key instanceof Long) {
      return h.memhash64((Long) key, seed);
    }
    if (key instanceof Integer) {
      return h.memhash32((Integer) key, seed);
    }
    if (key instanceof String) {
      return h.strhash(((String) key).getBytes(StandardCharsets.UTF_8), seed);
    }
    if (key instanceof Double) {
      double d = (Double) key;
      // Java's Double.equals makes NaN equal to itself, so it must hash alike every time: hash the
      // canonical NaN's bits instead of Go's random NaN hash.
      return Double.isNaN(d)
          ? h.memhash64(Double.doubleToLongBits(d), seed)
          : h.f64hash(d, seed);
    }
    if (key instanceof Float) {
      float f = (Float) key;
      return Float.isNaN(f) ? h.memhash32(Float.floatToIntBits(f), seed) : h.f32hash(f, seed);
    }
    if (key instanceof Short) {
      return h.memhash32((Short) key, seed);
    }
    if (key instanceof Byte) {
      return h.memhash32((Byte) key, seed);
    }
    if (key instanceof Character) {
      return h.memhash32((Character) key, seed);
    }
    if (key instanceof Boolean) {
      return h.memhash32((Boolean) key ? 1 : 0, seed);
    }
    if (key == null) {
      return h.memhash(EMPTY, 0, 0, seed);
    }
    return h.memhash32(key.hashCode(), seed);
  }
}
