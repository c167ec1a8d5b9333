package io.gomap4j.api.internal;

/**
 * Text from a file, a command line, a caller or a plugin made fit to quote in a message: a raw
 * control character could split the message, move a terminal's cursor, clear its screen or change
 * its colours, and an invisible one (a byte order mark, a zero-width space, a bidirectional
 * override that shows the text in another order than it is read) would hide what is wrong with a
 * value. The api's {@code GoType} parser, the engine, the TCK and the CLI quote text through it.
 */
public final class Printable {

  private Printable() {}

  /**
   * {@code s} with each control character (U+0000 to U+001F and U+007F to U+009F), format
   * character (Unicode category Cf: U+00AD SOFT HYPHEN, U+200B to U+200F, U+202A to U+202E,
   * U+2060 to U+2069, U+FEFF and others) and line or paragraph separator (U+2028, U+2029) written
   * as a JSON escape {@code \}{@code uXXXX} (one outside the BMP as the escapes of its two UTF-16
   * units), and every other character as it is; null for null.
   */
  public static String of(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int next = i + Character.charCount(c);
      if (escaped(c)) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        for (int j = i; j < next; j++) {
          sb.append(String.format("\\u%04x", (int) s.charAt(j)));
        }
      } else if (sb != null) {
        sb.append(s, i, next);
      }
      i = next;
    }
    return sb == null ? s : sb.toString();
  }

  /** Whether code point {@code c} is written escaped. */
  private static boolean escaped(int c) {
    if (c < 0x7f) {
      return c < 0x20;
    }
    if (Character.isISOControl(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }
}
