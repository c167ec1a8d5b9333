package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.engine.Plugins;
import io.gomap4j.tck.MapContract;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
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
  @DisplayName("a directory, a file that is no jar, a jar without the quick comparison (such as"
      + " the CLI's own) and an empty --jar are usage errors naming the path, not the child JVM's"
      + " 'could not find or load main class'")
  void wrongJars() throws Exception {
    StringWriter err = new StringWriter();
    assertThat(run(err, "bench", "--quick", "--jar", dir.toString())).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("the benchmarks jar " + dir + " is not a file;")
        .contains(BenchCommand.BUILD);

    Path text = Files.writeString(dir.resolve("notes.jar"), "not a zip\n");
    err = new StringWriter();
    assertThat(run(err, "bench", "--quick", "--jar", text.toString())).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("the benchmarks jar " + text + " is not a jar (")
        .contains(BenchCommand.BUILD);

    Path other = dir.resolve("other.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(other))) {
      out.putNextEntry(new JarEntry("io/gomap4j/cli/Main.class"));
      out.closeEntry();
    }
    err = new StringWriter();
    assertThat(run(err, "bench", "--quick", "--jar", other.toString())).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains(other + " is not the benchmarks jar: it has no"
        + " io/gomap4j/bench/Quick.class;").contains(BenchCommand.BUILD);

    err = new StringWriter();
    assertThat(run(err, "bench", "--quick", "--jar", "")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("'--jar'").contains("the value is empty; give a path");
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
