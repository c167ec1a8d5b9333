package io.gomap4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  @DisplayName("the command names a missing or unreadable file and a file that is no result in one"
      + " line and exits 2, without a stack trace")
  void commandLineErrors(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    Path missing = dir.resolve("none.json");
    assertThat(ResultsTable.run(new String[] {missing.toString()}, o, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("ResultsTable: no such file: " + missing + System.lineSeparator());
    err.reset();
    assertThat(ResultsTable.run(new String[] {dir.toString()}, o, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("ResultsTable: cannot read "
        + dir + ": ").doesNotContain("\tat ");
    err.reset();
    Path notResult = Files.writeString(dir.resolve("a.json"), "{\"a\":1}");
    assertThat(ResultsTable.run(new String[] {notResult.toString()}, o, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("ResultsTable: " + notResult
        + ": ").contains("not a JMH JSON result");
    err.reset();
    Path latin1 = Files.write(dir.resolve("latin1.json"), new byte[] {'{', (byte) 0xe9, '}'});
    assertThat(ResultsTable.run(new String[] {latin1.toString()}, o, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("ResultsTable: " + latin1
        + " is not UTF-8 text, as JMH writes its results" + System.lineSeparator());
    err.reset();
    Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(1_000_000));
    assertThat(ResultsTable.run(new String[] {deep.toString()}, o, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("ResultsTable: " + deep + ": ")
        .doesNotContain("\tat ");
    err.reset();
    assertThat(ResultsTable.run(new String[0], o, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: ResultsTable");
    assertThat(out.size()).isZero();
  }
}
