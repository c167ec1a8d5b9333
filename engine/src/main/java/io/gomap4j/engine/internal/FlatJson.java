package io.gomap4j.engine.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reader for one flat JSON object per line, the format of Go's vector files: string, number,
 * boolean and null values, no nesting. Values come back as {@link String}, {@link Long},
 * {@link Double}, {@link Boolean} or {@code null}.
 */
public final class FlatJson {

  private final String text;
  private int pos;

  private FlatJson(String text) {
    this.text = text;
  }

  /**
   * Parses one object.
   *
   * @throws IllegalArgumentException naming the position and what was expected, if {@code line} is
   *     not a flat JSON object
   */
  public static Map<String, Object> parseObject(String line) {
    FlatJson p = new FlatJson(line);
    Map<String, Object> out = new LinkedHashMap<>();
    p.skipWs();
    p.expect('{');
    p.skipWs();
    if (p.peek() == '}') {
      p.pos++;
    } else {
      while (true) {
        p.skipWs();
        String key = p.string();
        p.skipWs();
        p.expect(':');
        p.skipWs();
        out.put(key, p.value());
        p.skipWs();
        char c = p.next("',' or '}'");
        if (c == '}') {
          break;
        }
        if (c != ',') {
          throw p.error("',' or '}'", c);
        }
      }
    }
    p.skipWs();
    if (p.pos != p.text.length()) {
      throw p.error("end of line", p.text.charAt(p.pos));
    }
    return out;
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
      throw new IllegalArgumentException("bad number '" + num + "' at column " + (start + 1), e);
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
            if (pos + 4 > text.length()) {
              throw error("4 hex digits", '\0');
            }
            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
            break;
          default:
            throw error("a JSON escape", e);
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

  private IllegalArgumentException error(String expected, char found) {
    return new IllegalArgumentException(
        "expected " + expected + " at column " + (pos + 1) + ", found '" + found + "'");
  }
}
