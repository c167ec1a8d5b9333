package io.gomap4j.engine.internal;

import io.gomap4j.api.internal.Printable;
import io.gomap4j.spi.KeyMaterial;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reader for one flat JSON object per line, the format of Go's vector files: string, number,
 * boolean and null values, no nesting. Values come back as {@link String}, {@link Long},
 * {@link Double}, {@link Boolean} or {@code null}.
 *
 * <p>Every error names a place on the line: a syntax error its column ({@code expected ':' at
 * column 11, found '"'}), a field with the wrong kind of value the field, the column where the
 * value starts and the value as the line writes it ({@code field "ptrsize" at column 32: must be an
 * integer, got "8"}; {@code got 1e3}, not the number it parses to), a missing field its name.
 */
public final class FlatJson {

  private final String text;
  private int pos;

  private FlatJson(String text) {
    this.text = text;
  }

  /**
   * One object: its values by key, in the order of the line, the 1-based column where each value
   * starts and each value's text as the line writes it, with typed accessors whose errors name the
   * field and that column and quote that text.
   *
   * @param values the values by key
   * @param columns the column of each value by key
   * @param texts the text of each value by key, exactly as on the line: {@code 1e3},
   *     {@code "a\tb"}
   */
  public record Fields(
      Map<String, Object> values, Map<String, Integer> columns, Map<String, String> texts) {

    /** Unmodifiable views of {@code values}, {@code columns} and {@code texts}. */
    public Fields {
      values = Collections.unmodifiableMap(values);
      columns = Collections.unmodifiableMap(columns);
      texts = Collections.unmodifiableMap(texts);
    }

    /** Whether the object has the field {@code key}. */
    public boolean has(String key) {
      return values.containsKey(key);
    }

    /**
     * The 1-based column where the value of {@code key} starts.
     *
     * @throws IllegalArgumentException naming the field if it is missing
     */
    public int column(String key) {
      Integer c = columns.get(key);
      if (c == null) {
        throw new IllegalArgumentException("missing field \"" + key + "\"");
      }
      return c;
    }

    /**
     * The value of {@code key}, which may be null (a JSON {@code null}).
     *
     * @throws IllegalArgumentException naming the field if it is missing
     */
    public Object get(String key) {
      column(key);
      return values.get(key);
    }

    /**
     * The string value of {@code key}.
     *
     * @throws IllegalArgumentException naming the field, and its column, if it is missing or not a
     *     string
     */
    public String string(String key) {
      if (get(key) instanceof String s) {
        return s;
      }
      throw error(key, "must be a string, got " + shown(key));
    }

    /**
     * The integer value of {@code key}.
     *
     * @throws IllegalArgumentException naming the field, and its column, if it is missing or not an
     *     integer
     */
    public long integer(String key) {
      if (get(key) instanceof Long n) {
        return n;
      }
      throw error(key, "must be an integer, got " + shown(key));
    }

    /**
     * The integer value of {@code key}, which must lie in {@code min..max}.
     *
     * @throws IllegalArgumentException naming the field, its column and the range, if it is
     *     missing, not an integer or out of range
     */
    public long integer(String key, long min, long max) {
      if (get(key) instanceof Long n && n >= min && n <= max) {
        return n;
      }
      throw error(key, "must be an integer from " + min + " to " + max + ", got " + shown(key));
    }

    /**
     * The boolean value of {@code key}.
     *
     * @throws IllegalArgumentException naming the field, and its column, if it is missing or not
     *     {@code true} or {@code false}
     */
    public boolean bool(String key) {
      if (get(key) instanceof Boolean b) {
        return b;
      }
      throw error(key, "must be true or false, got " + shown(key));
    }

    /**
     * The key material of fields {@code keysched} and {@code hashkey}, as Go's hash vectors and
     * growth traces write {@code runtime.aeskeysched} and {@code runtime.hashkey} (see
     * {@link KeyMaterial#fromHex}). The key schedule is read first, with a valid placeholder for
     * {@code hashkey}, so that each error names its own field.
     *
     * @throws IllegalArgumentException naming the field, and its column, if either is missing, not
     *     a string or not hex of the expected length
     */
    public KeyMaterial keyMaterial() {
      String keysched = string("keysched");
      String hashkey = string("hashkey");
      try {
        KeyMaterial.fromHex(keysched, "0,0,0,0");
      } catch (IllegalArgumentException e) {
        throw error("keysched", e.getMessage());
      }
      try {
        return KeyMaterial.fromHex(keysched, hashkey);
      } catch (IllegalArgumentException e) {
        throw error("hashkey", e.getMessage());
      }
    }

    /**
     * An error about the value of field {@code key}: {@code field "KEY" at column N: PROBLEM}.
     *
     * @param problem what is wrong and what is allowed, such as {@code must be 1 to 8 hex digits,
     *     got "zz"}
     * @throws IllegalArgumentException naming the field if it is missing
     */
    public IllegalArgumentException error(String key, String problem) {
      return new IllegalArgumentException(
          "field \"" + key + "\" at column " + column(key) + ": " + problem);
    }

    /**
     * The value of {@code key} as the line writes it, for messages: a string with its quotes and
     * escapes, a number as written ({@code 1e3}, {@code -0}), but with each control character the
     * line holds raw written as a {@code \}{@code u00XX} escape ({@link Printable#of}), so that a
     * message never carries one, such as a terminal's escape character, to where it is shown.
     *
     * @throws IllegalArgumentException naming the field if it is missing
     */
    public String shown(String key) {
      column(key);
      return Printable.of(texts.get(key));
    }
  }

  /**
   * Parses one object.
   *
   * @throws IllegalArgumentException naming the position and what was expected, if {@code line} is
   *     not a flat JSON object
   */
  public static Map<String, Object> parseObject(String line) {
    return parseFields(line).values();
  }

  /**
   * Parses one object, with the column of each value.
   *
   * @throws IllegalArgumentException naming the position and what was expected, if {@code line} is
   *     not a flat JSON object or has a key twice
   */
  public static Fields parseFields(String line) {
    FlatJson p = new FlatJson(line);
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Integer> columns = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    p.skipWs();
    p.expect('{');
    p.skipWs();
    if (p.peek() == '}') {
      p.pos++;
    } else {
      while (true) {
        p.skipWs();
        int keyColumn = p.pos + 1;
        String key = p.string();
        if (out.containsKey(key)) {
          throw new IllegalArgumentException(
              "duplicate field " + quote(key) + " at column " + keyColumn);
        }
        p.skipWs();
        p.expect(':');
        p.skipWs();
        int start = p.pos;
        columns.put(key, start + 1);
        out.put(key, p.value());
        texts.put(key, p.text.substring(start, p.pos));
        p.skipWs();
        char c = p.next("',' or '}'");
        if (c == '}') {
          break;
        }
        if (c != ',') {
          p.pos--;
          throw p.error("',' or '}'", c);
        }
      }
    }
    p.skipWs();
    if (p.pos != p.text.length()) {
      throw p.error("end of line", p.text.charAt(p.pos));
    }
    return new Fields(out, columns, texts);
  }

  private Object value() {
    char c = peek();
    if (c == '"') {
      return string();
    }
    if (text.startsWith("true", pos)) {
      pos += 4;
      return Boolean.TRUE;
    }
    if (text.startsWith("false", pos)) {
      pos += 5;
      return Boolean.FALSE;
    }
    if (text.startsWith("null", pos)) {
      pos += 4;
      return null;
    }
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String num = text.substring(start, pos);
    if (num.isEmpty()) {
      throw error("a string, number, true, false or null", c);
    }
    try {
      if (num.indexOf('.') < 0 && num.indexOf('e') < 0 && num.indexOf('E') < 0) {
        return Long.parseLong(num);
      }
      return Double.parseDouble(num);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException((num.matches("[+-]?[0-9]+")
          ? "integer " + num + " at column " + (start + 1) + " does not fit in 64 bits"
          : "bad number '" + num + "' at column " + (start + 1)), e);
    }
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = next("a closing '\"'");
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        char e = next("an escape character");
        switch (e) {
          case '"':
          case '\\':
          case '/':
            sb.append(e);
            break;
          case 'n':
            sb.append('\n');
            break;
          case 't':
            sb.append('\t');
            break;
          case 'r':
            sb.append('\r');
            break;
          case 'b':
            sb.append('\b');
            break;
          case 'f':
            sb.append('\f');
            break;
          case 'u':
            int code = 0;
            for (int i = 0; i < 4; i++) {
              char h = next("4 hex digits after \\u");
              // ASCII only: Character.digit also takes full-width and other scripts' digits.
              int digit = HexFormat.isHexDigit(h) ? HexFormat.fromHexDigit(h) : -1;
              if (digit < 0) {
                pos--;
                throw error("4 hex digits after \\u", h);
              }
              code = code * 16 + digit;
            }
            sb.append((char) code);
            break;
          default:
            pos--;
            throw error("a JSON escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", e);
        }
      } else {
        sb.append(c);
      }
    }
  }

  private void skipWs() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next(String expected) {
    if (pos >= text.length()) {
      throw new IllegalArgumentException(
          "expected " + expected + " at column " + (pos + 1) + ", found end of line");
    }
    return text.charAt(pos++);
  }

  private void expect(char c) {
    char got = next("'" + c + "'");
    if (got != c) {
      pos--;
      throw error("'" + c + "'", got);
    }
  }

  /** An error at the current position, where {@code found} is (or the end of the line). */
  private IllegalArgumentException error(String expected, char found) {
    return new IllegalArgumentException("expected " + expected + " at column " + (pos + 1)
        + ", found " + (pos >= text.length() ? "end of line"
            : "'" + Printable.of(String.valueOf(found)) + "'"));
  }

  /**
   * {@code s} as a JSON string literal, with quotes and control characters escaped (those without
   * a short escape as {@link Printable#of} writes them).
   */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(Printable.of(String.valueOf(c)));
      }
    }
    return sb.append('"').toString();
  }
}
