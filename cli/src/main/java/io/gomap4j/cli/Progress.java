package io.gomap4j.cli;

import io.gomap4j.tck.CheckResult;
import io.gomap4j.tck.Combination;
import io.gomap4j.tck.TckCheck;
import io.gomap4j.tck.TckRunner;
import java.io.PrintWriter;

/**
 * The TCK's progress on stderr: one line per check ({@code [i/total] combination check STATUS
 * ms}), or on a terminal a single line redrawn with {@code \r}, failures kept on their own line.
 */
final class Progress implements TckRunner.Listener {

  /** Redrawn lines are cut to this width so that they never wrap. */
  private static final int REDRAW_WIDTH = 79;

  private final PrintWriter err;
  private final boolean redraw;
  private final int indexWidth;
  private final int combinationWidth;
  private final int checkWidth;
  private int drawn;

  Progress(PrintWriter err, boolean redraw, int total, int combinationWidth, int checkWidth) {
    this.err = err;
    this.redraw = redraw;
    this.indexWidth = String.valueOf(total).length();
    this.combinationWidth = combinationWidth;
    this.checkWidth = checkWidth;
  }

  @Override
  public void started(int index, int total, Combination combination, TckCheck check) {
    if (redraw) {
      draw(prefix(index, total, combination.id(), check.id()) + "...");
    }
  }

  @Override
  public void finished(int index, int total, CheckResult r) {
    String line = prefix(index, total, r.combination(), r.checkId())
        + String.format("%-7s %6d ms", r.status(), r.millis());
    if (r.status() != CheckResult.Status.PASSED && !r.message().isEmpty()) {
      line += "  " + firstLine(r.message());
    }
    if (!redraw) {
      err.println(line);
    } else if (r.status() == CheckResult.Status.FAILED) {
      clear();
      err.println(line);
    } else {
      draw(line);
    }
    err.flush();
  }

  /** Removes the redrawn line, if any. */
  void done() {
    if (redraw) {
      clear();
      err.flush();
    }
  }

  private String prefix(int index, int total, String combination, String check) {
    return String.format("[%" + indexWidth + "d/%d] %-" + combinationWidth + "s  %-" + checkWidth
        + "s  ", index, total, combination, check);
  }

  private void draw(String line) {
    String l = line.length() > REDRAW_WIDTH ? line.substring(0, REDRAW_WIDTH) : line;
    StringBuilder sb = new StringBuilder("\r").append(l);
    if (drawn > l.length()) {
      sb.append(" ".repeat(drawn - l.length()));
    }
    drawn = l.length();
    err.print(sb);
    err.flush();
  }

  private void clear() {
    if (drawn > 0) {
      err.print("\r" + " ".repeat(drawn) + "\r");
      drawn = 0;
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String l = nl < 0 ? s : s.substring(0, nl) + " ...";
    return l.length() > 200 ? l.substring(0, 200) + "..." : l;
  }
}
