package io.gomap4j.engine.trace;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.GoType;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.api.internal.Printable;
import io.gomap4j.engine.GoMaps;
import io.gomap4j.engine.PluginFailureException;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.engine.internal.FlatJson;
import io.gomap4j.engine.internal.GoAlloc;
import io.gomap4j.engine.internal.MapInternals;
import io.gomap4j.engine.internal.MapState;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * Replays a growth trace recorded from Go's runtime (the format of the TCK's resources
 * {@code io/gomap4j/tck/vectors/go1.19/trace/}) on a {@code map[int64]int64} built with the
 * trace's platform, key material, {@code hash0} and size hint, and compares the map's state with
 * Go's after every operation.
 *
 * <p>A line without a state means Go's state did not change; it is compared with the last state Go
 * printed.
 *
 * <p>The header's {@code hint} is any Go {@code int}, taken as Go 1.19's {@code makemap} takes it:
 * a negative hint, or one whose buckets would pass the layout's {@link PlatformLayout#maxAlloc()
 * maxAlloc} ({@code hint * bucketsize > maxAlloc}), is 0, so the map starts with B=0. A hint Go
 * keeps that needs more than 2^30 buckets (above 13 * 2^29, for which {@code go119} chooses B=30)
 * is refused: the engine makes at most {@code 2^}{@link MapInternals#MAX_B} buckets.
 */
public final class TraceReplay {

  private TraceReplay() {}

  /** Where our map first left Go's path. */
  public record Divergence(int op, int line, String operation, String goState, String ourState) {
    @Override
    public String toString() {
      return "divergence at operation " + op + " (line " + line + ": " + operation + ")\n"
          + "  go:   " + goState + "\n  ours: " + ourState;
    }
  }

  /**
   * The outcome of a replay.
   *
   * @param source the trace's name
   * @param goarch the trace's platform
   * @param hash the hash provider used
   * @param ops operations replayed
   * @param statesMatched states that matched Go's
   * @param divergence the first mismatch, or null
   */
  public record Result(String source, String goarch, String hash, int ops, int statesMatched,
      Divergence divergence) {
    /** Whether every state matched. */
    public boolean matched() {
      return divergence == null;
    }

    /** {@code trace: N ops, N states matched}, or the divergence. */
    public String summary() {
      String counts = ops + (ops == 1 ? " op, " : " ops, ") + statesMatched
          + (statesMatched == 1 ? " state" : " states") + " matched";
      return matched()
          ? "trace: " + counts
          : "trace: " + divergence + "\ntrace: " + counts + " before the divergence";
    }
  }

  /**
   * The largest {@code make} hint a trace's header may give that Go's {@code makemap} keeps, the
   * largest for which {@code go119} chooses B at most {@link MapInternals#MAX_B} (13 * 2^29, as
   * Go's {@code overLoadFactor} allows 6.5 entries per bucket), as the engine finds it
   * ({@link MapInternals#largestHint}). Hints Go takes as 0 are also replayed.
   */
  static final long MAX_HINT = MapInternals.largestHint(new Go119GrowthPolicy());

  /** The hash provider a trace's header selects: the fallback hash unless it says AES was on. */
  public static String hashFor(boolean aes) {
    return aes ? "aeshash-go119" : "memhash-go119";
  }

  /**
   * Replays a trace file, plain or gzip-compressed ({@code .gz}).
   *
   * @param hash the hash provider, or null to choose it from the header's {@code aes} field
   * @throws TraceFormatException if the file does not parse, or a header field is out of range
   * @throws UnavailableHashException if the hash provider is not installed or does not support the
   *     trace's platform
   * @throws IllegalArgumentException if no layout plugin is installed for the trace's goarch, or
   *     the layout gives a maxAlloc or bucket size the engine refuses (naming the layout)
   * @throws PluginFailureException if the hash provider or the layout throws when asked for the
   *     platform, whether it is supported, or a hasher (naming the plugin and the call)
   */
  public static Result replay(Path file, Plugins plugins, String hash, boolean checkInvariants)
      throws IOException {
    requireNonNull(file, "file is null");
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      InputStream in = raw;
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      if (b0 == 0x1f && b1 == 0x8b) {
        in = new GZIPInputStream(raw);
      }
      return replay(in, file.toString(), plugins, hash, checkInvariants);
    }
  }

  /**
   * Replays a trace from a stream (plain text), which the caller closes.
   *
   * @throws TraceFormatException if the trace does not parse, or a header field is out of range:
   *     a message at line 1 that names the field and the column where its value starts
   * @throws UnavailableHashException if the hash provider is not installed or does not support the
   *     trace's platform
   * @throws IllegalArgumentException if no layout plugin is installed for the trace's goarch, or
   *     the layout gives a maxAlloc or bucket size the engine refuses (naming the layout)
   * @throws PluginFailureException if the hash provider or the layout throws when asked for the
   *     platform, whether it is supported, or a hasher (naming the plugin and the call)
   */
  public static Result replay(InputStream in, String source, Plugins plugins, String hash,
      boolean checkInvariants) throws IOException {
    requireNonNull(in, "in is null");
    requireNonNull(source, "source is null");
    requireNonNull(plugins, "plugins is null");
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String headerLine = r.readLine();
    if (headerLine == null) {
      throw new TraceFormatException(source, 1, "the file is empty; expected a JSON header line");
    }
    Header h = Header.parse(source, headerLine);
    String goarch = h.goarch();
    String hashName = hash != null ? hash : hashFor(h.aes());

    PlatformLayout layout;
    try {
      layout = plugins.layout(goarch);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the trace's goarch: " + e.getMessage(), e);
    }
    if (!h.keyMaterial().fits(layout.platform().bits())) {
      throw h.error("keysched", "has " + 2 * h.keyMaterial().aeskeyschedLength() + " hex digits,"
          + " a key schedule for 32-bit platforms only; goarch " + goarch + " is "
          + layout.platform().bits() + "-bit and needs " + 2 * KeyMaterial.KEYSCHED_BYTES_64);
    }
    long hint = makeHint(h, layout);
    HashProvider provider;
    try {
      provider = plugins.hash(hashName);
    } catch (IllegalArgumentException e) {
      throw new UnavailableHashException(hashName, hash == null, e.getMessage());
    }
    HashProvider p = provider;
    Platform platform = layout.platform();
    if (!PluginFailureException.ask(PluginKind.HASH, hashName, p,
        "supports(" + platform.goarch() + ")", () -> p.supports(platform))) {
      throw new UnavailableHashException(hashName, hash == null, "hash '" + hashName
          + "' does not support the trace's platform " + platform + "; it supports "
          + PluginFailureException.ask(PluginKind.HASH, hashName, p, "supportedPlatforms()",
              p::supportedPlatforms));
    }

    LongLongGoMap map = GoMaps.builder()
        .plugins(plugins)
        .hash(provider)
        .layout(layout)
        .growth(Go119GrowthPolicy.NAME)
        .keyMaterial(h.keyMaterial())
        .expectedSize(hint)
        .seed(0)
        .buildLongLong();
    MapInternals.setHash0(map, h.hash0());
    MapState start = MapInternals.state(map);
    if (start.B() != h.b0()) {
      return new Result(source, goarch, hashName, 0, 0, new Divergence(0, 1,
          "make(map[int64]int64, " + h.hint() + ")", "B=" + h.b0(), "B=" + start.B()));
    }

    String goState = null;
    int ops = 0;
    int matched = 0;
    int lineNo = 1;
    String line;
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String opText = line;
      String stated = null;
      int bar = line.indexOf('|');
      if (bar >= 0) {
        opText = line.substring(0, bar).trim();
        stated = line.substring(bar + 1).trim();
      }
      String[] parts = opText.trim().split("\\s+");
      if (parts.length != 2 || !(parts[0].equals("put") || parts[0].equals("del"))) {
        throw new TraceFormatException(source, lineNo,
            "expected 'put KEY' or 'del KEY', optionally followed by '| STATE'; got '"
                + Printable.of(line) + "'");
      }
      long key;
      try {
        key = Long.parseLong(parts[1]);
      } catch (NumberFormatException e) {
        throw new TraceFormatException(source, lineNo,
            "key '" + Printable.of(parts[1]) + "' is not a 64-bit integer");
      }
      if (stated != null) {
        checkStateSyntax(source, lineNo, stated);
        goState = stated;
      }
      if (goState == null) {
        throw new TraceFormatException(source, lineNo,
            "the first operation must state the map's state after '|'");
      }
      if (parts[0].equals("put")) {
        map.put(key, ops);
      } else {
        map.remove(key);
      }
      ops++;
      if (checkInvariants) {
        MapInternals.checkInvariants(map);
      }
      String ours = MapInternals.state(map).traceLine();
      if (!ours.equals(goState)) {
        return new Result(source, goarch, hashName, ops, matched,
            new Divergence(ops, lineNo, opText, goState, ours));
      }
      matched++;
    }
    return new Result(source, goarch, hashName, ops, matched, null);
  }

  /**
   * The hint Go's {@code makemap} goes on with for the header's hint on {@code layout}: 0 for a
   * negative hint or one whose {@code map[int64]int64} buckets would pass {@code maxAlloc}, else
   * the hint, which must then be at most {@link #MAX_HINT}.
   *
   * @throws IllegalArgumentException naming the layout, if its maxAlloc or bucket size is out of
   *     range, as the engine refuses it ({@link GoAlloc.HintCutoff#of})
   */
  private static long makeHint(Header h, PlatformLayout layout) {
    GoAlloc.HintCutoff cutoff =
        GoAlloc.HintCutoff.of(layout, layout.bucketLayout(GoType.INT64, GoType.INT64));
    long hint = cutoff.hint(h.hint());
    if (hint > MAX_HINT) {
      throw h.error("hint", "must be at most " + MAX_HINT + " (gomap4j makes at most 2^"
          + MapInternals.MAX_B + " buckets), or negative, or one Go takes as 0: "
          + cutoff.explanation() + "; got " + h.fields().shown("hint"));
    }
    return hint;
  }

  private static void checkStateSyntax(String source, int line, String state) {
    if (!state.matches(
        "B=\\d+ noverflow=\\d+ growing=(true|false) nevacuate=\\d+ samesize=(true|false)")) {
      throw new TraceFormatException(source, line,
          "expected a state 'B=.. noverflow=.. growing=.. nevacuate=.. samesize=..', got '"
              + Printable.of(state) + "'");
    }
  }

  /**
   * The header line of a trace: its JSON fields, read and checked. A field that is missing, of the
   * wrong kind or out of range is a {@link TraceFormatException} at line 1 naming the field and the
   * column where its value starts.
   */
  private record Header(String source, FlatJson.Fields fields, String goarch, boolean aes,
      KeyMaterial keyMaterial, int hash0, long hint, int b0) {

    static Header parse(String source, String line) {
      FlatJson.Fields f;
      try {
        f = FlatJson.parseFields(line);
      } catch (IllegalArgumentException e) {
        throw new TraceFormatException(source, 1, "bad JSON header: " + e.getMessage());
      }
      try {
        String goarch = f.string("goarch");
        if (goarch.chars().anyMatch(Character::isISOControl)) {
          // Not a layout's name; keeps a raw escape character out of the lookup's message.
          throw f.error("goarch", "must be a GOARCH name, got " + f.shown("goarch"));
        }
        // Absent means false: Go's fallback hash.
        boolean aes = f.has("aes") && f.bool("aes");
        KeyMaterial km = f.keyMaterial();
        String h0 = f.string("hash0");
        if (h0.isEmpty() || h0.length() > 8 || !h0.chars().allMatch(HexFormat::isHexDigit)) {
          throw f.error("hash0", "must be 1 to 8 hex digits (Go's uint32 hmap.hash0), got "
              + f.shown("hash0"));
        }
        int hash0 = Integer.parseUnsignedInt(h0, 16);
        // Any Go int; replay() takes it as makemap does.
        long hint = f.integer("hint");
        int b0 = (int) f.integer("B0", 0, MapInternals.MAX_B);
        return new Header(source, f, goarch, aes, km, hash0, hint, b0);
      } catch (IllegalArgumentException e) {
        throw new TraceFormatException(source, 1, e.getMessage());
      }
    }

    /** A format error about field {@code key} of the header, with its column. */
    TraceFormatException error(String key, String problem) {
      return new TraceFormatException(source, 1, fields.error(key, problem).getMessage());
    }
  }
}
