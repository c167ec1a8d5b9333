package io.gomap4j.tck.vectors;

import io.gomap4j.api.internal.Printable;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;

/**
 * One hash call recorded from Go's runtime: {@code fn(data, seed) == hash} on {@code goarch} with
 * the given key material, computed by {@code alg} ({@code memhash}, the fallback, or
 * {@code aeshash}).
 *
 * @param source where the line came from, as {@code file:line}
 * @param goarch the GOARCH Go ran on
 * @param bits 32 or 64
 * @param alg {@code memhash} or {@code aeshash}
 * @param fn {@code memhash}, {@code memhash32}, {@code memhash64}, {@code f32hash} or
 *     {@code f64hash}
 * @param keyMaterial {@code runtime.hashkey} and {@code runtime.aeskeysched}
 * @param seed the seed argument
 * @param data the bytes hashed; for the typed functions, the value in the platform's byte order
 * @param hash Go's result
 */
public record HashVector(
    String source,
    String goarch,
    int bits,
    String alg,
    String fn,
    KeyMaterial keyMaterial,
    long seed,
    byte[] data,
    long hash) {

  /** The byte order of {@link #goarch}, for decoding {@link #data} of the typed functions. */
  public ByteOrder byteOrder() {
    return GoVectors.byteOrderOf(goarch);
  }

  /** {@link #data} as the 4-byte value {@code memhash32} and {@code f32hash} take. */
  public int int32Value() {
    return ByteBuffer.wrap(data).order(byteOrder()).getInt();
  }

  /** {@link #data} as the 8-byte value {@code memhash64} and {@code f64hash} take. */
  public long int64Value() {
    return ByteBuffer.wrap(data).order(byteOrder()).getLong();
  }

  /** The functions a vector line may name. */
  public static final List<String> FUNCTIONS =
      List.of("memhash", "memhash32", "memhash64", "f32hash", "f64hash");

  /**
   * Repeats this call with {@code hasher}: {@link #fn} on {@link #data} (decoded in the platform's
   * byte order for the typed functions) with {@link #seed}. Compare the result with {@link #hash}.
   *
   * @throws IllegalArgumentException if {@link #fn} is not one of {@link #FUNCTIONS}
   */
  public long computeWith(Hasher hasher) {
    switch (fn) {
      case "memhash":
        return hasher.memhash(data, 0, data.length, seed);
      case "memhash32":
        return hasher.memhash32(int32Value(), seed);
      case "memhash64":
        return hasher.memhash64(int64Value(), seed);
      case "f32hash":
        return hasher.f32hash(Float.intBitsToFloat(int32Value()), seed);
      case "f64hash":
        return hasher.f64hash(Double.longBitsToDouble(int64Value()), seed);
      default:
        throw new IllegalArgumentException(
            "unknown fn '" + Printable.of(fn) + "' in " + Printable.of(source)
                + "; expected one of " + FUNCTIONS);
    }
  }

  /**
   * A one-line description for failure messages, the file's texts with each control character
   * written as {@code \}{@code u00XX}.
   */
  public String describe() {
    return Printable.of(source + ": " + alg + " " + fn + " on " + goarch) + " seed="
        + Long.toHexString(seed) + " data=" + HexFormat.of().formatHex(data) + " expected hash="
        + Long.toHexString(hash);
  }

  @Override
  public String toString() {
    return describe();
  }
}
