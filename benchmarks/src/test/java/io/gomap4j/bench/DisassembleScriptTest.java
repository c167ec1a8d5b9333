package io.gomap4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disassemble.sh} on hand-made logs in the shape HotSpot prints without hsdis: it decodes
 * the right compilation and finds its loop. The machine code is a five-instruction x86-64 loop
 * whose encoding is fixed by the instruction set.
 */
class DisassembleScriptTest {

  private static final Path SCRIPT = Path.of("disassemble.sh").toAbsolutePath();

  /** xor eax,eax; inc eax; cmp eax,0xa; jne 0x2; ret. */
  private static final String LOOP = "  0x00007f0000001000: 31c0 ffc0 | 83f8 0a75 | f9c3\n";

  /** Three nops and a ret: no backward jump. */
  private static final String STRAIGHT = "  0x00007f0000002000: 9090 90c3\n";

  @TempDir Path dir;

  @BeforeAll
  static void toolsArePresent() {
    for (String tool : new String[] {"bash", "objdump", "perl"}) {
      assumeTrue(onPath(tool), "needs " + tool + " on the PATH");
    }
  }

  @Test
  void decodesTheLastPlainC2CompilationAndCountsItsLoop() throws Exception {
    Path log = log(
        compilation("c1", "    1", "Bench_jmhTest::stub", STRAIGHT),
        compilation("c2", "    2 %", "Bench_jmhTest::stub", STRAIGHT),
        compilation("c2", "    3", "Other::method", STRAIGHT),
        compilation("c2", "    4", "Bench_jmhTest::stub", LOOP),
        compilation("c2", "    5 %", "Bench_jmhTest::stub", STRAIGHT));

    Result r = run(log.toString(), "Bench_jmhTest::stub");

    assertThat(r.exit).as(r.err).isZero();
    assertThat(r.out).contains("    4       4       Bench_jmhTest::stub (59 bytes)");
    assertThat(r.out).contains("xor    eax,eax").contains("jne    0x2").contains("ret");
    assertThat(r.out.strip())
        .endsWith("longest loop: 3 instructions (0x2-0x7); commonest: cmp 1 inc 1 jne 1");
  }

  @Test
  void aLongLogAfterTheCompilationDoesNotStopTheScript() throws Exception {
    // More than a pipe's buffer after the code: a reader that stops early must not fail the run.
    String tail = "filler after the compilation\n".repeat(40_000);
    Path log = log(compilation("c2", "    4", "Bench_jmhTest::stub", LOOP), tail);

    Result r = run(log.toString(), "Bench_jmhTest::stub");

    assertThat(r.exit).as(r.err).isZero();
    assertThat(r.out.strip())
        .endsWith("longest loop: 3 instructions (0x2-0x7); commonest: cmp 1 inc 1 jne 1");
  }

  @Test
  void codeWithoutABackwardJumpHasNoLoop() throws Exception {
    Result r = run(log(compilation("c2", "    7", "A::b", STRAIGHT)).toString());

    assertThat(r.exit).as(r.err).isZero();
    assertThat(r.out.strip()).endsWith("no backward conditional jump: no loop");
  }

  @Test
  void aCompilationPrintedAsInstructionsIsNamedAsHavingNoHex() throws Exception {
    // What the JVM prints when an hsdis library is loaded: text, no hex lines.
    String text = "  0x00007f0000001000:   xor    eax,eax\n  0x00007f0000001002:   ret\n";
    Path log = log(compilation("c2", "    4", "Bench_jmhTest::stub", text));

    Result r = run(log.toString(), "Bench_jmhTest::stub");

    assertThat(r.exit).isEqualTo(1);
    assertThat(r.err).contains("has no hex machine code");
  }

  @Test
  void aPatternThatNamesNoCompilationFailsWithItsName() throws Exception {
    Path log = log(compilation("c2", "    4", "Bench_jmhTest::stub", LOOP));

    Result r = run(log.toString(), "Missing::method");

    assertThat(r.exit).isEqualTo(1);
    assertThat(r.err).contains("no C2 compilation").contains("'Missing::method'");
  }

  @Test
  void aMissingLogOrWrongArgumentsAreUsageErrors() throws Exception {
    Result missing = run(dir.resolve("absent.log").toString());
    assertThat(missing.exit).isEqualTo(2);
    assertThat(missing.err).contains("cannot read log file").contains("absent.log");

    Result none = run();
    assertThat(none.exit).isEqualTo(2);
    assertThat(none.err).contains("usage:");
  }

  private static String compilation(String tier, String id, String method, String hex) {
    return "Compiled method (" + tier + ")    2423 " + id + "       4       " + method
        + " (59 bytes)\n total in heap  [0x00007f0000000000,0x00007f0000003000] = 4528\n\n"
        + "[MachCode]\n[Verified Entry Point]\n  # {method} 'stub'\n"
        + hex
        + "[/MachCode]\n";
  }

  private Path log(String... compilations) throws IOException {
    Path log = dir.resolve("jvm.log");
    Files.writeString(log, String.join("\n", compilations), StandardCharsets.UTF_8);
    return log;
  }

  private static Result run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out, err);
  }

  private static boolean onPath(String tool) {
    try {
      Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static final class Result {
    final int exit;
    final String out;
    final String err;

    Result(int exit, String out, String err) {
      this.exit = exit;
      this.out = out;
      this.err = err;
    }
  }
}
