package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.gomap4j.api.internal.Printable;
import io.gomap4j.spi.KeyMaterial;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reader of Go's one-object-per-line vector and trace files: values, and where errors are. */
class FlatJsonTest {

  @Test
  @DisplayName("Strings, escapes, integers, floats, booleans and null, in the order of the line")
  void values() {
    Map<String, Object> o = FlatJson.parseObject(
        "{\"s\": \"a\\\"b\\\\c\\/\\n\\u00e9\\u00C9\", \"i\": -42, \"f\": 1.5e3, \"t\": true,"
            + " \"n\": null, \"e\": \"\"}");
    assertThat(o).containsExactly(entry("s", "a\"b\\c/\n\u00e9\u00c9"), entry("i", -42L),
        entry("f", 1500.0), entry("t", true), entry("n", null), entry("e", ""));
  }

  @Test
  @DisplayName("Each value's column is where the value starts, 1-based")
  void columns() {
    FlatJson.Fields f = FlatJson.parseFields("{\"goarch\": \"amd64\", \"ptrsize\":8}");
    assertThat(f.column("goarch")).isEqualTo(12);
    assertThat(f.column("ptrsize")).isEqualTo(31);
  }

  @Test
  @DisplayName("Syntax errors give the column of the offending character and what was expected")
  void syntaxErrorsHaveColumns() {
    String[][] cases = {
      {"[1]", "expected '{' at column 1, found '['"},
      {"{\"a\" 1}", "expected ':' at column 6, found '1'"},
      {"{\"a\":1 \"b\":2}", "expected ',' or '}' at column 8, found '\"'"},
      {"{\"a\":1,}", "expected '\"' at column 8, found '}'"},
      {"{\"a\":{}}", "expected a string, number, true, false or null at column 6, found '{'"},
      {"{\"a\":", "expected a string, number, true, false or null at column 6, found end of line"},
      {"{\"a\":1} x", "expected end of line at column 9, found 'x'"},
      {"{\"a\":\"x}", "expected a closing '\"' at column 9, found end of line"},
      {"{\"a\":\"\\q\"}", "expected a JSON escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX) at"
          + " column 8, found 'q'"},
      {"{\"a\":\"\\u00zz\"}", "expected 4 hex digits after \\u at column 11, found 'z'"},
      {"{\"a\":\"\\u00\"}", "expected 4 hex digits after \\u at column 11, found '\"'"},
      // A full-width zero is a digit to Character.digit, not to JSON.
      {"{\"a\":\"\\u\uff10041\"}",
          "expected 4 hex digits after \\u at column 9, found '\uff10'"},
      {"{\"a\":\"\\u0", "expected 4 hex digits after \\u at column 10, found end of line"},
      {"{\"a\":1-2}", "bad number '1-2' at column 6"},
      {"{\"a\":99999999999999999999}",
          "integer 99999999999999999999 at column 6 does not fit in 64 bits"},
      {"{\"a\":1, \"a\":2}", "duplicate field \"a\" at column 9"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> FlatJson.parseObject(c[0])).as(c[0])
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(c[1]);
    }
  }

  @Test
  @DisplayName("A field of the wrong kind is named with its column and its value as JSON")
  void fieldErrorsNameTheFieldAndColumn() {
    FlatJson.Fields f = FlatJson.parseFields(
        "{\"s\": 8, \"i\": \"8\", \"b\": 0, \"r\": 300, \"n\": null, \"q\": \"a\\\"b\"}");
    assertThat(f.integer("r", 0, 300)).isEqualTo(300);
    assertThatThrownBy(() -> f.string("s"))
        .hasMessage("field \"s\" at column 7: must be a string, got 8");
    assertThatThrownBy(() -> f.integer("i"))
        .hasMessage("field \"i\" at column 15: must be an integer, got \"8\"");
    assertThatThrownBy(() -> f.bool("b"))
        .hasMessage("field \"b\" at column 25: must be true or false, got 0");
    assertThatThrownBy(() -> f.integer("r", 0, 255))
        .hasMessage("field \"r\" at column 33: must be an integer from 0 to 255, got 300");
    assertThatThrownBy(() -> f.integer("n"))
        .hasMessage("field \"n\" at column 43: must be an integer, got null");
    assertThatThrownBy(() -> f.string("x")).hasMessage("missing field \"x\"");
    assertThatThrownBy(() -> f.integer("q"))
        .hasMessage("field \"q\" at column 54: must be an integer, got \"a\\\"b\"");
    assertThat(f.error("q", "must be short").getMessage())
        .isEqualTo("field \"q\" at column 54: must be short");
  }

  @Test
  @DisplayName("keyMaterial reads keysched and hashkey, and a bad one is named with its column")
  void keyMaterialNamesTheBadField() {
    String sched = "0f".repeat(64);
    KeyMaterial km = FlatJson.parseFields(
        "{\"keysched\":\"" + sched + "\",\"hashkey\":\"1,2,3,ff\"}").keyMaterial();
    assertThat(km.aeskeyschedHex()).isEqualTo(sched);
    assertThat(km.hashkeyHex()).isEqualTo("1,2,3,ff");
    assertThatThrownBy(() -> FlatJson.parseFields(
        "{\"keysched\":\"0f\",\"hashkey\":\"1,2,3\"}").keyMaterial())
        .hasMessageStartingWith("field \"keysched\" at column 13: aeskeysched must be ");
    assertThatThrownBy(() -> FlatJson.parseFields(
        "{\"keysched\":\"" + sched + "\",\"hashkey\":\"1,2,3\"}").keyMaterial())
        .hasMessage("field \"hashkey\" at column 154: hashkey must be 4 hex words separated by"
            + " commas, got 3 words");
    assertThatThrownBy(() -> FlatJson.parseFields("{\"keysched\":\"" + sched + "\"}")
        .keyMaterial()).hasMessage("missing field \"hashkey\"");
  }

  @Test
  @DisplayName("An error quotes the value as the line writes it, not as it parses")
  void errorsQuoteTheValueAsWritten() {
    FlatJson.Fields f = FlatJson.parseFields(
        "{\"e\": 1e3, \"d\": 8.0, \"m\": -0, \"u\": \"\\u0038\", \"s\": \"a\\/b\"}");
    assertThat(f.get("e")).isEqualTo(1000.0);
    assertThatThrownBy(() -> f.integer("e"))
        .hasMessage("field \"e\" at column 7: must be an integer, got 1e3");
    assertThatThrownBy(() -> f.integer("d", 0, 10))
        .hasMessage("field \"d\" at column 17: must be an integer from 0 to 10, got 8.0");
    assertThat(f.integer("m")).isZero();
    assertThat(f.shown("m")).isEqualTo("-0");
    assertThatThrownBy(() -> f.integer("u"))
        .hasMessage("field \"u\" at column 36: must be an integer, got \"\\u0038\"");
    assertThatThrownBy(() -> f.bool("s"))
        .hasMessage("field \"s\" at column 51: must be true or false, got \"a\\/b\"");
    assertThatThrownBy(() -> f.shown("x")).hasMessage("missing field \"x\"");
  }

  @Test
  @DisplayName("A control character the line holds raw reaches no message: errors write it as a"
      + " \\u00XX escape, and the rest of the value as the line writes it")
  void rawControlCharactersAreEscapedInMessages() {
    FlatJson.Fields f = FlatJson.parseFields(
        "{\"s\": \"a\u0001b\u001b[2J\\u001b\u007f\u0085\u00e9\"}");
    assertThat(f.string("s")).isEqualTo("a\u0001b\u001b[2J\u001b\u007f\u0085\u00e9");
    assertThat(f.texts().get("s")).isEqualTo("\"a\u0001b\u001b[2J\\u001b\u007f\u0085\u00e9\"");
    assertThatThrownBy(() -> f.integer("s"))
        .hasMessage("field \"s\" at column 7: must be an integer, got"
            + " \"a\\u0001b\\u001b[2J\\u001b\\u007f\\u0085\u00e9\"");
    assertThatThrownBy(() -> FlatJson.parseObject("{\"a\":\u001b}"))
        .hasMessage("expected a string, number, true, false or null at column 6, found '\\u001b'");
    assertThatThrownBy(() -> FlatJson.parseObject("{\"a\u0001\":1, \"a\u0001\":2}"))
        .hasMessage("duplicate field \"a\\u0001\" at column 10");
    assertThat(Printable.of("plain \u00e9")).isEqualTo("plain \u00e9");
  }
}
