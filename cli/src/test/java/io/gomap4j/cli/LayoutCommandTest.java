package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.api.GoType;
import io.gomap4j.engine.Plugins;
import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.tck.MapContract;
import io.gomap4j.tck.vectors.GoVectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gomap4j layout}: one bucket layout as a table or JSON, and Go's layout vector files. */
class LayoutCommandTest {

  private static final String NL = System.lineSeparator();

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(new Main(Plugins::discovered, MapContract::checks, false));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static String bundled() throws IOException {
    try (InputStream in =
        GoVectors.class.getResourceAsStream("go1.19/layout/bucket-layouts.jsonl")) {
      assertThat(in).as("bundled bucket-layouts.jsonl").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  // ---- one map type ----

  @Test
  @DisplayName("map[int64]string on 386: keys at 8, elems at 72, overflow at 136, bucket 140")
  void table386() {
    Run r = run("layout", "--goarch", "386", "--key", "int64", "--elem", "string");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(
        "bucket of map[int64]string on 386:" + NL
            + "field     Go type         offset  size" + NL
            + "--------------------------------------" + NL
            + "tophash   [8]uint8        0       8" + NL
            + "keys      [8]int64        8       64" + NL
            + "elems     [8]string       72      64" + NL
            + "overflow  unsafe.Pointer  136     4" + NL
            + NL
            + "bucket size 140, alignment 4" + NL
            + "key slot 8 bytes (indirect key: false), elem slot 8 bytes (indirect elem: false)"
            + NL
            + "map header (hmap) 28 bytes, alignment 4" + NL);
  }

  @Test
  @DisplayName("Indirect keys show as pointer slots, pointer-free buckets type overflow as uintptr")
  void indirectAndUintptr() {
    Run r = run("layout", "--goarch", "amd64", "--key", "[129]byte", "--elem", "int");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("keys      [8]*[129]uint8  8       64")
        .contains("bucket size 144, alignment 8")
        .contains("indirect key: true")
        .contains("map header (hmap) 48 bytes");
    Run plain = run("layout", "--goarch", "amd64", "--key", "int64", "--elem", "int64");
    assertThat(plain.out()).contains("overflow  uintptr   136     8");
  }

  @Test
  @DisplayName("Slot sizes of 1 are '1 byte', of 0 '0 bytes'")
  void singularByte() {
    Run r = run("layout", "--goarch", "amd64", "--key", "bool", "--elem", "struct{}");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("key slot 1 byte (indirect key: false), elem slot 0 bytes"
        + " (indirect elem: false)" + NL);
  }

  @Test
  @DisplayName("--json prints one object with the fields, the bucket size and the hmap size and"
      + " alignment, as the text does")
  void json() {
    Run r = run("layout", "--goarch", "386", "--key", "int64", "--elem", "string", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).endsWith("}" + NL).contains("\"bucketsize\":140");
    assertThat(r.out().trim().lines()).hasSize(1);
    Object parsed = new Json(r.out().trim()).whole();
    assertThat(parsed).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> o = (Map<String, Object>) parsed;
    assertThat(o).containsEntry("goarch", "386").containsEntry("key", "int64")
        .containsEntry("elem", "string").containsEntry("bucketsize", 140L)
        .containsEntry("bucketalign", 4L).containsEntry("indirectkey", false)
        .containsEntry("indirectelem", false).containsEntry("hmapsize", 28L)
        .containsEntry("hmapalign", 4L);
    assertThat(o.get("fields")).isEqualTo(List.of(
        Map.of("name", "tophash", "type", "[8]uint8", "offset", 0L, "size", 8L,
            "padding", false),
        Map.of("name", "keys", "type", "[8]int64", "offset", 8L, "size", 64L, "padding", false),
        Map.of("name", "elems", "type", "[8]string", "offset", 72L, "size", 64L,
            "padding", false),
        Map.of("name", "overflow", "type", "unsafe.Pointer", "offset", 136L, "size", 4L,
            "padding", false)));
  }

  /** A strict little JSON reader (objects, arrays, strings, integers, booleans) for the test. */
  private static final class Json {
    private final String s;
    private int i;

    Json(String s) {
      this.s = s;
    }

    Object whole() {
      Object v = value();
      if (i != s.length()) {
        throw new IllegalArgumentException("trailing text at " + i + " in " + s);
      }
      return v;
    }

    private Object value() {
      char c = s.charAt(i);
      if (c == '{') {
        i++;
        Map<String, Object> m = new LinkedHashMap<>();
        if (s.charAt(i) == '}') {
          i++;
          return m;
        }
        do {
          String k = string();
          expect(':');
          if (m.put(k, value()) != null) {
            throw new IllegalArgumentException("duplicate key " + k);
          }
        } while (s.charAt(i++) == ',');
        check(s.charAt(i - 1) == '}');
        return m;
      }
      if (c == '[') {
        i++;
        List<Object> l = new ArrayList<>();
        if (s.charAt(i) == ']') {
          i++;
          return l;
        }
        do {
          l.add(value());
        } while (s.charAt(i++) == ',');
        check(s.charAt(i - 1) == ']');
        return l;
      }
      if (c == '"') {
        return string();
      }
      if (s.startsWith("true", i) || s.startsWith("false", i)) {
        boolean b = s.startsWith("true", i);
        i += b ? 4 : 5;
        return b;
      }
      int from = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '-')) {
        i++;
      }
      check(i > from);
      return Long.parseLong(s.substring(from, i));
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      char c;
      while ((c = s.charAt(i++)) != '"') {
        check(c != '\\' && c >= 0x20); // the layouts here need no escapes
        b.append(c);
      }
      return b.toString();
    }

    private void expect(char c) {
      check(s.charAt(i++) == c);
    }

    private void check(boolean ok) {
      if (!ok) {
        throw new IllegalArgumentException("bad JSON at " + i + ": " + s);
      }
    }
  }

  @Test
  @DisplayName("JSON strings are escaped")
  void quote() {
    assertThat(LayoutCommand.quote("a\"b\\c\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\"");
  }

  @Test
  @DisplayName("An unknown --goarch exits 2 and lists the available layouts")
  void unknownGoarch() {
    Run r = run("layout", "--goarch", "sparc", "--key", "int", "--elem", "int");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no layout 'sparc'; available layouts: ")
        .contains("386").contains("amd64");
    assertThat(r.out()).isEmpty();
  }

  @Test
  @DisplayName("A malformed Go type exits 2 with the parser's column and expectation")
  void malformedType() {
    Run r = run("layout", "--goarch", "386", "--key", "[3int", "--elem", "int");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--key: expected ']' at column 3 in \"[3int\"");
  }

  @Test
  @DisplayName("A type nested deeper than GoType.MAX_NESTING exits 2 with the column, not 3 with a"
      + " stack overflow")
  void deeplyNestedType() {
    String deep = "struct{a ".repeat(100_000) + "int" + "}".repeat(100_000);
    Run r = run("layout", "--goarch", "amd64", "--key", "int", "--elem", deep);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--elem: expected at most 100 nested types at column 901 in");
  }

  @Test
  @DisplayName("Types Go's compiler refuses exit 2 naming the layout and its reason")
  void refusedTypes() {
    Run key = run("layout", "--goarch", "amd64", "--key", "[]int", "--elem", "int");
    assertThat(key.exit()).isEqualTo(2);
    assertThat(key.err()).contains(
        GcPlatformLayout.invalidKeyType(GoType.sliceOf(GoType.INT), GoType.INT) + NL);
    assertThat(key.err()).contains("a map key type must be comparable: not a slice, map or func");
    Run big = run("layout", "--goarch", "386", "--key", "[4611686018427387904]int64",
        "--elem", "int");
    assertThat(big.exit()).isEqualTo(2);
    assertThat(big.err()).contains("layout '386' refuses map[[4611686018427387904]int64]int: ")
        .contains("Go 1.19 allows array lengths of at most 2147483647");
    Run wide = run("layout", "--goarch", "amd64", "--key", "int",
        "--elem", "[1125899906842624]byte");
    assertThat(wide.exit()).isEqualTo(2);
    assertThat(wide.err()).contains("layout 'amd64' refuses map[int][1125899906842624]uint8: ")
        .contains("larger than the address space of amd64")
        .contains("where Go 1.19's compiler allows at most 1125899906842623 bytes");
  }

  @Test
  @DisplayName("Missing or conflicting options exit 2")
  void badOptions() {
    assertThat(run("layout").exit()).isEqualTo(2);
    Run missing = run("layout", "--goarch", "386");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("missing: --key, --elem");
    Run both = run("layout", "--vectors", "x.jsonl", "--goarch", "386");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("cannot be combined with --goarch");
    assertThat(run("layout", "--goarch", "386", "--key", "int", "--elem", "int",
        "--max-failures", "3").exit()).isEqualTo(2);
  }

  // ---- --vectors ----

  @Test
  @DisplayName("Every line of the bundled bucket-layout vectors passes")
  void bundledVectorsPass() throws IOException {
    Path file = write("bucket-layouts.jsonl", bundled());
    Run r = run("layout", "--vectors", file.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).isEqualTo("layout vectors: 1152 passed, 0 failed" + NL);
    assertThat(r.err()).isEmpty();
  }

  @Test
  @DisplayName("A tampered line fails: exit 1, naming file:line and the field")
  void tamperedLineFails() throws IOException {
    List<String> lines = new ArrayList<>(bundled().lines().toList());
    String line = lines.get(4);
    assertThat(line).contains("\"bucketsize\": ");
    String tampered = line.replaceFirst("\"bucketsize\": (\\d+)", "\"bucketsize\": 7");
    lines.set(4, tampered);
    Path file = write("tampered.jsonl", String.join("\n", lines) + "\n");
    Run r = run("layout", "--vectors", file.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL " + file + ":5: map[")
        .contains("bucketsize: go 7, layout ")
        .endsWith("layout vectors: 1151 passed, 1 failed" + NL);
  }

  @Test
  @DisplayName("A line whose goarch has no layout plugin fails with the reason, the goarch printed"
      + " with each control character as \\u00XX")
  void missingLayoutFails() throws IOException {
    // The line's JSON escape (a backslash, u001b) reads as ESC; the output writes it back so.
    for (String goarch : new String[] {"sparc64", "\\u001b[2J"}) {
      String line = bundled().lines().findFirst().orElseThrow()
          .replace("\"goarch\": \"amd64\"", "\"goarch\": \"" + goarch + "\"");
      Path file = write("missing.jsonl", line + "\n");
      Run r = run("layout", "--vectors", file.toString());
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.out()).as(goarch).contains("FAIL " + file + ":1: ")
          .contains("no layout plugin for goarch '" + goarch + "' is installed")
          .contains("not installed: layout " + goarch + " (installed layouts: ")
          .endsWith("layout vectors: 0 passed, 1 failed" + NL)
          .doesNotContain("\u001b");
    }
  }

  @Test
  @DisplayName("Every malformed line exits 2 naming file:line and the column, or the field and its"
      + " column; an integer too large for its field is refused, not truncated")
  void malformedLinesNameTheColumn() throws IOException {
    String good = bundled().lines().findFirst().orElseThrow();
    assertThat(good).startsWith("{\"goarch\": \"amd64\", \"ptrsize\": 8, ");
    // The text replaced in the first line, its replacement, the message after "file:1: " with %d
    // for the column, and how far that column is from the start of the new value.
    String[][] cases = {
      {"\"ptrsize\": 8", "\"ptrsize\": \"8\"", "field \"ptrsize\" at column %d: must be an"
          + " integer from 0 to 2147483647, got \"8\"", "0"},
      {"\"ptrsize\": 8", "\"ptrsize\": 99999999999", "field \"ptrsize\" at column %d: must be an"
          + " integer from 0 to 2147483647, got 99999999999", "0"},
      {"\"ptrsize\": 8", "\"ptrsize\": -8",
          "field \"ptrsize\" at column %d: must be an integer from 0 to 2147483647, got -8", "0"},
      {"\"ptrsize\": 8", "\"ptrsize\": 8.5",
          "field \"ptrsize\" at column %d: must be an integer from 0 to 2147483647, got 8.5", "0"},
      {"\"ptrsize\": 8", "\"ptrsize\": 8E0",
          "field \"ptrsize\" at column %d: must be an integer from 0 to 2147483647, got 8E0", "0"},
      {"\"key\": \"bool\"", "\"key\": 1e3",
          "field \"key\" at column %d: must be a string, got 1e3", "0"},
      {"\"ptrsize\": 8", "\"ptrsize\": 99999999999999999999",
          "integer 99999999999999999999 at column %d does not fit in 64 bits", "0"},
      {"\"indirectkey\": false", "\"indirectkey\": 0",
          "field \"indirectkey\" at column %d: must be true or false, got 0", "0"},
      {"\"key\": \"bool\"", "\"key\": null",
          "field \"key\" at column %d: must be a string, got null", "0"},
      {"\"goarch\": \"amd64\"", "\"goarch\": \"\\u00zz\"",
          "expected 4 hex digits after \\u at column %d, found 'z'", "5"},
      {"\"goarch\": \"amd64\"", "\"goarch\": \"\\u00\"",
          "expected 4 hex digits after \\u at column %d, found '\"'", "5"},
      {"\"goarch\": \"amd64\"", "\"goarch\": \"\\q\"",
          "expected a JSON escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX) at column %d,"
              + " found 'q'", "2"},
    };
    for (String[] c : cases) {
      assertThat(good).contains(c[0]);
      String line = good.replace(c[0], c[1]);
      int valueColumn = line.indexOf(c[1]) + c[1].indexOf(": ") + 2 + 1;
      String message = String.format(c[2], valueColumn + Integer.parseInt(c[3]));
      Path file = write("malformed.jsonl", line + "\n");
      Run r = run("layout", "--vectors", file.toString());
      assertThat(r.exit()).as(c[1]).isEqualTo(2);
      assertThat(r.out()).as(c[1]).isEmpty();
      assertThat(r.err()).as(c[1]).startsWith("gomap4j layout: cannot parse the vectors: " + file
          + ":1: " + message + NL);
    }
  }

  @Test
  @DisplayName("Missing, unparsable or empty vector files exit 2, naming file:line")
  void badFiles() throws IOException {
    Run none = run("layout", "--vectors", dir.resolve("absent.jsonl").toString());
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("no such vector file");

    Path broken = write("broken.jsonl",
        bundled().lines().findFirst().orElseThrow() + "\n{\"goarch\": \"386\"\n");
    Run parse = run("layout", "--vectors", broken.toString());
    assertThat(parse.exit()).isEqualTo(2);
    assertThat(parse.err()).contains("cannot parse the vectors: " + broken + ":2: ");

    Path missingField = write("missing.jsonl", "{\"goarch\": \"386\"}\n");
    Run field = run("layout", "--vectors", missingField.toString());
    assertThat(field.exit()).isEqualTo(2);
    assertThat(field.err()).contains(missingField + ":1: missing field");

    Path empty = write("empty.jsonl", "\n");
    Run e = run("layout", "--vectors", empty.toString());
    assertThat(e.exit()).isEqualTo(2);
    assertThat(e.err()).contains("holds no layout vectors");

    Run directory = run("layout", "--vectors", dir.toString());
    assertThat(directory.exit()).isEqualTo(2);
    assertThat(directory.err()).contains("not a regular file");
  }
}
