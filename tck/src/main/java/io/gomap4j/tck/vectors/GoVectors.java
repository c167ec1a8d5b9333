package io.gomap4j.tck.vectors;

import io.gomap4j.engine.internal.FlatJson;
import io.gomap4j.spi.KeyMaterial;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Go 1.19's own outputs, shipped with the kit: hash vectors per GOARCH, bucket layouts, and growth
 * traces of {@code map[int64]int64}. They are ground truth; see {@code vectors/README.md} in this
 * package's resources for their format and the generators that made them.
 */
public final class GoVectors {

  /** The GOARCH values with hash vector files. */
  public static final List<String> HASH_GOARCHES = List.of("amd64", "386", "s390x", "mips");

  /** The bundled trace files. */
  public static final List<String> TRACES =
      List.of(
          "shared-amd64-aesfalse.txt",
          "shared-386-aesfalse.txt",
          "shared-amd64-aestrue.txt",
          "shared-386-aestrue.txt");

  private static final String ROOT = "go1.19/";
  private static final Set<String> BIG_ENDIAN =
      Set.of("mips", "mips64", "ppc64", "s390x");

  private GoVectors() {}

  /** The byte order of a GOARCH. */
  public static ByteOrder byteOrderOf(String goarch) {
    return BIG_ENDIAN.contains(goarch) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
  }

  /** The bundled hash vectors recorded on {@code goarch} (one of {@link #HASH_GOARCHES}). */
  public static List<HashVector> hashVectors(String goarch) {
    if (!HASH_GOARCHES.contains(goarch)) {
      throw new IllegalArgumentException(
          "no hash vectors for GOARCH '" + goarch + "'; available: " + HASH_GOARCHES);
    }
    String name = "hash/" + goarch + ".jsonl";
    return readLines(name, open(name), GoVectors::hashVector);
  }

  /** Hash vectors from a file in the shared vector format. */
  public static List<HashVector> hashVectors(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return readLines(file.toString(), in, GoVectors::hashVector);
    }
  }

  /** The bundled bucket-layout vectors. */
  public static List<LayoutVector> layoutVectors() {
    String name = "layout/bucket-layouts.jsonl";
    return readLines(name, open(name), GoVectors::layoutVector);
  }

  /** Layout vectors from a file in the shared vector format. */
  public static List<LayoutVector> layoutVectors(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return readLines(file.toString(), in, GoVectors::layoutVector);
    }
  }

  /** Opens a bundled trace, one of {@link #TRACES}. The caller closes the stream. */
  public static InputStream openTrace(String name) {
    if (!TRACES.contains(name)) {
      throw new IllegalArgumentException("no bundled trace '" + name + "'; available: " + TRACES);
    }
    return open("trace/" + name);
  }

  private static InputStream open(String name) {
    InputStream in = GoVectors.class.getResourceAsStream(ROOT + name);
    if (in == null) {
      throw new IllegalStateException("vector resource " + ROOT + name + " is missing");
    }
    return in;
  }

  private static <T> List<T> readLines(
      String name, InputStream in, BiFunction<String, Map<String, Object>, T> parse) {
    List<T> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String source = name + ":" + n;
        try {
          out.add(parse.apply(source, FlatJson.parseObject(line)));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    return out;
  }

  private static HashVector hashVector(String source, Map<String, Object> o) {
    return new HashVector(
        source,
        str(o, "goarch"),
        (int) num(o, "bits"),
        str(o, "alg"),
        str(o, "fn"),
        KeyMaterial.fromHex(str(o, "keysched"), str(o, "hashkey")),
        Long.parseUnsignedLong(str(o, "seed"), 16),
        HexFormat.of().parseHex(str(o, "data")),
        Long.parseUnsignedLong(str(o, "hash"), 16));
  }

  private static LayoutVector layoutVector(String source, Map<String, Object> o) {
    return new LayoutVector(
        source,
        str(o, "goarch"),
        (int) num(o, "ptrsize"),
        str(o, "key"),
        str(o, "elem"),
        num(o, "keytypesize"),
        (int) num(o, "keyalign"),
        num(o, "elemtypesize"),
        (int) num(o, "elemalign"),
        (int) num(o, "keysize"),
        (int) num(o, "elemsize"),
        (int) num(o, "bucketsize"),
        bool(o, "indirectkey"),
        bool(o, "indirectelem"),
        (int) num(o, "keysoff"),
        (int) num(o, "elemsoff"),
        (int) num(o, "overflowoff"),
        (int) num(o, "bucketalign"));
  }

  private static Object field(Map<String, Object> o, String key) {
    if (!o.containsKey(key)) {
      throw new IllegalArgumentException("missing field \"" + key + "\"");
    }
    return o.get(key);
  }

  private static String str(Map<String, Object> o, String key) {
    Object v = field(o, key);
    if (!(v instanceof String)) {
      throw new IllegalArgumentException("field \"" + key + "\" must be a string, got " + v);
    }
    return (String) v;
  }

  private static long num(Map<String, Object> o, String key) {
    Object v = field(o, key);
    if (!(v instanceof Long)) {
      throw new IllegalArgumentException("field \"" + key + "\" must be an integer, got " + v);
    }
    return (Long) v;
  }

  private static boolean bool(Map<String, Object> o, String key) {
    Object v = field(o, key);
    if (!(v instanceof Boolean)) {
      throw new IllegalArgumentException("field \"" + key + "\" must be true or false, got " + v);
    }
    return (Boolean) v;
  }
}
