package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.trace.TraceReplay;
import io.gomap4j.hash.MemhashGo119Provider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What secret key material buys: keys chosen to collide under one key material (as an attacker who
 * knew it could choose them) spread out under another, so a map keyed with material the attacker
 * does not know keeps short bucket chains.
 *
 * <p>The keys are found by brute force over {@code int64} values 0, 1, 2, ... with
 * {@code memhash-go119} on amd64, so the test is deterministic. The map-level part replays a
 * growth trace through the public {@link TraceReplay}, which builds a {@code map[int64]int64}
 * with a chosen {@code hash0} (a map's seed argument to the hasher), as Go's own traces do.
 */
@DisplayName("Keys that collide under one key material spread under another")
class SeedingTest {

  private static final Platform AMD64 = new Platform("amd64", 8, 8, ByteOrder.LITTLE_ENDIAN);

  /** The material the keys were chosen against. */
  private static final KeyMaterial A = KeyMaterial.fromHex("00".repeat(128),
      "4d65822107fcfd53,78629a0f5f3f164f,d5104dc76695721d,b80704bb7b4d7c03");

  /** Material the attacker does not know. */
  private static final KeyMaterial B = KeyMaterial.fromHex("00".repeat(128),
      "243f6a8885a308d3,13198a2e03707345,a4093822299f31d1,082efa98ec4e6c89");

  /** The map's hash0, a uint32: the seed every hash of the map's keys gets. */
  private static final long HASH0 = 0x5eed1234L;

  /** A B=5 map: 32 buckets, as make(map[int64]int64, 200) makes. */
  private static final int LOG2_BUCKETS = 5;
  private static final int HINT = 200;
  private static final int KEYS = 64;
  private static final int BUCKET_SLOTS = 8;

  private static List<Long> colliding;

  private static Hasher hasher(KeyMaterial km) {
    return new MemhashGo119Provider().create(AMD64, km);
  }

  private static int bucket(Hasher h, long key) {
    return (int) (h.memhash64(key, HASH0) & ((1 << LOG2_BUCKETS) - 1));
  }

  @BeforeAll
  static void findCollidingKeys() {
    Hasher a = hasher(A);
    colliding = new ArrayList<>();
    for (long k = 0; colliding.size() < KEYS; k++) {
      if (bucket(a, k) == 0) {
        colliding.add(k);
      }
    }
  }

  @Test
  @DisplayName("Under key material A, 64 brute-forced int64 keys all have home bucket 0 of 32")
  void keysCollideUnderA() {
    Hasher a = hasher(A);
    assertThat(colliding).hasSize(KEYS).doesNotHaveDuplicates();
    assertThat(colliding).allMatch(k -> bucket(a, k) == 0);
    // About one key in 32 qualifies: the search is cheap, which is the point of the attack.
    assertThat(colliding.get(KEYS - 1)).isLessThan(KEYS * 32 * 4);
  }

  @Test
  @DisplayName("Under key material B, with the same hash0, the same keys spread over at least 20"
      + " of the 32 buckets")
  void keysSpreadUnderB() {
    Hasher b = hasher(B);
    Set<Integer> buckets = new HashSet<>();
    for (long k : colliding) {
      buckets.add(bucket(b, k));
    }
    // 64 random keys over 32 buckets fill about 28 of them on average.
    assertThat(buckets).hasSizeGreaterThanOrEqualTo(20);
    assertThat(maxLoad(b)).isLessThanOrEqualTo(BUCKET_SLOTS);
  }

  private static int maxLoad(Hasher h) {
    int[] load = new int[1 << LOG2_BUCKETS];
    int max = 0;
    for (long k : colliding) {
      max = Math.max(max, ++load[bucket(h, k)]);
    }
    return max;
  }

  @Test
  @DisplayName("In a map with that hash0, the keys chain 7 overflow buckets under A and none"
      + " under B; both maps keep every key and their invariants")
  void mapLevel() throws IOException {
    int overflowA = replay(A);
    int overflowB = replay(B);
    // 64 keys in one bucket: 8 slots in the bucket and in each of 7 overflow buckets.
    assertThat(overflowA).isEqualTo(KEYS / BUCKET_SLOTS - 1);
    assertThat(overflowB).isZero();
  }

  /**
   * Replays the puts of the colliding keys on a map with {@code km} and {@link #HASH0}, checking
   * after each put that the map's state (B, noverflow, growth) is the one the hasher predicts:
   * a new key takes the first free slot of its home bucket's chain, so a chain of n keys has
   * ceil(n/8) - 1 overflow buckets. The replay also checks the map's structural invariants after
   * every put (every key findable in its chain, counts consistent).
   *
   * @return noverflow after the last put
   */
  private static int replay(KeyMaterial km) throws IOException {
    Hasher h = hasher(km);
    StringBuilder trace = new StringBuilder();
    trace.append("{\"goarch\":\"amd64\",\"aes\":false,\"keysched\":\"")
        .append(km.aeskeyschedHex()).append("\",\"hashkey\":\"").append(km.hashkeyHex())
        .append("\",\"hash0\":\"").append(Long.toHexString(HASH0)).append("\",\"hint\":")
        .append(HINT).append(",\"B0\":").append(LOG2_BUCKETS).append("}\n");
    int[] load = new int[1 << LOG2_BUCKETS];
    int noverflow = 0;
    for (long k : colliding) {
      int n = ++load[bucket(h, k)];
      if (n > BUCKET_SLOTS && (n - 1) % BUCKET_SLOTS == 0) {
        noverflow++;
      }
      trace.append("put ").append(k).append(" | B=").append(LOG2_BUCKETS).append(" noverflow=")
          .append(noverflow).append(" growing=false nevacuate=0 samesize=false\n");
    }
    TraceReplay.Result r = TraceReplay.replay(
        new ByteArrayInputStream(trace.toString().getBytes(StandardCharsets.UTF_8)),
        "colliding-keys", Plugins.discovered(), MemhashGo119Provider.NAME, true);
    assertThat(r.matched()).as(r.summary()).isTrue();
    assertThat(r.statesMatched()).isEqualTo(KEYS);
    return noverflow;
  }
}
