package io.gomap4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The map benchmarks measure what they say: every map under test is a correct map. */
class MapHarnessTest {

  @TempDir Path dir;

  static List<String> impls() {
    return LongMapUnderTest.NAMES;
  }

  @ParameterizedTest
  @MethodSource("impls")
  void everyImplementationIsAMap(String impl) {
    for (int expected : new int[] {0, 500}) {
      LongMapUnderTest m = LongMapUnderTest.create(impl, expected);
      long[] keys = Keys.present(500);
      for (long k : keys) {
        m.put(k, Long.valueOf(k));
      }
      assertThat(m.size()).isEqualTo(500);
      long digest = 0;
      for (long k : keys) {
        assertThat(m.get(k, Long.valueOf(k))).isEqualTo(k);
        digest += k ^ k;
      }
      assertThat(m.sum()).isEqualTo(digest);
      for (long k : Keys.absent(500)) {
        assertThat(m.get(k, Long.valueOf(k))).isIn(0L, Long.MIN_VALUE);
      }
      assertThat(m.remove(keys[7], Long.valueOf(keys[7]))).isEqualTo(keys[7]);
      assertThat(m.size()).isEqualTo(499);
    }
  }

  @Test
  void unknownImplementationListsTheKnownOnes() {
    assertThatThrownBy(() -> LongMapUnderTest.create("nope", 0))
        .hasMessageContaining("fastutil").hasMessageContaining("gomap");
  }

  @Test
  void presentAndAbsentKeysAreDistinctAndDisjoint() {
    Set<Long> seen = new HashSet<>();
    for (long k : Keys.present(10_000)) {
      assertThat(seen.add(k)).isTrue();
    }
    for (long k : Keys.absent(10_000)) {
      assertThat(seen.add(k)).isTrue();
    }
  }

  @Test
  void stringMapsAgree() {
    for (String impl : List.of(StringMapBenchmark.GOMAP, StringMapBenchmark.HASHMAP)) {
      Map<String, Long> m = StringMapBenchmark.create(impl, 0);
      for (String s : Keys.strings(0, 300)) {
        m.put(s, 1L);
      }
      assertThat(m).hasSize(300);
      assertThat(m.get(Keys.string(5))).isEqualTo(1L);
      assertThat(m.get(Keys.string(300))).isNull();
    }
  }

  @Test
  void reportWithoutResultsSaysNotYetMeasured() throws Exception {
    Report.Data d = Report.Data.load(dir);
    String md = Report.markdown(d, "charts");
    assertThat(md).contains(Report.NOT_MEASURED).contains("not yet measured");
    assertThat(Report.splice("a\n" + Report.BEGIN + "\nold\n" + Report.END + "\nb\n", "new\n"))
        .isEqualTo("a\n" + Report.BEGIN + "\nnew\n" + Report.END + "\nb\n");
  }

  @Test
  void reportReadsJmhResults() {
    String json = "[{\"benchmark\":\"io.gomap4j.bench.LongMapBenchmark.getHit\","
        + "\"params\":{\"impl\":\"gomap\",\"size\":\"100000\"},\"primaryMetric\":{\"score\":10.0,"
        + "\"scoreError\":1.0,\"scoreUnit\":\"ns/op\"}},"
        + "{\"benchmark\":\"io.gomap4j.bench.LongMapBenchmark.getHit\","
        + "\"params\":{\"impl\":\"fastutil\",\"size\":\"100000\"},\"primaryMetric\":{\"score\":12.5,"
        + "\"scoreError\":1.0,\"scoreUnit\":\"ns/op\"}}]";
    Report.Data d = new Report.Data();
    d.longScores.addAll(Report.jmh(json));
    assertThat(Report.targets(d))
        .contains("✅ LongLongGoMap get hit at 100,000 entries no slower than fastutil: 0.80×"
            + " (10.0 ± 1.00 ns against 12.5 ± 1.00 ns)");
  }

  private static String score(String op, String impl, int size, double nanos) {
    return "{\"benchmark\":\"io.gomap4j.bench.LongMapBenchmark." + op + "\","
        + "\"params\":{\"impl\":\"" + impl + "\",\"size\":\"" + size + "\"},"
        + "\"primaryMetric\":{\"score\":" + nanos + ",\"scoreError\":1.0,"
        + "\"scoreUnit\":\"ns/op\"}}";
  }

  @Test
  void aMissedGrowthTargetSaysWhatGrowingAddsToAPresizedFill() {
    // Whole-map times for 1,000 puts: gomap 90 us growing, 30 us presized; fastutil 40 and 25.
    String json = "[" + score("putGrowing", "gomap", 1000, 90_000) + ","
        + score("putPresized", "gomap", 1000, 30_000) + ","
        + score("putGrowing", "fastutil", 1000, 40_000) + ","
        + score("putPresized", "fastutil", 1000, 25_000) + "]";
    Report.Data d = new Report.Data();
    d.longScores.addAll(Report.jmh(json));
    assertThat(Report.targets(d))
        .contains("❌ LongLongGoMap put growing to 1,000 entries no slower than 1.3× fastutil: 2.25×")
        .contains("growing adds 60.0 ns per put to a presized fill for LongLongGoMap and 15.0 ns"
            + " for fastutil")
        .contains("the presized fill itself is 1.20× fastutil's (30.0 ns against 25.0 ns per"
            + " put: a Go put hashes with memhash64, reads")
        .doesNotContain("memhash64 (");
    d.memhash64Nanos = 3.5;
    assertThat(Report.targets(d)).contains("a Go put hashes with memhash64 (3.50 ns alone), reads");
  }

  @Test
  void aMissedGetTargetQuotesMemhash64FromTheHashResults() throws Exception {
    Files.writeString(dir.resolve("longmap-small.json"), "[" + score("getHit", "gomap", 100000, 25.0)
        + "," + score("getHit", "fastutil", 100000, 15.0) + "]");
    Files.writeString(dir.resolve("hash-run.json"),
        "[{\"benchmark\":\"io.gomap4j.bench.Int64HashBenchmark.int64\","
            + "\"params\":{\"hash\":\"hash4j-wyhash\"},\"primaryMetric\":{\"score\":3.0,"
            + "\"scoreError\":0.1,\"scoreUnit\":\"ns/op\"}},"
            + "{\"benchmark\":\"io.gomap4j.bench.Int64HashBenchmark.int64\","
            + "\"params\":{\"hash\":\"memhash-go119\"},\"primaryMetric\":{\"score\":4.25,"
            + "\"scoreError\":0.1,\"scoreUnit\":\"ns/op\"}}]");
    assertThat(Report.targets(Report.Data.load(dir)))
        .contains("❌ LongLongGoMap get hit at 100,000 entries no slower than fastutil: 1.67×")
        .contains("(memhash64 alone: 4.25 ns in hash-run.json, Int64HashBenchmark)");
  }
}
