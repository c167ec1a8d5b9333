package io.gomap4j.cli;

import io.gomap4j.api.internal.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** What {@code hash --vectors} and {@code layout --vectors} share: reading a file, reporting. */
final class VectorFiles {

  /** Reads the lines of a vector file. */
  @FunctionalInterface
  interface Reader<T> {
    List<T> read(Path file) throws IOException;
  }

  private VectorFiles() {}

  /**
   * The vectors of {@code file}; a missing, unreadable, malformed or empty file is a usage error
   * naming it.
   *
   * @param kind what the file holds, such as {@code hash}, for messages
   */
  static <T> List<T> read(Path file, String kind, Reader<T> reader) {
    if (!Files.exists(file)) {
      throw new CliException(Main.USAGE, "no such vector file: " + file);
    }
    if (!Files.isRegularFile(file)) {
      throw new CliException(Main.USAGE, "not a regular file: " + file);
    }
    List<T> lines;
    try {
      lines = reader.read(file);
    } catch (IOException | UncheckedIOException e) {
      throw new CliException(Main.USAGE, "cannot read vector file " + file + ": "
          + IoMessages.describe(e instanceof UncheckedIOException u ? u.getCause() : e));
    } catch (IllegalArgumentException e) {
      // The message starts with file:line.
      throw new CliException(Main.USAGE, "cannot parse the vectors: " + e.getMessage());
    }
    if (lines.isEmpty()) {
      throw new CliException(Main.USAGE, file + " holds no " + kind + " vectors");
    }
    return lines;
  }

  /**
   * Checks every line and prints the first {@code maxFailures} failures, how many more there were,
   * what was not installed and the summary {@code <kind> vectors: N passed, N failed}. The
   * failures and the not-installed line quote the file's strings, so each control character in
   * them is printed as {@code \}{@code u00XX} ({@link Printable#of}): a line's
   * {@code "alg":"\}{@code u001b[2J"} must not clear the terminal.
   *
   * @param failure the text after {@code FAIL } for a failing line, or null if it passes
   * @param notInstalled asked after the lines are checked: a line naming what was missing, or null
   * @return {@link Main#OK} if every line passed, else {@link Main#FAILED}
   */
  static <T> int check(PrintWriter out, String kind, List<T> lines, Function<T, String> failure,
      int maxFailures, Supplier<String> notInstalled) {
    int passed = 0;
    int failed = 0;
    for (T v : lines) {
      String why = failure.apply(v);
      if (why == null) {
        passed++;
        continue;
      }
      failed++;
      if (failed <= maxFailures) {
        out.println("FAIL " + Printable.of(why));
      }
    }
    if (failed > maxFailures) {
      out.println("... " + (failed - maxFailures) + " more failure" + (failed - maxFailures == 1
          ? "" : "s") + " not shown (--max-failures " + maxFailures + ")");
    }
    String missing = notInstalled.get();
    if (missing != null) {
      out.println(Printable.of(missing));
    }
    out.println(kind + " vectors: " + passed + " passed, " + failed + " failed");
    out.flush();
    return failed == 0 ? Main.OK : Main.FAILED;
  }
}
