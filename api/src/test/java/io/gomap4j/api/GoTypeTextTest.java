package io.gomap4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text a func or interface keeps has one spelling: Go-equal spellings that differ only in the
 * whitespace between tokens make equal types, spelled with gofmt's spacing.
 */
class GoTypeTextTest {

  /**
   * The vectors {@code vectors/typesyntax/gofmt-go1.19.txt}, made by
   * {@code src/test/go/typesyntax/gofmt} with go1.19: each a type as written and as gofmt spells
   * it, Go-quoted, separated by a tab.
   */
  static Stream<Arguments> gofmtVectors() {
    List<Arguments> out = new ArrayList<>();
    try (InputStream in = GoTypeTextTest.class.getResourceAsStream(
        "/vectors/typesyntax/gofmt-go1.19.txt")) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] parts = line.split("\t");
        assertThat(parts).as(line).hasSize(2);
        out.add(Arguments.of(unquote(parts[0]), unquote(parts[1])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(out).hasSizeGreaterThan(30);
    return out.stream();
  }

  /** A Go-quoted string of the vectors: only the escapes of tab, newline, quote and backslash. */
  private static String unquote(String quoted) {
    assertThat(quoted).startsWith("\"").endsWith("\"");
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < quoted.length() - 1; i++) {
      char c = quoted.charAt(i);
      if (c == '\\') {
        char e = quoted.charAt(++i);
        assertThat("tn\"\\").as(quoted).contains(String.valueOf(e));
        out.append(e == 't' ? '\t' : e == 'n' ? '\n' : e);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * gofmt's spelling on one line, as {@link GoType#goSyntax()} writes a type: a brace follows
   * {@code struct} and {@code interface} with no space and holds no padding, a body gofmt writes
   * over several lines has its elements separated by {@code "; "}, and a parameter list gofmt
   * ends with a comma on its own line ends without it.
   */
  private static String oneLine(String gofmt) {
    return gofmt.replace("struct {", "struct{").replace("interface {", "interface{")
        .replace("{ ", "{").replace(" }", "}")
        .replaceAll(",\\n\\t*\\)", ")")
        .replaceAll("\\{\\n\\t*", "{").replaceAll("\\n\\t*}", "}")
        .replaceAll(",\\n\\t*", ", ").replaceAll("\\n\\t*", "; ");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gofmtVectors")
  @DisplayName("A func's parameters and results and an interface's methods are spelled with"
      + " gofmt's spacing, however the whitespace between their tokens was written, and the type"
      + " equals the one parsed from gofmt's spelling")
  void spelledAsGofmtSpacesIt(String written, String gofmt) {
    GoType t = GoType.parse(written);
    GoType formatted = GoType.parse(gofmt);
    assertThat(t.goSyntax()).isEqualTo(oneLine(gofmt));
    assertThat(t).isEqualTo(formatted);
    assertThat(t.hashCode()).isEqualTo(formatted.hashCode());
    assertThat(GoType.parse(t.goSyntax())).isEqualTo(t);
    assertThat(GoType.parse(t.goSyntax()).goSyntax()).isEqualTo(t.goSyntax());
  }

  @Test
  @DisplayName("The constructors spell their text as parse does: Func's params and result list and"
      + " Interface's methods, given with any whitespace between tokens, make the parsed type")
  void constructorsSpellTheirTextAlike() {
    assertThat(new GoType.Func("a int,b int", "(int,error)"))
        .isEqualTo(new GoType.Func(" a  int ,\n\tb int ", "( int , error )"))
        .isEqualTo(GoType.parse("func(a int, b int) (int, error)"));
    assertThat(new GoType.Func("a int,b int", "(int,error)").goSyntax())
        .isEqualTo(GoType.parse("func(a int, b int) (int, error)").goSyntax());
    assertThat(new GoType.Interface("M(a int,b int)(int,error)\nN()"))
        .isEqualTo(new GoType.Interface(" M( a int, b int ) ( int, error ) ; N( ) "))
        .isEqualTo(GoType.parse("interface{M(a int, b int) (int, error); N()}"));
    assertThat(new GoType.Func("s struct{a int\n b int}", "").params())
        .isEqualTo("s struct{a int; b int}");
  }

  @Test
  @DisplayName("Only whitespace between tokens is respelled: a string literal keeps its spacing, and"
      + " a comment is whitespace, as for Go's scanner")
  void literalsKeepTheirSpelling() {
    GoType tagged = GoType.parse("func(s struct{a int \"x  y,\tz\"; b int `raw\n  text`})");
    assertThat(tagged.goSyntax())
        .isEqualTo("func(s struct{a int \"x  y,\tz\"; b int `raw\n  text`})");
    assertThat(GoType.parse("func(s struct{a int \"x y\"})"))
        .isNotEqualTo(GoType.parse("func(s struct{a int \"x  y\"})"));
    assertThat(GoType.parse("func(a /* the count */ int,// and\n b int)"))
        .isEqualTo(GoType.parse("func(a int, b int)"));
    assertThat(GoType.parse("interface{ M() // one\n N() /* two\n */ O() }").goSyntax())
        .isEqualTo("interface{M(); N(); O()}");
  }

  @Test
  @DisplayName("Names in the kept text are compared as written: func(a int) and func(b int), one"
      + " type to Go, are unequal GoTypes, as GoType's javadoc says")
  void namesAreText() {
    assertThat(GoType.parse("func(a int)")).isNotEqualTo(GoType.parse("func(b int)"));
    assertThat(GoType.parse("func(a int)")).isNotEqualTo(GoType.parse("func(int)"));
    assertThat(GoType.parse("interface{M(); N()}"))
        .isNotEqualTo(GoType.parse("interface{N(); M()}"));
  }
}
