package io.gomap4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The growth-latency harness times every step of a fill, for a map and for the no-map control. */
class GrowthLatencyTest {

  private static final int SIZE = 3_000;

  @Test
  void timesEveryPutOfAMapAndRecordsItsLargestAllocation() {
    Map<String, Object> r = GrowthLatency.measure("gomap", SIZE);
    assertThat(r).containsEntry("impl", "gomap").containsEntry("label", "LongLongGoMap");
    assertThat(((Map<?, ?>) r.get("all")).get("count")).isEqualTo((long) SIZE);
    // A growing map allocates (pages, overflow buckets), so the largest allocation is seen.
    assertThat((Long) r.get("maxBytesAllocatedByOnePut")).isPositive();
  }

  @Test
  void theControlTimesTheSameNumberOfStepsAndAllocatesNothing() {
    Map<String, Object> r = GrowthLatency.measure(GrowthLatency.CONTROL, SIZE);
    assertThat(r).containsEntry("impl", GrowthLatency.CONTROL);
    assertThat((String) r.get("label")).contains("no map");
    assertThat(((Map<?, ?>) r.get("all")).get("count")).isEqualTo((long) SIZE);
    assertThat(((Map<?, ?>) r.get("excludingGc")).get("count"))
        .isEqualTo((long) SIZE - ((Number) ((Map<?, ?>) r.get("excludingGc")).get("excludedPuts"))
            .longValue());
    assertThat((Long) r.get("maxBytesAllocatedByOnePut")).isZero();
  }
}
