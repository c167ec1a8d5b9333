package io.gomap4j.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** hash64.go's mix, whose unsigned 128-bit multiply Java 17 has to build from a signed one. */
@DisplayName("mix(a, b) is the XOR of the halves of the unsigned 128-bit product")
class MixTest {

  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private static long reference(long a, long b) {
    BigInteger product =
        new BigInteger(Long.toUnsignedString(a)).multiply(new BigInteger(Long.toUnsignedString(b)));
    return product.shiftRight(64).longValue() ^ product.mod(TWO_64).longValue();
  }

  /** Random words and the sign-bit edge cases agree with an exact BigInteger product. */
  @Test
  @DisplayName("mix agrees with an exact BigInteger product, also when the top bits are set")
  void matchesExactProduct() {
    long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0xa0761d6478bd642fL};
    for (long a : edges) {
      for (long b : edges) {
        assertThat(Memhash64Hasher.mix(a, b)).as("mix(%x, %x)", a, b).isEqualTo(reference(a, b));
      }
    }
    Random rnd = new Random(31);
    for (int i = 0; i < 10_000; i++) {
      long a = rnd.nextLong();
      long b = rnd.nextLong();
      assertThat(Memhash64Hasher.mix(a, b)).as("mix(%x, %x)", a, b).isEqualTo(reference(a, b));
    }
  }
}
