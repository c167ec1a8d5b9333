package io.gomap4j.engine.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;

/**
 * Hash providers whose classes the JVM cannot load or initialize, compiled at test time into a
 * directory of their own (so that only a class loader over that directory finds them), then
 * broken: one class file claims a newer Java than the running one, and the superclass of another
 * is deleted. The CLI's tests use them too, through the engine's test jar (which holds this
 * package, {@code io.gomap4j.engine.testing}, only).
 */
public final class UnloadablePlugins {

  /** A class file whose major version is one above what this JVM reads. */
  public static final String NEWER = "fixture.NewerHash";

  /** A class whose superclass, {@code fixture.LostBase}, is missing. */
  public static final String ORPHAN = "fixture.OrphanHash";

  /** A class whose static initializer throws. */
  public static final String FAILING_INIT = "fixture.FailingInitHash";

  /** What the static initializer of {@link #FAILING_INIT} throws. */
  public static final String FAILING_INIT_MESSAGE = "no key file for the static initializer";

  private static final Map<String, String> SOURCES = Map.of(
      "NewerHash", """
          package fixture;

          public class NewerHash extends io.gomap4j.engine.testing.TestHashes.Mix {
            public String name() { return "fixture-newer"; }
          }
          """,
      "LostBase", """
          package fixture;

          public class LostBase extends io.gomap4j.engine.testing.TestHashes.Mix {
            public String name() { return "fixture-orphan"; }
          }
          """,
      "OrphanHash", """
          package fixture;

          public class OrphanHash extends LostBase {
          }
          """,
      "FailingInitHash", """
          package fixture;

          public class FailingInitHash extends io.gomap4j.engine.testing.TestHashes.Mix {
            static final long KEY = key();

            static long key() {
              throw new IllegalStateException("%s");
            }

            public String name() { return "fixture-failing-init"; }
          }
          """.formatted(FAILING_INIT_MESSAGE));

  private UnloadablePlugins() {}

  /** Compiles the classes into {@code dir} (a class path root) and breaks them; returns it. */
  public static Path compile(Path dir) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/fixture"));
    List<String> args = new ArrayList<>(List.of("-d", dir.toString(), "-cp",
        System.getProperty("java.class.path"), "--release", "17"));
    for (Map.Entry<String, String> e : SOURCES.entrySet()) {
      Path file = src.resolve(e.getKey() + ".java");
      Files.writeString(file, e.getValue());
      args.add(file.toString());
    }
    ToolProvider javac = ToolProvider.findFirst("javac")
        .orElseThrow(() -> new AssertionError("the tests need a JDK, with javac"));
    StringWriter log = new StringWriter();
    int rc = javac.run(new PrintWriter(log), new PrintWriter(log), args.toArray(String[]::new));
    if (rc != 0) {
      throw new AssertionError("javac of the fixtures failed: " + log);
    }
    Files.delete(dir.resolve("fixture/LostBase.class"));
    Path newer = dir.resolve("fixture/NewerHash.class");
    Files.write(newer, tooNew(Files.readAllBytes(newer)));
    return dir;
  }

  /**
   * {@code classFile} with its major version (bytes 6 and 7) one above the newest this JVM reads
   * (44 + its feature release): 62 on Java 17.
   */
  public static byte[] tooNew(byte[] classFile) {
    int major = 45 + Runtime.version().feature();
    byte[] out = classFile.clone();
    out[6] = (byte) (major >>> 8);
    out[7] = (byte) major;
    return out;
  }
}
