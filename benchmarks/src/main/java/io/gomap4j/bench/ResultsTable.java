package io.gomap4j.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a JMH JSON result ({@code -rf json}) of the hash benchmarks into Markdown: one table per
 * benchmark, a row per {@code hash}, a column per value of the other parameters (such as
 * {@code length}), each cell the score with its error and the ratio to the baseline hash in the
 * same column ({@code hash4j-wyhash} unless given).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.gomap4j.bench.ResultsTable results.json [baseline]
 * </pre>
 */
public final class ResultsTable {

  private ResultsTable() {}

  /**
   * Prints the tables of the result file {@code args[0]}; {@code args[1]} names the baseline.
   * Exits 2, with a one-line message, on bad arguments or a file that cannot be read or is no JMH
   * result.
   */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    System.out.flush();
    if (code != 0) {
      System.exit(code);
    }
  }

  /** {@link #main}'s work: prints to {@code out}, or a message to {@code err}; the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 1 || args.length > 2) {
      err.println("usage: ResultsTable <jmh-result.json> [baseline hash, default "
          + HashUnderTest.BASELINE + "]");
      return 2;
    }
    String json;
    try {
      json = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      err.println("ResultsTable: no such file: " + args[0]);
      return 2;
    } catch (CharacterCodingException e) {
      err.println("ResultsTable: " + args[0] + " is not UTF-8 text, as JMH writes its results");
      return 2;
    } catch (IOException | InvalidPathException e) {
      err.println("ResultsTable: cannot read " + args[0] + ": " + e);
      return 2;
    }
    try {
      out.print(markdown(json, args.length == 2 ? args[1] : HashUnderTest.BASELINE));
    } catch (IllegalArgumentException e) {
      err.println("ResultsTable: " + args[0] + ": " + e.getMessage());
      return 2;
    } catch (StackOverflowError e) {
      // The JSON reader descends once per nested array or object.
      err.println("ResultsTable: " + args[0] + ": nested too deeply for a JMH result");
      return 2;
    }
    return 0;
  }

  /** One score of one benchmark and parameter combination. */
  record Score(String benchmark, String hash, String column, double score, double error,
      String unit) {}

  /**
   * The Markdown tables of a JMH JSON result.
   *
   * @throws IllegalArgumentException if {@code json} is not a JMH result
   */
  public static String markdown(String json, String baseline) {
    requireNonNull(json, "json is null");
    requireNonNull(baseline, "baseline is null");
    List<Score> scores = parse(json);
    Map<String, List<Score>> byBenchmark = new LinkedHashMap<>();
    for (Score s : scores) {
      byBenchmark.computeIfAbsent(s.benchmark(), k -> new ArrayList<>()).add(s);
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<Score>> e : byBenchmark.entrySet()) {
      if (out.length() > 0) {
        out.append('\n');
      }
      table(out, e.getKey(), e.getValue(), baseline);
    }
    return out.toString();
  }

  private static void table(StringBuilder out, String benchmark, List<Score> scores,
      String baseline) {
    Set<String> units = new LinkedHashSet<>();
    Set<String> hashes = new LinkedHashSet<>();
    for (String name : HashUnderTest.DEFAULT_NAMES) {
      if (scores.stream().anyMatch(s -> s.hash().equals(name))) {
        hashes.add(name);
      }
    }
    List<String> columns = new ArrayList<>();
    Map<String, Score> cells = new LinkedHashMap<>();
    for (Score s : scores) {
      units.add(s.unit());
      hashes.add(s.hash());
      if (!columns.contains(s.column())) {
        columns.add(s.column());
      }
      cells.put(s.hash() + '\u0000' + s.column(), s);
    }
    columns.sort(ResultsTable::compareColumns);
    out.append("**").append(benchmark).append("** (")
        .append(String.join(", ", units)).append("; ratio to ").append(baseline)
        .append(" in the same column)\n\n");
    out.append("| hash |");
    for (String c : columns) {
      out.append(' ').append(c.isEmpty() ? "score" : c).append(" |");
    }
    out.append("\n| --- |");
    out.append(" ---: |".repeat(columns.size()));
    out.append('\n');
    for (String hash : hashes) {
      out.append("| ").append(hash).append(" |");
      for (String c : columns) {
        Score s = cells.get(hash + '\u0000' + c);
        Score base = cells.get(baseline + '\u0000' + c);
        out.append(' ');
        if (s == null) {
          out.append('—');
        } else {
          out.append(number(s.score()));
          if (!Double.isNaN(s.error())) {
            out.append(" ± ").append(number(s.error()));
          }
          if (base != null && base.score() > 0) {
            out.append(String.format(Locale.ROOT, " (%.2f×)", s.score() / base.score()));
          }
        }
        out.append(" |");
      }
      out.append('\n');
    }
  }

  /** Numeric columns ({@code length=8}) in numeric order, others as text. */
  private static int compareColumns(String a, String b) {
    String na = a.substring(a.indexOf('=') + 1);
    String nb = b.substring(b.indexOf('=') + 1);
    try {
      int byNumber = Double.compare(Double.parseDouble(na), Double.parseDouble(nb));
      if (byNumber != 0) {
        return byNumber;
      }
    } catch (NumberFormatException e) {
      // not numbers: compare as text
    }
    return a.compareTo(b);
  }

  private static String number(double v) {
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (Math.abs(v) >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** The scores in a JMH JSON result, in file order. */
  static List<Score> parse(String json) {
    Object root = new Json(json).document();
    if (!(root instanceof List)) {
      throw new IllegalArgumentException("not a JMH JSON result: expected an array at the top");
    }
    List<Score> scores = new ArrayList<>();
    for (Object o : (List<?>) root) {
      Map<?, ?> run = map(o, "a result");
      String benchmark = string(run.get("benchmark"), "benchmark");
      // io.gomap4j.bench.HashBenchmark.bytes -> HashBenchmark.bytes
      String shortName =
          benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
      Map<?, ?> params = run.get("params") == null ? Map.of() : map(run.get("params"), "params");
      String hash = params.get("hash") == null ? "(none)" : string(params.get("hash"), "hash");
      List<String> rest = new ArrayList<>();
      for (Map.Entry<?, ?> p : params.entrySet()) {
        if (!"hash".equals(p.getKey())) {
          rest.add(p.getKey() + "=" + p.getValue());
        }
      }
      Map<?, ?> metric = map(run.get("primaryMetric"), "primaryMetric");
      scores.add(new Score(shortName, hash, String.join(", ", rest),
          number(metric.get("score")), number(metric.get("scoreError")),
          string(metric.get("scoreUnit"), "scoreUnit")));
    }
    return scores;
  }

  private static Map<?, ?> map(Object o, String what) {
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException("not a JMH JSON result: " + what + " is not an object");
    }
    return (Map<?, ?>) o;
  }

  private static String string(Object o, String what) {
    if (!(o instanceof String)) {
      throw new IllegalArgumentException("not a JMH JSON result: " + what + " is not a string");
    }
    return (String) o;
  }

  /** A JSON number, or NaN for JMH's {@code "NaN"} and for a missing value. */
  private static double number(Object o) {
    if (o instanceof Double) {
      return (Double) o;
    }
    if (o instanceof String) {
      try {
        return Double.parseDouble((String) o);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** Just enough of a JSON reader for JMH's output: objects, arrays, strings, numbers, literals. */
  static final class Json {
    private final String s;
    private int i;

    Json(String s) {
      this.s = s;
    }

    Object document() {
      Object v = value();
      space();
      if (i != s.length()) {
        throw error("trailing text");
      }
      return v;
    }

    private Object value() {
      space();
      if (i >= s.length()) {
        throw error("unexpected end");
      }
      char c = s.charAt(i);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          return literal("true", Boolean.TRUE);
        case 'f':
          return literal("false", Boolean.FALSE);
        case 'n':
          return literal("null", null);
        default:
          return numberValue();
      }
    }

    private Map<String, Object> object() {
      Map<String, Object> m = new LinkedHashMap<>();
      i++;
      space();
      if (peek('}')) {
        i++;
        return m;
      }
      while (true) {
        space();
        if (!peek('"')) {
          throw error("expected a key");
        }
        String key = string();
        space();
        expect(':');
        m.put(key, value());
        space();
        if (peek(',')) {
          i++;
        } else {
          expect('}');
          return m;
        }
      }
    }

    private List<Object> array() {
      List<Object> l = new ArrayList<>();
      i++;
      space();
      if (peek(']')) {
        i++;
        return l;
      }
      while (true) {
        l.add(value());
        space();
        if (peek(',')) {
          i++;
        } else {
          expect(']');
          return l;
        }
      }
    }

    private String string() {
      StringBuilder sb = new StringBuilder();
      i++;
      while (i < s.length()) {
        char c = s.charAt(i++);
        if (c == '"') {
          return sb.toString();
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        if (i >= s.length()) {
          break;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'b':
            sb.append('\b');
            break;
          case 'f':
            sb.append('\f');
            break;
          case 'n':
            sb.append('\n');
            break;
          case 'r':
            sb.append('\r');
            break;
          case 't':
            sb.append('\t');
            break;
          case 'u':
            if (i + 4 > s.length()) {
              throw error("short \\u escape");
            }
            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
            break;
          default:
            sb.append(e);
        }
      }
      throw error("unterminated string");
    }

    private Double numberValue() {
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      if (start == i) {
        throw error("unexpected character '" + s.charAt(i) + "'");
      }
      try {
        return Double.parseDouble(s.substring(start, i));
      } catch (NumberFormatException e) {
        throw error("bad number '" + s.substring(start, i) + "'");
      }
    }

    private Object literal(String word, Object v) {
      if (!s.startsWith(word, i)) {
        throw error("unexpected text");
      }
      i += word.length();
      return v;
    }

    private boolean peek(char c) {
      return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
      i++;
    }

    private void space() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException("not JSON: " + what + " at offset " + i);
    }
  }
}
