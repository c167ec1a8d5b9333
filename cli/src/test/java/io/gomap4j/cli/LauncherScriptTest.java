package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code gomap4j} launcher at the repository root, run from a copy in a scratch tree with a
 * fake Maven (which records its arguments and makes the jar) and a fake {@code java} (which prints
 * its arguments), so that nothing is built and the real {@code cli/target} is not touched.
 */
class LauncherScriptTest {

  private static final Path LAUNCHER = Path.of("..", "gomap4j").toAbsolutePath().normalize();

  @TempDir Path root;

  private Path javaHome;
  private Path mvnArgs;

  @BeforeEach
  void scratchTree() throws IOException {
    assumeTrue(Files.isRegularFile(LAUNCHER), "needs the launcher at " + LAUNCHER);
    Files.copy(LAUNCHER, root.resolve("gomap4j"));
    executable(root.resolve("gomap4j"));
    Files.writeString(root.resolve("pom.xml"), "<project/>\n");
    mvnArgs = root.resolve("mvn-args");
    Path mvn = root.resolve("fake-mvn");
    Files.writeString(mvn, "#!/usr/bin/env bash\n"
        + "printf '%s\\n' \"$@\" > '" + mvnArgs + "'\n"
        + "mkdir -p cli/target && : > cli/target/gomap4j.jar\n");
    executable(mvn);
    javaHome = root.resolve("jdk");
    Path java = javaHome.resolve("bin").resolve("java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, "#!/usr/bin/env bash\necho \"java $*\"\n");
    executable(java);
  }

  @Test
  void mvnCarriesMavenOptionsSplitOnSpaces() throws Exception {
    Result r = run(Map.of("MVN", root.resolve("fake-mvn") + " -o -Dmaven.repo.local=/tmp/m2"),
        "plugins");

    assertThat(r.exit).as(r.err).isZero();
    assertThat(r.err).contains("gomap4j: building (first run)...");
    assertThat(Files.readAllLines(mvnArgs))
        .containsExactly("-o", "-Dmaven.repo.local=/tmp/m2", "-B", "-q", "-DskipTests", "install");
    assertThat(r.out.strip())
        .isEqualTo("java -jar " + root.toRealPath().resolve("cli/target/gomap4j.jar") + " plugins");
  }

  @Test
  void aMissingMavenIsNamedWithoutItsOptions() throws Exception {
    Result r = run(Map.of("MVN", "no-such-mvn-here -o"), "plugins");

    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("gomap4j: no-such-mvn-here not found on PATH;");
    assertThat(mvnArgs).doesNotExist();
  }

  @Test
  void aBlankMvnIsRefused() throws Exception {
    Result r = run(Map.of("MVN", "  "), "plugins");

    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("MVN holds only spaces");
  }

  private Result run(Map<String, String> env, String... args) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("gomap4j").toString());
    pb.command().addAll(List.of(args));
    pb.environment().putAll(env);
    pb.environment().put("JAVA_HOME", javaHome.toString());
    pb.environment().put("PATH", "/usr/bin" + File.pathSeparator + "/bin");
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out, err);
  }

  private static void executable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private record Result(int exit, String out, String err) {}
}
