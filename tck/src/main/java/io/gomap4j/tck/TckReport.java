package io.gomap4j.tck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results of a TCK run, with a per-combination table. */
public record TckReport(List<CheckResult> results) {

  public TckReport {
    results = List.copyOf(results);
  }

  /** Checks that passed. */
  public long passed() {
    return count(CheckResult.Status.PASSED);
  }

  /** Checks that failed. */
  public long failed() {
    return count(CheckResult.Status.FAILED);
  }

  /** Checks that did not apply. */
  public long skipped() {
    return count(CheckResult.Status.SKIPPED);
  }

  private long count(CheckResult.Status s) {
    return results.stream().filter(r -> r.status() == s).count();
  }

  /** Whether nothing failed. */
  public boolean ok() {
    return failed() == 0;
  }

  /** The failed results. */
  public List<CheckResult> failures() {
    return results.stream().filter(r -> r.status() == CheckResult.Status.FAILED).toList();
  }

  /** A plain-text table: one row per combination with its passed, failed and skipped counts. */
  public String table() {
    Map<String, long[]> rows = new LinkedHashMap<>();
    for (CheckResult r : results) {
      long[] row = rows.computeIfAbsent(r.combination(), k -> new long[3]);
      row[r.status().ordinal()]++;
    }
    int w = "combination (hash/layout/growth)".length();
    for (String k : rows.keySet()) {
      w = Math.max(w, k.length());
    }
    StringBuilder sb = new StringBuilder();
    String fmt = "%-" + w + "s  %6s  %6s  %7s%n";
    sb.append(String.format(fmt, "combination (hash/layout/growth)", "passed", "failed",
        "skipped"));
    sb.append("-".repeat(w + 25)).append(System.lineSeparator());
    for (Map.Entry<String, long[]> e : rows.entrySet()) {
      long[] v = e.getValue();
      sb.append(String.format(fmt, e.getKey(), v[0], v[1], v[2]));
    }
    sb.append("-".repeat(w + 25)).append(System.lineSeparator());
    sb.append(String.format(fmt, "total (" + rows.size()
        + (rows.size() == 1 ? " combination)" : " combinations)"), passed(), failed(),
        skipped()));
    return sb.toString();
  }
}
