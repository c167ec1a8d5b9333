package io.gomap4j.cli;

import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.Settings;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import io.gomap4j.tck.vectors.GoVectors;
import io.gomap4j.tck.vectors.HashVector;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gomap4j hash}: checks a file of Go hash vectors, or computes one hash as Go would.
 */
@Command(
    name = "hash",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
        "Checks hash vectors recorded from Go's runtime, or computes one hash as Go would.",
        "With --vectors FILE: repeats every line of FILE (the format of Go's "
            + "*.jsonl, below) with the hash provider its \"alg\" names (memhash: "
            + "memhash-go119, aeshash: aeshash-go119) on the line's GOARCH, prints the first "
            + "failures and 'hash vectors: N passed, N failed', and exits 0 if none failed, 1 "
            + "otherwise. A file that cannot be read or parsed exits 2.",
        "Without --vectors: prints fn(data, seed) in hex, lower case, without 0x, as the vector "
            + "files print it. --keysched is required for aeshash and --hashkey for memhash; the "
            + "other one defaults to zeros (that hash does not read it). Typed values "
            + "(memhash32/64, f32hash/f64hash) are given as their bytes in the platform's byte "
            + "order, as in the vector files.",
        "Go's vectors: " + Main.VECTORS + "hash/"
    })
final class HashCommand implements Callable<Integer> {

  /** The vector files' "alg" values and the providers that implement them. */
  static final Map<String, String> ALGS = new TreeMap<>(Map.of(
      "memhash", "memhash-go119",
      "aeshash", "aeshash-go119"));

  /** Functions a single hash can be computed with. */
  static final List<String> FNS =
      List.of("memhash", "memhash32", "memhash64", "f32hash", "f64hash", "strhash");

  /** Platforms known without a layout plugin: the GOARCH values Go's vectors were recorded on. */
  static final Map<String, Platform> BUILT_IN_PLATFORMS = new TreeMap<>(Map.of(
      "amd64", new Platform("amd64", 8, 8, ByteOrder.LITTLE_ENDIAN),
      "386", new Platform("386", 4, 4, ByteOrder.LITTLE_ENDIAN),
      "s390x", new Platform("s390x", 8, 8, ByteOrder.BIG_ENDIAN),
      "mips", new Platform("mips", 4, 4, ByteOrder.BIG_ENDIAN)));

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--vectors", paramLabel = "FILE",
      description = "A file of hash vectors (JSON lines) to check.")
  Path vectors;

  @Option(names = "--max-failures", paramLabel = "N", defaultValue = "10",
      description = "With --vectors: how many failures to print (default: ${DEFAULT-VALUE}).")
  int maxFailures;

  @Option(names = "--alg", paramLabel = "ALG",
      description = "memhash (Go's fallback hash, memhash-go119) or aeshash (aeshash-go119).")
  String alg;

  @Option(names = "--goarch", paramLabel = "GOARCH",
      description = "The platform: a GOARCH with a layout plugin, or amd64, 386, s390x, mips.")
  String goarch;

  @Option(names = "--keysched", paramLabel = "HEX",
      description = "runtime.aeskeysched: 256 hex digits, or 128 on 32-bit platforms.")
  String keysched;

  @Option(names = "--hashkey", paramLabel = "HEX,HEX,HEX,HEX",
      description = "runtime.hashkey[0..3]: four hex words, comma separated.")
  String hashkey;

  @Option(names = "--seed", paramLabel = "HEX",
      description = "The seed (a map's hash0) in hex; at most 32 bits on 32-bit platforms.")
  String seed;

  @Option(names = "--fn", paramLabel = "FN",
      description = "memhash, memhash32, memhash64, f32hash, f64hash or strhash.")
  String fn;

  @Option(names = "--data", paramLabel = "HEX",
      description = "The bytes to hash, in hex (may be empty for memhash and strhash); 4 bytes "
          + "for memhash32/f32hash, 8 for memhash64/f64hash.")
  String data;

  @Override
  public Integer call() {
    List<String> oneShot = new ArrayList<>();
    addIfSet(oneShot, "--alg", alg);
    addIfSet(oneShot, "--goarch", goarch);
    addIfSet(oneShot, "--keysched", keysched);
    addIfSet(oneShot, "--hashkey", hashkey);
    addIfSet(oneShot, "--seed", seed);
    addIfSet(oneShot, "--fn", fn);
    addIfSet(oneShot, "--data", data);
    if (vectors != null) {
      if (!oneShot.isEmpty()) {
        throw usage("--vectors checks a file; it cannot be combined with "
            + String.join(", ", oneShot)
            + ", which compute a single hash");
      }
      if (maxFailures < 0) {
        throw usage("--max-failures must be 0 or more, got " + maxFailures);
      }
      return checkVectors();
    }
    if (spec.commandLine().getParseResult().hasMatchedOption("--max-failures")) {
      throw usage("--max-failures applies to --vectors only");
    }
    if (oneShot.isEmpty()) {
      throw usage("give --vectors FILE, or --alg, --goarch, --seed, --fn and --data (with "
          + "--hashkey or --keysched) to compute one hash");
    }
    return hashOnce();
  }

  private static void addIfSet(List<String> names, String name, String value) {
    if (value != null) {
      names.add(name);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  // ---- --vectors ----

  private int checkVectors() {
    List<HashVector> lines = VectorFiles.read(vectors, "hash", GoVectors::hashVectors);
    Plugins plugins = main.plugins();
    Map<List<Object>, Object> hashers = new HashMap<>();
    Set<String> missing = new TreeSet<>();
    return VectorFiles.check(spec.commandLine().getOut(), "hash", lines, v -> {
      String failure = check(v, plugins, hashers, missing);
      return failure == null ? null : v.source() + " " + v.alg() + " " + v.fn() + " data="
          + HexFormat.of().formatHex(v.data()) + " seed=" + Long.toHexString(v.seed())
          + " expected=" + Long.toHexString(v.hash()) + " " + failure;
    }, maxFailures, () -> missing.isEmpty() ? null : "not installed: " + String.join(", ", missing)
        + " (installed hash providers: " + plugins.names(PluginKind.HASH) + ")");
  }

  /** Null if the line passes, else why not: "got=HEX" or a reason. */
  private static String check(HashVector v, Plugins plugins, Map<List<Object>, Object> hashers,
      Set<String> missing) {
    String providerName = ALGS.get(v.alg());
    if (providerName == null) {
      return "unknown alg '" + v.alg() + "' (known: " + String.join(", ", ALGS.keySet()) + ")";
    }
    if (!plugins.contains(PluginKind.HASH, providerName)) {
      missing.add(providerName);
      return "not checked: hash provider " + providerName + " (alg " + v.alg()
          + ") is not installed";
    }
    Platform platform = platformOf(plugins, v.goarch());
    if (platform == null) {
      return "unknown goarch '" + v.goarch() + "' (no layout plugin, and not one of "
          + BUILT_IN_PLATFORMS.keySet() + ")";
    }
    if (platform.bits() != v.bits()) {
      return "the line says bits=" + v.bits() + " but " + platform;
    }
    if (!HashVector.FUNCTIONS.contains(v.fn())) {
      return "unknown fn '" + v.fn() + "' (known: " + String.join(", ", HashVector.FUNCTIONS) + ")";
    }
    String lengthProblem = lengthProblem(v.fn(), v.data().length);
    if (lengthProblem != null) {
      return lengthProblem;
    }
    HashProvider provider = plugins.hash(providerName);
    Object h = hashers.computeIfAbsent(List.of(providerName, platform, v.keyMaterial()), k -> {
      if (!provider.supports(platform)) {
        return providerName + " does not support " + platform + "; it supports "
            + provider.supportedPlatforms();
      }
      try {
        return provider.create(platform, v.keyMaterial());
      } catch (IllegalArgumentException e) {
        return providerName + " refused the line's platform or key material: " + e.getMessage();
      }
    });
    if (h instanceof String reason) {
      return reason;
    }
    long got = v.computeWith((Hasher) h);
    return got == v.hash() ? null : "got=" + Long.toHexString(got);
  }

  /** The platform of {@code goarch}: from its layout plugin, else the built-in table, else null. */
  static Platform platformOf(Plugins plugins, String goarch) {
    if (plugins.contains(PluginKind.LAYOUT, goarch)) {
      return plugins.layout(goarch).platform();
    }
    return BUILT_IN_PLATFORMS.get(goarch);
  }

  /** Null if {@code length} bytes suit {@code fn}, else what is wrong. */
  private static String lengthProblem(String fn, int length) {
    int want = switch (fn) {
      case "memhash32", "f32hash" -> 4;
      case "memhash64", "f64hash" -> 8;
      default -> -1;
    };
    return want < 0 || length == want ? null
        : fn + " takes " + want + " bytes of data, got " + length;
  }

  private static long hash(Hasher h, String fn, byte[] data, ByteOrder order, long seed) {
    return switch (fn) {
      case "memhash" -> h.memhash(data, 0, data.length, seed);
      case "strhash" -> h.strhash(data, seed);
      case "memhash32" -> h.memhash32(ByteBuffer.wrap(data).order(order).getInt(), seed);
      case "memhash64" -> h.memhash64(ByteBuffer.wrap(data).order(order).getLong(), seed);
      case "f32hash" -> h.f32hash(
          Float.intBitsToFloat(ByteBuffer.wrap(data).order(order).getInt()), seed);
      case "f64hash" -> h.f64hash(
          Double.longBitsToDouble(ByteBuffer.wrap(data).order(order).getLong()), seed);
      default -> throw new IllegalStateException("unknown fn " + fn);
    };
  }

  // ---- one hash ----

  private int hashOnce() {
    Map<String, String> required = new LinkedHashMap<>();
    required.put("--alg", alg);
    required.put("--goarch", goarch);
    required.put("--seed", seed);
    required.put("--fn", fn);
    required.put("--data", data);
    List<String> absent = new ArrayList<>();
    required.forEach((name, value) -> {
      if (value == null) {
        absent.add(name);
      }
    });
    if (!absent.isEmpty()) {
      throw usage("to compute one hash, also give " + String.join(", ", absent)
          + " (or give --vectors FILE alone)");
    }
    String providerName = ALGS.get(alg);
    if (providerName == null) {
      throw usage("--alg must be one of " + String.join(", ", ALGS.keySet()) + ", got '" + alg
          + "'");
    }
    if (!FNS.contains(fn)) {
      throw usage("--fn must be one of " + String.join(", ", FNS) + ", got '" + fn + "'");
    }
    Plugins plugins = main.plugins();
    Platform platform = platformOf(plugins, goarch);
    if (platform == null) {
      Set<String> known = new TreeSet<>(BUILT_IN_PLATFORMS.keySet());
      known.addAll(plugins.names(PluginKind.LAYOUT));
      throw usage("--goarch must be one of " + String.join(", ", known) + " (a layout plugin's"
          + " GOARCH or a built-in one), got '" + goarch + "'");
    }
    if (!plugins.contains(PluginKind.HASH, providerName)) {
      throw new CliException(Main.USAGE, "--alg " + alg + " needs the hash provider "
          + providerName + ", which is not installed (installed: "
          + plugins.names(PluginKind.HASH) + ")");
    }
    HashProvider provider = plugins.hash(providerName);
    if (!provider.supports(platform)) {
      throw new CliException(Main.USAGE, providerName + " does not support " + platform
          + "; it supports " + provider.supportedPlatforms());
    }
    boolean aes = alg.equals("aeshash");
    if (aes && keysched == null) {
      throw usage("--alg aeshash needs --keysched HEX (runtime.aeskeysched)");
    }
    if (!aes && hashkey == null) {
      throw usage("--alg memhash needs --hashkey HEX,HEX,HEX,HEX (runtime.hashkey[0..3])");
    }
    KeyMaterial km;
    try {
      km = Settings.parseKeyMaterial(
          "--keysched", keysched != null ? keysched : "00".repeat(KeyMaterial.KEYSCHED_BYTES_64),
          "--hashkey", hashkey != null ? hashkey : "0,0,0,0");
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (!km.fits(platform.bits())) {
      throw usage("--keysched has " + 2 * km.aeskeyschedLength() + " hex digits, a key schedule"
          + " for 32-bit platforms only; " + platform + " needs "
          + 2 * KeyMaterial.KEYSCHED_BYTES_64);
    }
    long s = parseSeed(platform);
    byte[] bytes = parseData();
    String lengthProblem = lengthProblem(fn, bytes.length);
    if (lengthProblem != null) {
      throw usage("--data: " + lengthProblem + " (" + 2 * bytes.length + " hex digits)");
    }
    Hasher hasher = provider.create(platform, km);
    long h = hash(hasher, fn, bytes, platform.byteOrder(), s);
    PrintWriter out = spec.commandLine().getOut();
    out.println(Long.toHexString(h));
    out.flush();
    if ((fn.equals("f32hash") || fn.equals("f64hash")) && isNaN(bytes, platform.byteOrder())) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("note: the value is a NaN, which hashes to a random value (as in Go)");
      err.flush();
    }
    return Main.OK;
  }

  private boolean isNaN(byte[] bytes, ByteOrder order) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
    return bytes.length == 4 ? Float.isNaN(b.getFloat()) : Double.isNaN(b.getDouble());
  }

  private long parseSeed(Platform platform) {
    String t = seed.trim();
    if (t.startsWith("0x") || t.startsWith("0X")) {
      t = t.substring(2);
    }
    int maxDigits = platform.bits() / 4;
    String expected = "1 to " + maxDigits + " hex digits (a " + platform.bits() + "-bit uintptr on "
        + platform.goarch() + ")";
    String digits = t.replaceFirst("^0+(?=.)", "");
    if (t.isEmpty() || digits.length() > maxDigits || !t.chars().allMatch(HexFormat::isHexDigit)) {
      throw usage("--seed must be " + expected + ", got '" + seed + "'");
    }
    return Long.parseUnsignedLong(digits, 16);
  }

  private byte[] parseData() {
    String t = data.trim();
    if (t.length() % 2 != 0) {
      throw usage("--data must be hex, two digits per byte; got an odd number of digits ("
          + t.length() + ")");
    }
    try {
      return HexFormat.of().parseHex(t);
    } catch (IllegalArgumentException e) {
      throw usage("--data must be hex, two digits per byte; got '" + data + "'");
    }
  }
}
