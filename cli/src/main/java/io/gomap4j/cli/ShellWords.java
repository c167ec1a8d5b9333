package io.gomap4j.cli;

import io.gomap4j.api.internal.Printable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Commands printed for a user to copy into a POSIX shell, such as the reproduce lines of {@code
 * gomap4j tck}: each word is written so that the shell reads it back as it was.
 */
final class ShellWords {

  /** The words a shell reads as they are: nothing in them is special to it. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

  private ShellWords() {}

  /**
   * {@code word} as a shell word: as it is if it is made of ASCII letters, digits and {@code
   * _./:=,@%+-} only, else in single quotes, each {@code '} in it written {@code '\''} (an empty
   * word is {@code ''}).
   */
  static String quote(String word) {
    if (PLAIN.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /**
   * The command of {@code words}, each {@link #quote quoted} and separated by a space. A word with
   * a control character is the exception: single quotes would keep it raw, so that the line could
   * clear a terminal or end early, and no quoting in every shell writes it otherwise; the command
   * is then the words joined as they are with each control character written as {@code \}{@code
   * u00XX} ({@link Printable#of}), for a person to read rather than to paste. No word typed on a
   * sane command line holds one.
   */
  static String command(List<String> words) {
    for (String w : words) {
      if (w.chars().anyMatch(Character::isISOControl)) {
        return Printable.of(String.join(" ", words));
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(quote(w));
    }
    return sb.toString();
  }
}
