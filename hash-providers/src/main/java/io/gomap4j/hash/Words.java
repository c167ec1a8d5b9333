package io.gomap4j.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Unaligned 4- and 8-byte reads from a byte array in either byte order: Go's
 * {@code readUnaligned32} and {@code readUnaligned64}. The view handles are static final so the
 * JIT folds them.
 */
final class Words {

  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private Words() {}

  /** The 4 bytes at {@code data[i, i + 4)} as a word in the given byte order. */
  static int r4(boolean bigEndian, byte[] data, int i) {
    return bigEndian ? (int) INT_BE.get(data, i) : (int) INT_LE.get(data, i);
  }

  /** The 8 bytes at {@code data[i, i + 8)} as a word in the given byte order. */
  static long r8(boolean bigEndian, byte[] data, int i) {
    return bigEndian ? (long) LONG_BE.get(data, i) : (long) LONG_LE.get(data, i);
  }

  /**
   * Go's short-input word for 1 to 3 bytes: {@code p[0] | p[s>>1]<<8 | p[s-1]<<16}, the same in
   * every byte order.
   */
  static int r123(byte[] data, int i, int length) {
    return (data[i] & 0xff)
        | (data[i + (length >>> 1)] & 0xff) << 8
        | (data[i + length - 1] & 0xff) << 16;
  }
}
