package io.gomap4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Just enough of a JSON writer for the result files: maps, lists, strings, numbers, booleans. */
final class JsonOut {

  private JsonOut() {}

  /**
   * Writes {@code value} as JSON to {@code out}, creating its parent directories, and says so on
   * standard error.
   */
  static void writeFile(Path out, Object value) throws IOException {
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(out, write(value), StandardCharsets.UTF_8);
    System.err.println("wrote " + out);
  }

  /** {@code value} as JSON, maps and lists indented by two spaces per level. */
  static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0);
    return sb.append('\n').toString();
  }

  private static void write(StringBuilder sb, Object v, int depth) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String) {
      string(sb, (String) v);
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      sb.append(v);
    } else if (v instanceof Number) {
      double d = ((Number) v).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        sb.append((long) d);
        return;
      }
      sb.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "null");
    } else if (v instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) v;
      if (m.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        indent(sb, depth + 1);
        string(sb, String.valueOf(e.getKey()));
        sb.append(": ");
        write(sb, e.getValue(), depth + 1);
        sb.append(++i < m.size() ? ",\n" : "\n");
      }
      indent(sb, depth);
      sb.append('}');
    } else if (v instanceof Iterable) {
      sb.append('[');
      boolean first = true;
      boolean scalars = true;
      for (Object o : (Iterable<?>) v) {
        scalars &= !(o instanceof Map || o instanceof Iterable);
      }
      for (Object o : (Iterable<?>) v) {
        sb.append(first ? "" : ",");
        if (!scalars) {
          sb.append('\n');
          indent(sb, depth + 1);
        } else if (!first) {
          sb.append(' ');
        }
        first = false;
        write(sb, o, depth + 1);
      }
      if (!scalars && !first) {
        sb.append('\n');
        indent(sb, depth);
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
    }
  }

  private static void indent(StringBuilder sb, int depth) {
    sb.append("  ".repeat(depth));
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}
