package io.gomap4j.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Global defaults for new maps: a system property wins over the {@code gomap4j.properties} resource
 * on the class path, which wins over the built-in default. The builder overrides all of them.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>meaning</th><th>built-in default</th></tr>
 *   <tr><td>{@code gomap4j.hash}</td><td>hash provider name</td><td>{@code memhash-go119}</td></tr>
 *   <tr><td>{@code gomap4j.layout}</td><td>platform layout name (GOARCH)</td>
 *       <td>the JVM's own platform ({@code os.arch}) if that layout is installed, else
 *       {@code amd64}</td></tr>
 *   <tr><td>{@code gomap4j.growth}</td><td>growth policy name</td><td>{@code go119}</td></tr>
 *   <tr><td>{@code gomap4j.seed}</td><td>seed of every map's random source (decimal, or hex
 *       with {@code 0x})</td><td>a fresh random seed per map</td></tr>
 * </table>
 */
public final class Settings {

  /** Property names. */
  public static final String HASH = "gomap4j.hash";

  public static final String LAYOUT = "gomap4j.layout";
  public static final String GROWTH = "gomap4j.growth";
  public static final String SEED = "gomap4j.seed";

  /** The class-path resource read for defaults. */
  public static final String RESOURCE = "gomap4j.properties";

  /** Built-in defaults. */
  public static final String DEFAULT_HASH = "memhash-go119";

  public static final String DEFAULT_GROWTH = "go119";
  public static final String FALLBACK_LAYOUT = "amd64";

  private static final Map<String, String> OS_ARCH_TO_GOARCH =
      Map.ofEntries(
          Map.entry("amd64", "amd64"),
          Map.entry("x86_64", "amd64"),
          Map.entry("aarch64", "arm64"),
          Map.entry("arm64", "arm64"),
          Map.entry("x86", "386"),
          Map.entry("i386", "386"),
          Map.entry("i486", "386"),
          Map.entry("i586", "386"),
          Map.entry("i686", "386"),
          Map.entry("arm", "arm"),
          Map.entry("ppc64", "ppc64"),
          Map.entry("ppc64le", "ppc64le"),
          Map.entry("s390x", "s390x"),
          Map.entry("riscv64", "riscv64"),
          Map.entry("loongarch64", "loong64"),
          Map.entry("mips", "mips"),
          Map.entry("mipsel", "mipsle"),
          Map.entry("mips64", "mips64"),
          Map.entry("mips64el", "mips64le"));

  private Settings() {}

  /** The value of setting {@code key}: system property, then resource, else empty. */
  public static Optional<String> get(String key) {
    String v = System.getProperty(key);
    if (v == null) {
      v = Resource.PROPERTIES.getProperty(key);
    }
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  /** The GOARCH of the JVM's platform, if {@code os.arch} maps to one. */
  public static Optional<String> jvmGoarch() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return Optional.ofNullable(OS_ARCH_TO_GOARCH.get(arch));
  }

  /** The layout name used when neither the builder nor a setting names one. */
  public static String defaultLayout(Plugins plugins) {
    Optional<String> jvm = jvmGoarch();
    if (jvm.isPresent() && plugins.contains(PluginKind.LAYOUT, jvm.get())) {
      return jvm.get();
    }
    return FALLBACK_LAYOUT;
  }

  /**
   * Parses a seed: decimal, or hex after {@code 0x}.
   *
   * @throws IllegalArgumentException naming the setting and the expected form
   */
  public static long parseSeed(String what, String text) {
    String s = text.trim();
    try {
      if (s.startsWith("0x") || s.startsWith("0X")) {
        return Long.parseUnsignedLong(s.substring(2), 16);
      }
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          what + " must be a 64-bit integer, decimal or hex with 0x, got '" + text + "'", e);
    }
  }

  private static final class Resource {
    static final Properties PROPERTIES = load();

    private static Properties load() {
      Properties p = new Properties();
      ClassLoader cl = Settings.class.getClassLoader();
      try (InputStream in = cl == null ? null : cl.getResourceAsStream(RESOURCE)) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
      return p;
    }
  }
}
