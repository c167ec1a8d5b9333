package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.engine.testing.UnloadablePlugins;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin on the class path that cannot be loaded is told once, by the command, in its own JVM
 * with the CLI's logging (logback.xml), as a user runs it: not also as the engine's WARN log line.
 */
class PluginProblemsTest {

  private static final String PROBLEM = "hash plugin could not be loaded:"
      + " io.gomap4j.spi.HashProvider: Provider com.example.Missing not found";

  @TempDir Path dir;

  private Path broken;

  /** A jar whose services file names a class it does not hold. */
  @BeforeEach
  void brokenJar() throws IOException {
    broken = dir.resolve("broken.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(broken))) {
      out.putNextEntry(new JarEntry("META-INF/services/io.gomap4j.spi.HashProvider"));
      out.write("com.example.Missing\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }

  private record Result(int exit, String out, String err) {}

  private Result gomap4j(String... args) throws Exception {
    return gomap4jWith(broken.toString(), args);
  }

  /** The CLI in its own JVM, with {@code classPath} after the tests' class path. */
  private Result gomap4jWith(String classPath, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path") + File.pathSeparator + classPath,
        Main.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("out").toFile())
        .redirectError(dir.resolve("err").toFile())
        .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("gomap4j ended").isTrue();
    return new Result(p.exitValue(), Files.readString(dir.resolve("out")),
        Files.readString(dir.resolve("err")));
  }

  @Test
  @DisplayName("tck -q tells a plugin that could not be loaded once, as a warning on stderr, with"
      + " no WARN log line")
  void tckQuiet() throws Exception {
    Result r = gomap4j("tck", "-q", "--hash", "memhash-go119", "--layout", "386", "--growth",
        "go119", "--check", "map.order");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.err().lines().toList()).containsExactly("warning: " + PROBLEM);
    assertThat(r.out()).contains("1 combination x 1 check = 1 run");
  }

  @Test
  @DisplayName("plugins lists the problem below its table, and stderr stays empty")
  void plugins() throws Exception {
    Result r = gomap4j("plugins");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("warning: " + PROBLEM);
    assertThat(r.err()).isEmpty();
  }

  @Test
  @DisplayName("A provider class on the class path that was built for a newer Java is told as a"
      + " warning naming it, and plugins and tck run, instead of ending with the JVM's error")
  void classForANewerJava() throws Exception {
    Path classes = UnloadablePlugins.compile(dir.resolve("fixtures"));
    Path services = Files.createDirectories(dir.resolve("services/META-INF/services"));
    Files.writeString(services.resolve("io.gomap4j.spi.HashProvider"),
        UnloadablePlugins.NEWER + "\n");
    String classPath = classes + File.pathSeparator + dir.resolve("services");
    // The JVM's own words after the error's name vary by vendor and version.
    String problem = "hash plugin " + UnloadablePlugins.NEWER + " could not be loaded:"
        + " java.lang.UnsupportedClassVersionError: ";

    Result plugins = gomap4jWith(classPath, "plugins");
    assertThat(plugins.exit()).as(plugins.out() + plugins.err()).isZero();
    assertThat(plugins.out()).contains("warning: " + problem).contains("memhash-go119");
    assertThat(plugins.err()).isEmpty();

    Result tck = gomap4jWith(classPath, "tck", "-q", "--hash", "memhash-go119", "--layout", "386",
        "--growth", "go119", "--check", "map.order");
    assertThat(tck.exit()).as(tck.out() + tck.err()).isZero();
    assertThat(tck.err().lines().toList()).singleElement().asString()
        .startsWith("warning: " + problem);
  }

  @Test
  @DisplayName("With -v the engine's log line is kept, beside the command's warning")
  void verbose() throws Exception {
    Result r = gomap4j("-v", "plugins");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).contains("WARN  Plugins: " + PROBLEM);
  }
}
