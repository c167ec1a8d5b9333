package io.gomap4j.engine.internal;

import io.gomap4j.api.internal.Printable;
import java.util.Optional;

/**
 * The rule for plugin names, stated in the {@code io.gomap4j.spi} package documentation: one or
 * more ASCII letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter or digit.
 * A name with a space, a comma, a slash or another character could not be selected in a
 * comma-separated list ({@code --hash a,b}, {@code tck.hash}), named in a combination id
 * ({@code hash/layout/growth}), or pasted into a shell in a reproduce line.
 *
 * <p>The one definition of the rule: the registry refuses a plugin that breaks it, and the TCK's
 * {@code *.name} and {@code plugin.name} checks report it.
 */
public final class PluginNames {

  /** The allowed characters, in words, for messages and contract sentences. */
  public static final String ALLOWED =
      "ASCII letters, digits, '.', '_' and '-', starting with a letter or digit";

  private PluginNames() {}

  /**
   * Why {@code name} breaks the rule, naming the first character that is not allowed and the
   * rule, or empty if it follows the rule.
   */
  public static Optional<String> problem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("the name is " + (name == null ? "null" : "empty") + "; a plugin name is "
          + ALLOWED);
    }
    int bad = 0;
    while (bad < name.length() && allowed(name.charAt(bad), bad == 0)) {
      bad++;
    }
    if (bad == name.length()) {
      return Optional.empty();
    }
    int c = name.codePointAt(bad);
    String what = switch (c) {
      case ' ' -> "a space";
      case ',' -> "a comma";
      case '/' -> "a slash";
      case '.', '_', '-' -> "'" + (char) c + "' first";
      default -> Character.isISOControl(c) || Character.isWhitespace(c)
          ? String.format("character U+%04X", c)
          : "'" + new String(Character.toChars(c)) + "'";
    };
    return Optional.of("the name '" + Printable.of(name) + "' has " + what + " at index " + bad
        + "; a plugin name is " + ALLOWED + ", so that it can be selected in a comma-separated"
        + " list (--hash a,b, -Dtck.hash=a,b), named in a combination id (hash/layout/growth) and"
        + " pasted into a shell in a reproduce line");
  }

  /**
   * {@code name} where a message shows it unquoted, as in {@code hash memhash-go119
   * (io.gomap4j.hash.MemhashGo119Provider)}: as it is if it follows the rule, else in single
   * quotes and {@link Printable#of}, so that an empty or blank name, or one with a space, is still
   * seen ({@code hash '' (com.example.Hash)}); {@code "null"} for null.
   */
  public static String shown(String name) {
    return name == null || problem(name).isEmpty() ? String.valueOf(name)
        : "'" + Printable.of(name) + "'";
  }

  private static boolean allowed(char c, boolean first) {
    boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return alnum || (!first && (c == '.' || c == '_' || c == '-'));
  }
}
