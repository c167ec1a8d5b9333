package io.gomap4j.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Option parsing, child JVMs and machine description for the benchmark main classes. */
final class Cli {

  private Cli() {}

  /**
   * {@code --name value} options over the defaults given as name, value pairs.
   *
   * @throws IllegalArgumentException on an unknown option or a missing value
   */
  static Map<String, String> options(String[] args, String... defaults) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < defaults.length; i += 2) {
      m.put(defaults[i], defaults[i + 1]);
    }
    for (int i = 0; i < args.length; i++) {
      if (!m.containsKey(args[i])) {
        throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + m.keySet());
      }
      if (i + 1 == args.length) {
        throw new IllegalArgumentException("option " + args[i] + " needs a value");
      }
      m.put(args[i], args[++i]);
    }
    return m;
  }

  /**
   * The value of option {@code name} as a positive int.
   *
   * @throws IllegalArgumentException naming the option when it is not a whole number of at least 1
   */
  static int positive(Map<String, String> opts, String name) {
    String v = opts.get(name);
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "option " + name + " must be a whole number of at least 1; got '" + v + "'");
  }

  /**
   * Runs {@code main} of {@code mainClass} in a new JVM on this JVM's class path, with
   * {@code jvmArgs}; returns the JSON object its standard output ends with. Its standard error
   * goes to ours.
   *
   * @throws IllegalStateException if the child fails
   */
  static String child(Class<?> mainClass, List<String> jvmArgs, List<String> args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass.getName());
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(out);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    int rc = p.waitFor();
    if (rc != 0) {
      throw new IllegalStateException("child JVM failed (exit " + rc + "): " + String.join(" ", cmd));
    }
    // The result is the JSON object at the end; anything before it (JOL's notes) goes to stderr.
    String text = out.toString(StandardCharsets.UTF_8);
    int at = text.startsWith("{") ? 0 : text.indexOf("\n{\n") + 1;
    if (at > 0) {
      System.err.print(text.substring(0, at));
    }
    return text.substring(at);
  }

  /** The JVM and machine a result was measured on. */
  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    m.put("date", java.time.Instant.now().toString());
    m.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
    return m;
  }
}
