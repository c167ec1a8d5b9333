package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.engine.Plugins;
import io.gomap4j.tck.MapContract;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gomap4j bench} fails with a usage error that says how to build what it needs. */
class BenchCommandTest {

  @TempDir Path dir;

  private static int run(StringWriter err, String... args) {
    CommandLine cl = Main.commandLine(new Main(Plugins::discovered, MapContract::checks, false));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  @DisplayName("a missing benchmarks jar is a usage error naming the build command")
  void missingJar() {
    StringWriter err = new StringWriter();
    int exit = run(err, "bench", "--quick", "--jar", dir.resolve("none.jar").toString());
    assertThat(exit).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("none.jar").contains(BenchCommand.BUILD);
  }

  @Test
  @DisplayName("bench without --quick points to run-all.sh")
  void needsQuick() {
    StringWriter err = new StringWriter();
    assertThat(run(err, "bench")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("run-all.sh");
  }

  @Test
  @DisplayName("the relay of the child's output decodes a character split across two reads")
  void relayDecodesAcrossReads() throws Exception {
    // 8,191 ASCII bytes, then the two bytes of U+00D7: the first read of 8,192 bytes ends
    // between them.
    String text = "a".repeat(8191) + "\u00d7 done\n";
    StringWriter sink = new StringWriter();
    BenchCommand.relay(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), new PrintWriter(sink));
    assertThat(sink.toString()).isEqualTo(text);
  }
}
