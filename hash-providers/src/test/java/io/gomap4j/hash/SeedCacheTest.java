package io.gomap4j.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hasher's cache of per-seed work never changes a result: one hasher gives what a fresh hasher
 * gives, whatever seeds and lengths came before, and on any number of threads at once.
 */
@DisplayName("Per-seed caches never change a hash")
class SeedCacheTest {

  private static final KeyMaterial KEYS = KeyMaterial.random(new Random(7));

  /** Each hasher kind, as a factory, so that fresh instances can be compared. */
  static Stream<Supplier<Hasher>> factories() {
    return TestPlatforms.hashers(KEYS)
        .map(h -> {
          Hasher first = h;
          return new Supplier<Hasher>() {
            @Override
            public Hasher get() {
              return TestPlatforms.hashers(KEYS)
                  .filter(x -> x.toString().equals(first.toString()))
                  .findFirst()
                  .orElseThrow();
            }

            @Override
            public String toString() {
              return first.toString();
            }
          };
        });
  }

  /** Every entry point with one seed, on a fresh hasher each time. */
  private static long[] fresh(Supplier<Hasher> factory, byte[] data, int length, long seed) {
    return all(factory.get(), data, length, seed);
  }

  private static long[] all(Hasher h, byte[] data, int length, long seed) {
    return new long[] {
      h.memhash(data, 1, length, seed),
      h.memhash32((int) (seed * 31 + length), seed),
      h.memhash64(seed * 17 + length, seed),
      h.f32hash(length + 0.5f, seed),
      h.f64hash(length + 0.25, seed)
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("factories")
  @DisplayName("Seeds and lengths in any order give a fresh hasher's results")
  void interleavedSeedsAgreeWithFreshHashers(Supplier<Hasher> factory) {
    Random r = new Random(3);
    byte[] data = new byte[64];
    r.nextBytes(data);
    long[] seeds = {0, 1, -1, 0x1234_5678_9abcL, r.nextLong()};
    Hasher shared = factory.get();
    for (int i = 0; i < 400; i++) {
      long seed = seeds[r.nextInt(seeds.length)];
      int length = r.nextInt(40);
      assertThat(all(shared, data, length, seed))
          .as("seed %x length %d after %d calls", seed, length, i)
          .containsExactly(fresh(factory, data, length, seed));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("factories")
  @DisplayName("Threads with different seeds on one hasher each get a fresh hasher's results")
  void threadsWithOwnSeedsAgree(Supplier<Hasher> factory) throws Exception {
    byte[] data = new byte[64];
    new Random(5).nextBytes(data);
    Hasher shared = factory.get();
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long seed = 0x51ed_0000L + t;
        long[][] expected = new long[17][];
        for (int length = 0; length <= 16; length++) {
          expected[length] = fresh(factory, data, length, seed);
        }
        Callable<Integer> job = () -> {
          int checked = 0;
          for (int i = 0; i < 20_000; i++) {
            int length = i % 17;
            assertThat(all(shared, data, length, seed)).containsExactly(expected[length]);
            checked++;
          }
          return checked;
        };
        done.add(pool.submit(job));
      }
      for (Future<Integer> f : done) {
        assertThat(f.get()).isEqualTo(20_000);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
