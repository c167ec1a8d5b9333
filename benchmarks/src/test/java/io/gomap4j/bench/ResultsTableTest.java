package io.gomap4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A JMH JSON result becomes one Markdown table per benchmark, with ratios to the baseline. */
class ResultsTableTest {

  private static String run(String benchmark, String params, double score, String error) {
    return "{\"jmhVersion\":\"1.37\",\"benchmark\":\"io.gomap4j.bench." + benchmark + "\","
        + "\"mode\":\"avgt\",\"threads\":1,\"forks\":1,"
        + (params == null ? "" : "\"params\":{" + params + "},")
        + "\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":" + error
        + ",\"scoreConfidence\":[1.0,2.0],\"scoreUnit\":\"ns/op\",\"rawData\":[[1.0,2.0]]},"
        + "\"secondaryMetrics\":{}}";
  }

  @Test
  @DisplayName("rows are hashes in the default order, columns lengths in numeric order")
  void table() {
    String json = "[" + String.join(",",
        run("HashBenchmark.bytes", "\"hash\":\"hash4j-wyhash\",\"length\":\"16\"", 2.0, "0.1"),
        run("HashBenchmark.bytes", "\"hash\":\"hash4j-wyhash\",\"length\":\"8\"", 1.5, "0.05"),
        run("HashBenchmark.bytes", "\"hash\":\"memhash-go119\",\"length\":\"8\"", 3.0, "\"NaN\""),
        run("HashBenchmark.bytes", "\"hash\":\"memhash-go119\",\"length\":\"16\"", 250.0, "12.5"),
        run("Int64HashBenchmark.int64", "\"hash\":\"hash4j-wyhash\"", 1.0, "0.0"),
        run("Int64HashBenchmark.int64", "\"hash\":\"memhash-go119\"", 1.25, "0.01")) + "]";

    assertThat(ResultsTable.markdown(json, "hash4j-wyhash")).isEqualTo(
        "**HashBenchmark.bytes** (ns/op; ratio to hash4j-wyhash in the same column)\n\n"
            + "| hash | length=8 | length=16 |\n"
            + "| --- | ---: | ---: |\n"
            + "| memhash-go119 | 3.00 (2.00×) | 250 ± 12.5 (125.00×) |\n"
            + "| hash4j-wyhash | 1.50 ± 0.05 (1.00×) | 2.00 ± 0.10 (1.00×) |\n"
            + "\n"
            + "**Int64HashBenchmark.int64** (ns/op; ratio to hash4j-wyhash in the same column)\n\n"
            + "| hash | score |\n"
            + "| --- | ---: |\n"
            + "| memhash-go119 | 1.25 ± 0.01 (1.25×) |\n"
            + "| hash4j-wyhash | 1.00 ± 0.00 (1.00×) |\n");
  }

  @Test
  @DisplayName("input that is not a JMH result is refused")
  void notAResult() {
    assertThatThrownBy(() -> ResultsTable.markdown("{\"a\":1}", "hash4j-wyhash"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a JMH JSON result");
  }
}
