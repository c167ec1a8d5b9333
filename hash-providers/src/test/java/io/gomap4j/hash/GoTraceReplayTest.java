package io.gomap4j.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.trace.TraceReplay;
import io.gomap4j.tck.vectors.GoVectors;
import java.io.InputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code map[int64]int64} goes through exactly the states Go 1.19's runtime went through for the
 * same operations, key material and seed: with {@code memhash-go119} for the traces Go recorded
 * without AES, with {@code aeshash-go119} for those recorded with it (the trace header's
 * {@code aes} field picks the provider).
 */
class GoTraceReplayTest {

  @DisplayName("memhash-go119 and aeshash-go119 maps grow exactly as Go's do, state for state")
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "shared-amd64-aesfalse.txt",
        "shared-386-aesfalse.txt",
        "shared-amd64-aestrue.txt",
        "shared-386-aestrue.txt"
      })
  void replaysWithoutDivergence(String trace) throws Exception {
    TraceReplay.Result result;
    try (InputStream in = GoVectors.openTrace(trace)) {
      result = TraceReplay.replay(in, trace, Plugins.discovered(), null, true);
    }
    assertThat(result.hash())
        .as("provider chosen from the header")
        .isEqualTo(trace.contains("aestrue") ? "aeshash-go119" : "memhash-go119");
    assertThat(result.divergence()).as(result.summary()).isNull();
    assertThat(result.ops()).isEqualTo(4000);
    assertThat(result.statesMatched()).isEqualTo(4000);
  }
}
