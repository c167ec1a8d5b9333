package io.gomap4j.engine.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A bucket's eight tophash bytes as one {@code long}, so that a search compares all eight slots at
 * once instead of byte by byte. Slot {@code i}'s byte is bits {@code 8i .. 8i+7} (the bytes are read
 * little-endian whatever the modelled platform's byte order: they are single bytes in Go too). A
 * set of slots is a mask with bit {@code 8i+7} set for each slot {@code i} in it.
 */
final class TophashWord {

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;

  private TophashWord() {}

  /** The tophash bytes of the bucket that starts at {@code off} in {@code page}. */
  static long read(byte[] page, int off) {
    return (long) LONG_LE.get(page, off);
  }

  /**
   * The bytes of {@code x} that are zero, exactly: adding 0x7F to a byte's low seven bits sets its
   * high bit unless they are all zero, and no carry leaves the byte.
   */
  static long zeroBytes(long x) {
    return ~(((x & LOW_SEVEN) + LOW_SEVEN) | x | LOW_SEVEN);
  }

  /** The slots whose tophash is {@code top}. */
  static long matches(long tops, int top) {
    return zeroBytes(tops ^ (top * LOW_BITS));
  }

  /** The lowest slot of a non-empty set. */
  static int slot(long mask) {
    return Long.numberOfTrailingZeros(mask) >>> 3;
  }

  /**
   * Whether a slot is {@code emptyRest}: nothing follows it in the bucket or in the buckets after
   * it, so a search ends with this bucket.
   */
  static boolean endsChain(long tops) {
    return zeroBytes(tops) != 0;
  }

  /** The first slot that is {@code emptyRest} (0) or {@code emptyOne} (1), or -1. */
  static int firstEmpty(long tops) {
    long empty = zeroBytes(tops & ~LOW_BITS);
    return empty == 0 ? -1 : slot(empty);
  }
}
