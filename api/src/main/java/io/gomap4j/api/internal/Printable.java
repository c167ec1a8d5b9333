package io.gomap4j.api.internal;

/**
 * Text from a file, a command line, a caller or a plugin made fit to quote in a message: a raw
 * control character could split the message, move a terminal's cursor, clear its screen or change
 * its colours. The api's {@code GoType} parser, the engine, the TCK and the CLI quote text through it.
 */
public final class Printable {

  private Printable() {}

  /**
   * {@code s} with each control character (U+0000 to U+001F and U+007F to U+009F) written as a
   * JSON escape {@code \}{@code u00XX}, and every other character as it is; null for null.
   */
  public static String of(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c)) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        sb.append(String.format("\\u%04x", (int) c));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }
}
