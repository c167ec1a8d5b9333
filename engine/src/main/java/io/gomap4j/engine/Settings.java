package io.gomap4j.engine;

import io.gomap4j.api.internal.Printable;
import io.gomap4j.spi.KeyMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
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
 *   <tr><td>{@code gomap4j.keysched}</td><td>Go's {@code runtime.aeskeysched} in hex: 256 digits
 *       (any platform), or 128 digits (32-bit platforms only)</td>
 *       <td>{@link KeyMaterial#processDefault()}: drawn once per JVM from
 *       {@code SecureRandom}</td></tr>
 *   <tr><td>{@code gomap4j.hashkey}</td><td>Go's {@code runtime.hashkey[0..3]}: four hex words,
 *       comma separated, as Go's vectors print them ({@code 4d65822107fcfd53,...})</td>
 *       <td>as {@code gomap4j.keysched}</td></tr>
 * </table>
 *
 * <p>{@code gomap4j.keysched} and {@code gomap4j.hashkey} make up one key material and are set
 * together or not at all; one without the other is refused. Key material given to the builder
 * ({@link GoMaps.Builder#keyMaterial}) wins over them. Set, they make every map's hashes
 * reproducible across runs (with a fixed {@code gomap4j.seed}, whole maps); keep them secret,
 * as Go keeps its own: whoever knows them can choose keys that all land in one bucket.
 *
 * <p>System properties are read whenever a map is built, so a change applies to the next map; the
 * {@value #RESOURCE} resource is read once.
 */
public final class Settings {

  /** Property names. */
  public static final String HASH = "gomap4j.hash";

  public static final String LAYOUT = "gomap4j.layout";
  public static final String GROWTH = "gomap4j.growth";
  public static final String SEED = "gomap4j.seed";
  public static final String KEYSCHED = "gomap4j.keysched";
  public static final String HASHKEY = "gomap4j.hashkey";

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
    return Optional.ofNullable(value(key));
  }

  /** {@link #get}'s value, or null when empty: what the builder reads on every build. */
  static String value(String key) {
    String v = System.getProperty(key);
    if (v == null) {
      v = Resource.PROPERTIES.getProperty(key);
    }
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** The GOARCH of the JVM's platform, if {@code os.arch} maps to one. */
  public static Optional<String> jvmGoarch() {
    String osArch = System.getProperty("os.arch", "");
    JvmGoarch last = lastJvmGoarch;
    if (last != null && last.osArch.equals(osArch)) {
      return last.goarch;
    }
    Optional<String> goarch =
        Optional.ofNullable(OS_ARCH_TO_GOARCH.get(osArch.toLowerCase(Locale.ROOT)));
    lastJvmGoarch = new JvmGoarch(osArch, goarch);
    return goarch;
  }

  /**
   * The last {@code os.arch} {@link #jvmGoarch} mapped, with its answer: the property is read on
   * every call, but only lower-cased and looked up again when it changes.
   */
  private static volatile JvmGoarch lastJvmGoarch;

  private record JvmGoarch(String osArch, Optional<String> goarch) {}

  /** The layout name used when neither the builder nor a setting names one. */
  public static String defaultLayout(Plugins plugins) {
    Optional<String> jvm = jvmGoarch();
    if (jvm.isPresent() && plugins.contains(PluginKind.LAYOUT, jvm.get())) {
      return jvm.get();
    }
    return FALLBACK_LAYOUT;
  }

  /**
   * Parses a seed: decimal from -2^63 to 2^64-1 (a value above {@code Long.MAX_VALUE} is the
   * unsigned 64-bit value, as hex is: {@code 18446744073709551615} is -1), or hex after
   * {@code 0x}.
   *
   * @throws IllegalArgumentException naming the setting, the text (a control character in it
   *     written as {@code \}{@code u00XX}) and the expected form
   */
  public static long parseSeed(String what, String text) {
    String s = text.trim();
    try {
      if (s.startsWith("0x") || s.startsWith("0X")) {
        return Long.parseUnsignedLong(s.substring(2), 16);
      }
      return s.startsWith("-") ? Long.parseLong(s) : Long.parseUnsignedLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a 64-bit integer, decimal (-2^63 to"
          + " 2^64-1) or hex with 0x, got '" + Printable.of(text) + "'", e);
    }
  }

  /**
   * The key material that {@link #KEYSCHED} and {@link #HASHKEY} set, if they are set. Read on
   * every call (the last result is kept while the texts stay the same).
   *
   * @throws IllegalArgumentException if only one of the two is set, or either is malformed; the
   *     message names the property and the expected form
   */
  public static Optional<KeyMaterial> keyMaterial() {
    return Optional.ofNullable(keyMaterialValue());
  }

  /** {@link #keyMaterial}'s key material, or null when neither setting is set. */
  static KeyMaterial keyMaterialValue() {
    String sched = value(KEYSCHED);
    String keys = value(HASHKEY);
    if (sched == null && keys == null) {
      return null;
    }
    if (sched == null || keys == null) {
      throw new IllegalArgumentException(
          (sched != null ? KEYSCHED : HASHKEY) + " is set but "
              + (sched != null ? HASHKEY : KEYSCHED) + " is not: set both " + KEYSCHED
              + " and " + HASHKEY + " (they make up one key material), or neither");
    }
    ParsedKeys last = lastKeys;
    if (last != null && last.sched.equals(sched) && last.keys.equals(keys)) {
      return last.material;
    }
    KeyMaterial km = parseKeyMaterial(KEYSCHED, sched, HASHKEY, keys);
    lastKeys = new ParsedKeys(sched, keys, km);
    return km;
  }

  /**
   * Parses key material from hex, naming {@code schedName} or {@code keysName} in errors.
   *
   * @param schedName what {@code sched} is called in messages (a property or an option)
   * @param sched {@code aeskeysched}: 256 hex digits, or 128 for 32-bit platforms only
   * @param keysName what {@code keys} is called in messages
   * @param keys {@code hashkey[0..3]}: four hex words, comma separated
   * @throws IllegalArgumentException naming the setting and the expected form; the message does
   *     not repeat a key schedule (it is a secret)
   */
  public static KeyMaterial parseKeyMaterial(
      String schedName, String sched, String keysName, String keys) {
    try {
      return KeyMaterial.fromHex(sched, keys);
    } catch (IllegalArgumentException e) {
      // KeyMaterial names its parts aeskeysched and hashkey; say which setting the user gave.
      String m = e.getMessage();
      if (m.startsWith("aeskeysched ")) {
        throw new IllegalArgumentException(schedName + m.substring("aeskeysched".length()), e);
      }
      throw new IllegalArgumentException(keysName + " must be four hex words of up to 16 digits,"
          + " comma separated (Go's runtime.hashkey[0..3]): " + m, e);
    }
  }

  private static volatile ParsedKeys lastKeys;

  private record ParsedKeys(String sched, String keys, KeyMaterial material) {}

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
