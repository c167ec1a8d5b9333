package io.gomap4j.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: left-aligned columns two spaces apart, a rule under the header. */
final class TextTable {

  private final String[] header;
  private final List<String[]> rows = new ArrayList<>();

  TextTable(String... header) {
    this.header = header.clone();
  }

  TextTable row(String... cells) {
    if (cells.length != header.length) {
      throw new IllegalArgumentException(
          "expected " + header.length + " cells, got " + cells.length);
    }
    rows.add(cells.clone());
    return this;
  }

  String render() {
    int[] w = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      w[i] = header[i].length();
    }
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, w);
    int total = 0;
    for (int i = 0; i < w.length; i++) {
      total += w[i] + (i == 0 ? 0 : 2);
    }
    sb.append("-".repeat(total)).append(System.lineSeparator());
    for (String[] r : rows) {
      line(sb, r, w);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String[] cells, int[] w) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        l.append("  ");
      }
      l.append(cells[i]);
      if (i < cells.length - 1) {
        l.append(" ".repeat(w[i] - cells[i].length()));
      }
    }
    sb.append(l.toString().stripTrailing()).append(System.lineSeparator());
  }
}
