package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.engine.Plugins;
import io.gomap4j.tck.MapContract;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * A trace Go 1.19 recorded from {@code make(map[int64]int64, hint)} with a hint its
 * {@code makemap} takes as 0 (negative, or with buckets past the GOARCH's {@code maxAlloc})
 * replays state for state with {@code gomap4j trace}, from B=0 as in Go.
 *
 * <p>The traces ({@code src/test/resources/vectors/tracehint/}) are this project's own, made by
 * {@code src/test/go/tracehint/record.sh} with go1.19 (see its README).
 */
class TraceHintVectorsTest {

  static List<Path> traces() throws IOException, URISyntaxException {
    Path dir = Path.of(TraceHintVectorsTest.class.getResource("/vectors/tracehint").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> traces = files.sorted().toList();
      assertThat(traces).as("traces in %s", dir).hasSize(8);
      return traces;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("traces")
  @DisplayName("Go's trace of a map made with a hint makemap takes as 0 replays without divergence")
  void replaysLikeGo(Path trace) throws IOException {
    String header = Files.readAllLines(trace).get(0);
    String name = trace.getFileName().toString();
    String hint = name.substring(name.indexOf('_') + 1, name.length() - ".txt".length())
        .replace('m', '-');
    assertThat(header).as("the header of %s", name)
        .contains("\"goarch\":\"" + name.substring(0, name.indexOf('_')) + "\"")
        .contains("\"hint\":" + hint + ",")
        .contains("\"B0\":0}");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(new Main(Plugins::discovered, MapContract::checks, false));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute("trace", "--replay", trace.toString());
    assertThat(exit).as("%s%s", out, err).isEqualTo(Main.OK);
    assertThat(out.toString()).contains("trace: 300 ops, 300 states matched");
  }
}
