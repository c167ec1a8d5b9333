package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The word-at-a-time tophash operations against a byte-by-byte reading of the same bucket. */
class TophashWordTest {

  /** Buckets of random tophash bytes, biased towards the values that matter: 0, 1, top, 0x80. */
  private static byte[] randomBucket(Random random, int top) {
    byte[] b = new byte[8];
    int[] interesting = {0, 1, 2, 4, 5, top, top ^ 1, 0x80, 0x81, 0xFF};
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (random.nextBoolean() ? interesting[random.nextInt(interesting.length)]
          : random.nextInt(256));
    }
    return b;
  }

  private static long slotsWhere(byte[] bucket, java.util.function.IntPredicate p) {
    long mask = 0;
    for (int i = 0; i < 8; i++) {
      if (p.test(bucket[i] & 0xFF)) {
        mask |= 0x80L << (8 * i);
      }
    }
    return mask;
  }

  @Test
  @DisplayName("matches, endsChain and firstEmpty agree with a byte-by-byte scan")
  void agreesWithByteScan() {
    Random random = new Random(5);
    for (int n = 0; n < 200_000; n++) {
      int top = 5 + random.nextInt(251);
      byte[] bucket = randomBucket(random, top);
      long tops = TophashWord.read(bucket, 0);

      assertThat(TophashWord.matches(tops, top)).isEqualTo(slotsWhere(bucket, t -> t == top));
      assertThat(TophashWord.endsChain(tops))
          .isEqualTo(slotsWhere(bucket, t -> t == MapCore.EMPTY_REST) != 0);
      long empty = slotsWhere(bucket, MapCore::isEmpty);
      assertThat(TophashWord.firstEmpty(tops))
          .isEqualTo(empty == 0 ? -1 : Long.numberOfTrailingZeros(empty) >>> 3);
    }
  }

  @Test
  @DisplayName("every byte value in every slot: zeroBytes flags exactly the zero bytes")
  void zeroBytesIsExact() {
    for (int slot = 0; slot < 8; slot++) {
      for (int v = 0; v < 256; v++) {
        for (long rest : new long[] {0L, -1L, 0x0101010101010101L, 0x8080808080808080L}) {
          long x = (rest & ~(0xFFL << (8 * slot))) | ((long) v << (8 * slot));
          long expected = 0;
          for (int i = 0; i < 8; i++) {
            if (((x >>> (8 * i)) & 0xFF) == 0) {
              expected |= 0x80L << (8 * i);
            }
          }
          assertThat(TophashWord.zeroBytes(x)).as("%016x", x).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  @DisplayName("slot i's byte is byte off + i of the page, at any offset")
  void readsSlotBytesInOrder() {
    byte[] page = new byte[24];
    for (int i = 0; i < 8; i++) {
      page[5 + i] = (byte) (10 + i);
    }
    long tops = TophashWord.read(page, 5);
    for (int i = 0; i < 8; i++) {
      assertThat(TophashWord.slot(TophashWord.matches(tops, 10 + i))).isEqualTo(i);
    }
  }
}
