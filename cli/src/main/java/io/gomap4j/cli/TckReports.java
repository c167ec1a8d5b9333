package io.gomap4j.cli;

import static java.util.Objects.requireNonNull;

import io.gomap4j.tck.CheckResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a TCK run as JUnit XML (one {@code TEST-*.xml} file per suite, in the Ant/Surefire format
 * CI servers read) and as one Markdown file, {@code tck-report.md}.
 */
final class TckReports {

  /** The Markdown report's file name. */
  static final String MARKDOWN = "tck-report.md";

  private TckReports() {}

  /** What a suite's results are about, which decides how they are named. */
  enum Kind {
    /** The registration of a jar's plugins: results named by plugin and check. */
    REGISTRATION("plugin"),
    /** A kit on one plugin: results named by check. */
    KIT(null),
    /** The matrix: results named by combination and check. */
    MATRIX("combination");

    private final String subjectColumn;

    Kind(String subjectColumn) {
      this.subjectColumn = subjectColumn;
    }
  }

  /**
   * One suite of the run: a kit on one plugin, the registration of a jar's plugins, or the matrix.
   *
   * @param name the suite's name, such as {@code HashProviderVerification (hash xorshift-demo)}
   * @param kind what the results are about
   * @param results the results, in run order
   * @param properties what the run was (seed, jar, how to reproduce), in order
   */
  record Suite(String name, Kind kind, List<CheckResult> results,
      Map<String, String> properties) {

    Suite {
      requireNonNull(name, "name is null");
      requireNonNull(kind, "kind is null");
      results = List.copyOf(results);
      properties = new LinkedHashMap<>(properties);
    }

    long count(CheckResult.Status status) {
      return results.stream().filter(r -> r.status() == status).count();
    }

    /** The name of a result within the suite. */
    String testName(CheckResult r) {
      return kind.subjectColumn != null ? r.combination() + " " + r.checkId() : r.checkId();
    }
  }

  /**
   * The names of the files {@link #write} writes, and so of the files a run may delete: the
   * Markdown report, and a JUnit XML file for the registration suite, the matrix, or a kit on a
   * plugin ({@code TEST-<kit>_<kind>_<plugin name>.xml}), with a {@code -2}, {@code -3}, ... when
   * two suites have the same file name.
   */
  static final Pattern OWN_FILES = Pattern.compile(Pattern.quote(MARKDOWN)
      + "|TEST-(registration|MapContract_matrix|(HashProviderVerification|"
      + "PlatformLayoutVerification|GrowthPolicyVerification|MapContractVerification)"
      + "_(hash|layout|growth)(_[A-Za-z0-9._-]+)?)(-[0-9]+)?\\.xml");

  /**
   * Makes {@code dir} ready for a run's report, before the run: creates it if needed, checks that
   * files can be written in it, and deletes the files an earlier run wrote there ({@link
   * #OWN_FILES}), so that none of them can be taken for this run's. Nothing else in it is touched.
   *
   * @return the files deleted
   * @throws IOException naming the problem, if {@code dir} is not a directory, cannot be created,
   *     or files cannot be written or deleted in it
   */
  static List<Path> prepare(Path dir) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IOException("it exists and is not a directory; give a directory, or a path where"
          + " one can be created");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IOException("cannot create the directory: " + IoMessages.describe(e), e);
    }
    try {
      Files.delete(Files.createTempFile(dir, ".gomap4j-tck-", ".tmp"));
    } catch (IOException e) {
      throw new IOException("cannot write files in it: " + IoMessages.describe(e), e);
    }
    List<Path> stale = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.sorted().toList()) {
        if (!OWN_FILES.matcher(p.getFileName().toString()).matches()) {
          continue;
        }
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          throw new IOException(p.getFileName() + " in it is not a regular file, and the report "
              + "would write a file of that name; move it away");
        }
        stale.add(p);
      }
    }
    for (Path p : stale) {
      try {
        Files.delete(p);
      } catch (IOException e) {
        throw new IOException("cannot delete " + p.getFileName() + ", left by an earlier run: "
            + IoMessages.describe(e), e);
      }
    }
    return stale;
  }

  /**
   * Writes every suite to {@code dir}, creating it, and returns the files written.
   *
   * @throws IOException if a file cannot be written
   */
  static List<Path> write(Path dir, String title, List<Suite> suites) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    List<String> used = new ArrayList<>();
    for (Suite s : suites) {
      String file = "TEST-" + fileName(s.name());
      String unique = file;
      for (int i = 2; used.contains(unique); i++) {
        unique = file + "-" + i;
      }
      used.add(unique);
      if (!OWN_FILES.matcher(unique + ".xml").matches()) {
        // prepare() would not delete it before the next run.
        throw new IllegalStateException("report file name " + unique + ".xml is not one of "
            + OWN_FILES);
      }
      Path p = dir.resolve(unique + ".xml");
      Files.writeString(p, junitXml(s, timestamp), StandardCharsets.UTF_8);
      written.add(p);
    }
    Path md = dir.resolve(MARKDOWN);
    Files.writeString(md, markdown(title, suites), StandardCharsets.UTF_8);
    written.add(md);
    return written;
  }

  /** One suite as a JUnit XML document. */
  static String junitXml(Suite s, String timestamp) {
    StringBuilder sb = new StringBuilder();
    double seconds = s.results().stream().mapToLong(CheckResult::millis).sum() / 1000.0;
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuite name=\"").append(xml(s.name()))
        .append("\" tests=\"").append(s.results().size())
        .append("\" failures=\"").append(s.count(CheckResult.Status.FAILED))
        .append("\" errors=\"0\" skipped=\"").append(s.count(CheckResult.Status.SKIPPED))
        .append("\" time=\"").append(secs(seconds))
        .append("\" timestamp=\"").append(xml(timestamp)).append("\">\n");
    sb.append("  <properties>\n");
    for (Map.Entry<String, String> e : s.properties().entrySet()) {
      sb.append("    <property name=\"").append(xml(e.getKey())).append("\" value=\"")
          .append(xml(e.getValue())).append("\"/>\n");
    }
    sb.append("  </properties>\n");
    for (CheckResult r : s.results()) {
      sb.append("  <testcase name=\"").append(xml(s.testName(r) + ": " + r.description()))
          .append("\" classname=\"").append(xml(s.name()))
          .append("\" time=\"").append(secs(r.millis() / 1000.0)).append("\"");
      switch (r.status()) {
        case PASSED -> sb.append("/>\n");
        case SKIPPED -> sb.append(">\n    <skipped message=\"").append(xml(r.message()))
            .append("\"/>\n  </testcase>\n");
        case FAILED -> {
          String type = r.failure() != null ? r.failure().getClass().getName() : "AssertionError";
          sb.append(">\n    <failure message=\"").append(xml(r.message()))
              .append("\" type=\"").append(xml(type)).append("\">")
              .append(xml(r.message() + "\nreproduce: " + r.reproduce()
                  + (r.failure() != null ? "\n" + stackTrace(r.failure()) : "")))
              .append("</failure>\n");
          sb.append("    <system-out>").append(xml("check seed " + r.seed() + "\nreproduce: "
              + r.reproduce())).append("</system-out>\n");
          sb.append("  </testcase>\n");
        }
        default -> throw new IllegalStateException("unknown status " + r.status());
      }
    }
    sb.append("</testsuite>\n");
    return sb.toString();
  }

  /** Every suite as one Markdown document: a summary table, then each suite, then failures. */
  static String markdown(String title, List<Suite> suites) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(title).append("\n\n");
    long passed = 0;
    long failed = 0;
    long skipped = 0;
    sb.append("| suite | passed | failed | skipped |\n|---|---:|---:|---:|\n");
    for (Suite s : suites) {
      long p = s.count(CheckResult.Status.PASSED);
      long f = s.count(CheckResult.Status.FAILED);
      long k = s.count(CheckResult.Status.SKIPPED);
      passed += p;
      failed += f;
      skipped += k;
      sb.append("| ").append(cell(s.name())).append(" | ").append(p).append(" | ").append(f)
          .append(" | ").append(k).append(" |\n");
    }
    sb.append("| **total** | ").append(passed).append(" | ").append(failed).append(" | ")
        .append(skipped).append(" |\n\n");
    sb.append(failed == 0 ? "Result: **passed**.\n" : "Result: **" + failed + " failed**.\n");

    for (Suite s : suites) {
      sb.append("\n## ").append(s.name()).append("\n\n");
      for (Map.Entry<String, String> e : s.properties().entrySet()) {
        sb.append("- ").append(e.getKey()).append(": `").append(e.getValue().replace("`", "'"))
            .append("`\n");
      }
      if (s.results().isEmpty()) {
        sb.append("\nNo checks ran.\n");
        continue;
      }
      String subject = s.kind().subjectColumn;
      sb.append("\n| ").append(subject != null ? subject + " | check" : "check")
          .append(" | contract | result | ms |\n|---|")
          .append(subject != null ? "---|" : "").append("---|---|---:|\n");
      for (CheckResult r : s.results()) {
        sb.append("| ");
        if (subject != null) {
          sb.append(cell(r.combination())).append(" | ");
        }
        sb.append('`').append(cell(r.checkId())).append("` | ").append(cell(r.description()))
            .append(" | ").append(status(r)).append(" | ").append(r.millis()).append(" |\n");
      }
    }

    boolean heading = false;
    for (Suite s : suites) {
      for (CheckResult r : s.results()) {
        if (r.status() != CheckResult.Status.FAILED) {
          continue;
        }
        if (!heading) {
          sb.append("\n## Failures\n");
          heading = true;
        }
        sb.append("\n### ").append(s.name()).append(": ").append(s.testName(r)).append("\n\n")
            .append(r.description()).append("\n\n```\n").append(r.message().replace("```", "'''"))
            .append("\n```\n\nReproduce: `").append(r.reproduce().replace("`", "'"))
            .append("`\n");
      }
    }
    return sb.toString();
  }

  private static String status(CheckResult r) {
    return switch (r.status()) {
      case PASSED -> "passed";
      case FAILED -> "**FAILED**";
      case SKIPPED -> "skipped: " + cell(r.message());
    };
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replaceAll("\\R", " ");
  }

  private static String secs(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }

  private static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  /** A file name for a suite: letters, digits, dots, dashes and underscores. */
  static String fileName(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_+|_+$", "");
    return s.isEmpty() ? "suite" : s;
  }

  /** Text for an XML attribute or element: escaped, characters XML cannot hold dropped. */
  static String xml(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
          if (ok) {
            sb.appendCodePoint(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
