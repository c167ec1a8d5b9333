package io.gomap4j.engine.trace;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.engine.GoMaps;
import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.engine.internal.FlatJson;
import io.gomap4j.engine.internal.MapInternals;
import io.gomap4j.engine.internal.MapState;
import io.gomap4j.spi.KeyMaterial;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Replays a growth trace recorded from Go's runtime (the format of {@code vectors/go1.19/trace/})
 * on a {@code map[int64]int64} built with the trace's platform, key material, {@code hash0} and
 * size hint, and compares the map's state with Go's after every operation.
 *
 * <p>A line without a state means Go's state did not change; it is compared with the last state Go
 * printed.
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
      return matched()
          ? "trace: " + ops + " ops, " + statesMatched + " states matched"
          : "trace: " + divergence + "\ntrace: " + ops + " ops, " + statesMatched
              + " states matched before the divergence";
    }
  }

  /** The hash provider a trace's header selects: the fallback hash unless it says AES was on. */
  public static String hashFor(boolean aes) {
    return aes ? "aeshash-go119" : "memhash-go119";
  }

  /**
   * Replays a trace file, plain or gzip-compressed ({@code .gz}).
   *
   * @param hash the hash provider, or null to choose it from the header's {@code aes} field
   * @throws TraceFormatException if the file does not parse
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
   * @throws TraceFormatException if the trace does not parse
   */
  public static Result replay(InputStream in, String source, Plugins plugins, String hash,
      boolean checkInvariants) throws IOException {
    requireNonNull(in, "in is null");
    requireNonNull(source, "source is null");
    requireNonNull(plugins, "plugins is null");
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = r.readLine();
    if (header == null) {
      throw new TraceFormatException(source, 1, "the file is empty; expected a JSON header line");
    }
    Map<String, Object> h;
    try {
      h = FlatJson.parseObject(header);
    } catch (IllegalArgumentException e) {
      throw new TraceFormatException(source, 1, "bad JSON header: " + e.getMessage());
    }
    String goarch = headerString(source, h, "goarch");
    boolean aes = h.get("aes") instanceof Boolean && (Boolean) h.get("aes");
    KeyMaterial km;
    int hash0;
    try {
      km = KeyMaterial.fromHex(headerString(source, h, "keysched"),
          headerString(source, h, "hashkey"));
      hash0 = (int) Long.parseLong(headerString(source, h, "hash0"), 16);
    } catch (IllegalArgumentException e) {
      throw new TraceFormatException(source, 1, e.getMessage());
    }
    long hint = headerLong(source, h, "hint");
    long b0 = headerLong(source, h, "B0");
    String hashName = hash != null ? hash : hashFor(aes);

    LongLongGoMap map = GoMaps.builder()
        .plugins(plugins)
        .hash(hashName)
        .layout(goarch)
        .growth(Go119GrowthPolicy.NAME)
        .keyMaterial(km)
        .expectedSize(hint)
        .seed(0)
        .buildLongLong();
    MapInternals.setHash0(map, hash0);
    MapState start = MapInternals.state(map);
    if (start.B() != b0) {
      return new Result(source, goarch, hashName, 0, 0, new Divergence(0, 1,
          "make(map[int64]int64, " + hint + ")", "B=" + b0, "B=" + start.B()));
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
            "expected 'put KEY' or 'del KEY', optionally followed by '| STATE'; got '" + line
                + "'");
      }
      long key;
      try {
        key = Long.parseLong(parts[1]);
      } catch (NumberFormatException e) {
        throw new TraceFormatException(source, lineNo,
            "key '" + parts[1] + "' is not a 64-bit integer");
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

  private static void checkStateSyntax(String source, int line, String state) {
    if (!state.matches(
        "B=\\d+ noverflow=\\d+ growing=(true|false) nevacuate=\\d+ samesize=(true|false)")) {
      throw new TraceFormatException(source, line,
          "expected a state 'B=.. noverflow=.. growing=.. nevacuate=.. samesize=..', got '"
              + state + "'");
    }
  }

  private static String headerString(String source, Map<String, Object> h, String key) {
    Object v = h.get(key);
    if (!(v instanceof String)) {
      throw new TraceFormatException(source, 1,
          "the header needs a string field \"" + key + "\"");
    }
    return (String) v;
  }

  private static long headerLong(String source, Map<String, Object> h, String key) {
    Object v = h.get(key);
    if (!(v instanceof Long)) {
      throw new TraceFormatException(source, 1,
          "the header needs an integer field \"" + key + "\"");
    }
    return (Long) v;
  }
}
