package io.gomap4j.tck.vectors;

import io.gomap4j.api.internal.Printable;
import io.gomap4j.engine.internal.FlatJson;
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
      String name, InputStream in, BiFunction<String, FlatJson.Fields, T> parse) {
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
          out.add(parse.apply(source, FlatJson.parseFields(line)));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(Printable.of(source + ": " + e.getMessage()), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + Printable.of(name), e);
    }
    return out;
  }

  /**
   * A hash line. Its seed and hash are uintptrs, so on a 32-bit line ({@code "bits":32}) they have
   * at most 8 hex digits: a wider seed would be cut to its low 32 bits when the line is run.
   */
  private static HashVector hashVector(String source, FlatJson.Fields f) {
    int bits = size(f, "bits");
    if (bits != 32 && bits != 64) {
      throw f.error("bits", "must be 32 or 64, got " + bits);
    }
    return new HashVector(
        source,
        f.string("goarch"),
        bits,
        f.string("alg"),
        f.string("fn"),
        f.keyMaterial(),
        uintptr(f, "seed", bits),
        hexBytes(f, "data"),
        uintptr(f, "hash", bits));
  }

  /** A uintptr of {@code bits} bits in hex, as Go prints one with {@code %x}. */
  private static long uintptr(FlatJson.Fields f, String key, int bits) {
    String s = f.string(key);
    int digits = bits / 4;
    if (s.isEmpty() || s.length() > digits || !s.chars().allMatch(HexFormat::isHexDigit)) {
      throw f.error(key, "must be 1 to " + digits + " hex digits (a " + bits + "-bit uintptr,"
          + " as bits says), got " + f.shown(key));
    }
    return Long.parseUnsignedLong(s, 16);
  }

  private static LayoutVector layoutVector(String source, FlatJson.Fields f) {
    return new LayoutVector(
        source,
        f.string("goarch"),
        size(f, "ptrsize"),
        f.string("key"),
        f.string("elem"),
        f.integer("keytypesize", 0, Long.MAX_VALUE),
        size(f, "keyalign"),
        f.integer("elemtypesize", 0, Long.MAX_VALUE),
        size(f, "elemalign"),
        size(f, "keysize"),
        size(f, "elemsize"),
        size(f, "bucketsize"),
        f.bool("indirectkey"),
        f.bool("indirectelem"),
        size(f, "keysoff"),
        size(f, "elemsoff"),
        size(f, "overflowoff"),
        size(f, "bucketalign"));
  }

  /** A size, offset or count that a Java int holds: 0 to {@link Integer#MAX_VALUE}. */
  private static int size(FlatJson.Fields f, String key) {
    return (int) f.integer(key, 0, Integer.MAX_VALUE);
  }

  /** Bytes in hex, two digits per byte. */
  private static byte[] hexBytes(FlatJson.Fields f, String key) {
    String s = f.string(key);
    if (s.length() % 2 != 0) {
      throw f.error(key, "must be hex, two digits per byte, got an odd number of digits ("
          + s.length() + ")");
    }
    for (int i = 0; i < s.length(); i++) {
      if (!HexFormat.isHexDigit(s.charAt(i))) {
        throw f.error(key, "must be hex, two digits per byte, got '" + s.charAt(i)
            + "' at position " + (i + 1));
      }
    }
    return HexFormat.of().parseHex(s);
  }
}
