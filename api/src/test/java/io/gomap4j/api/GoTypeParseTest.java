package io.gomap4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.api.internal.Printable;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GoTypeParseTest {

  /** How parse's message for a character Go's scanner refuses starts, up to its column. */
  private static final String NO_ILLEGAL =
      "expected no character Go's scanner refuses outside a string literal or comment at column ";

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "int64|int64",
      "byte|uint8",
      "rune|int32",
      "unsafe.Pointer|unsafe.Pointer",
      "*int64|*int64",
      " * * string |**string",
      "[3]byte|[3]uint8",
      "[ 0 ] int64|[0]int64",
      "[]byte|[]uint8",
      "[][2]*int|[][2]*int",
      "struct{}|struct{}",
      "struct { }|struct{}",
      "struct{a int8; b int64}|struct{a int8; b int64}",
      "struct{ a int8 ; b int64 ; }|struct{a int8; b int64}",
      "struct{a, b int32; _ [0]int64}|struct{a int32; b int32; _ [0]int64}",
      "struct{_ int8; _ int8}|struct{_ int8; _ int8}",
      "struct{int; *string}|struct{int; *string}",
      "struct{ error }|struct{error}",
      "struct{a int; error; any}|struct{a int; error; any}",
      "struct{a*int}|struct{a *int}",
      "struct{a struct{b [2]string}}|struct{a struct{b [2]string}}",
      "any|interface{}",
      "interface{}|interface{}",
      "interface { }|interface{}",
      "interface{ M() }|interface{M()}",
      "interface{ M(a, b int) (int, error); N() }|interface{M(a, b int) (int, error); N()}",
      "error|interface{Error() string}",
      "map[string]int|map[string]int",
      "map[ [2]int ] map[int]bool|map[[2]int]map[int]bool",
      "chan int|chan int",
      "chan<- int|chan<- int",
      "chan <- int|chan<- int",
      "<-chan int|<-chan int",
      "<- chan int|<-chan int",
      "chan <-chan int|chan<- chan int",
      "chan (<-chan int)|chan (<-chan int)",
      "func()|func()",
      "func( a int,  b string )|func(a int, b string)",
      "func(int) error|func(int) interface{Error() string}",
      "func(x []int) (n int, err error)|func(x []int) (n int, err error)",
      "func() func() int|func() func() int",
      "(int64)|int64",
  })
  @DisplayName("Go type syntax parses to the canonical spelling")
  void parsesToCanonicalSyntax(String in, String canonical) {
    GoType t = GoType.parse(in);
    assertThat(t.goSyntax()).isEqualTo(canonical);
    assertThat(GoType.parse(t.goSyntax())).as("canonical spelling parses back").isEqualTo(t);
  }

  @Test
  @DisplayName("Parsing builds the types: arrays, structs with named, blank and embedded fields")
  void parsedStructure() {
    assertThat(GoType.parse("[129]byte")).isEqualTo(new GoType.Array(GoType.UINT8, 129));
    assertThat(GoType.parse("struct{a bool; _ string}")).isEqualTo(new GoType.Struct(List.of(
        new GoType.Field("a", GoType.BOOL), new GoType.Field("_", GoType.STRING))));
    assertThat(GoType.parse("struct{*uint8}")).isEqualTo(new GoType.Struct(List.of(
        new GoType.Field("uint8", GoType.pointerTo(GoType.UINT8), true))));
    assertThat(GoType.parse("struct{\n error\n}")).isEqualTo(new GoType.Struct(List.of(
        new GoType.Field("error", new GoType.Interface("Error() string"), true))));
    assertThat(GoType.parse("struct{\n a int8\n b int64\n}"))
        .isEqualTo(GoType.parse("struct{a int8; b int64}"));
    assertThat(GoType.parse("any")).isEqualTo(GoType.ANY);
    assertThat(((GoType.Interface) GoType.parse("any")).empty()).isTrue();
    assertThat(((GoType.Interface) GoType.parse("interface{ M() }")).empty()).isFalse();
    assertThat(GoType.parse("chan<- int"))
        .isEqualTo(new GoType.Chan(GoType.ChanDir.SEND, GoType.INT));
    assertThat(GoType.parse("func(a int) (b, c string)"))
        .isEqualTo(new GoType.Func("a int", "(b, c string)"));
    assertThat(GoType.parse("map[int64]struct{}"))
        .isEqualTo(GoType.mapOf(GoType.INT64, GoType.EMPTY_STRUCT));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "[3int|expected ']' at column 3 in \"[3int\"",
      "|expected a type at column 1 in \"\"",
      "' \t '|expected a type at column 4 in \" \\u0009 \"",
      "[3]|expected a type at column 4 in \"[3]\"",
      "[x]int|expected an array length or ']' at column 2",
      "[-1]int|expected an array length or ']' at column 2",
      "[07]int|expected a decimal array length without leading zeros at column 2",
      "[99999999999999999999]int|expected an array length below 2^63 at column 2",
      "int64 x|expected end of type at column 7",
      "foo|expected a predeclared type name, unsafe.Pointer or a type literal at column 1 in "
          + "\"foo\", found 'foo'",
      "*atomic.Int64|expected a predeclared type name, unsafe.Pointer or a type literal at "
          + "column 2",
      "map[int|expected ']' at column 8",
      "map int|expected '[' at column 5",
      "struct{a int8 b int64}|expected ';' or '}' at column 15",
      "struct{a int8; a int64}|expected a field name not used before at column 16 in "
          + "\"struct{a int8; a int64}\", found duplicate field 'a'",
      "struct{error; error string}|expected a field name not used before at column 15 in "
          + "\"struct{error; error string}\", found duplicate field 'error'",
      "struct{a int8|expected ';' or '}' at column 14",
      "struct{a,}|expected a field name at column 10",
      "struct{a}|expected a predeclared type name, unsafe.Pointer or a type literal at column 8",
      "struct{[2]int}|expected a field name or embedded type at column 8",
      "struct{*[2]int}|expected a field name or an embedded type name at column 8",
      "struct|expected '{' at column 7",
      "interface{ M(]}|expected ')' at column 14",
      "interface{ M()|expected '}' at column 15",
      "func(a int|expected ')' at column 11",
      "func(a int) (b int|expected ')' at column 19",
      "<-int|expected 'chan' at column 3",
      "<chan int|expected '<-' at column 1",
      "chan|expected a type at column 5",
      "(int|expected ')' at column 5",
      "]|expected a type at column 1 in \"]\", found ']'",
  })
  @DisplayName("A malformed type is refused with the 1-based column and what was expected")
  void refusesMalformedTypes(String in, String message) {
    String src = in == null ? "" : in;
    assertThatThrownBy(() -> GoType.parse(src))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  /** {@code open} repeated {@code n} times, then {@code int}, then {@code close} {@code n} times. */
  private static String nested(int n, String open, String close) {
    return open.repeat(n) + "int" + close.repeat(n);
  }

  /** Nesting openers and closers, and where in the opener the first nested type starts. */
  static Stream<Arguments> nestings() {
    return Stream.of(
        Arguments.of("*", "", 1),
        Arguments.of("[2]", "", 3),
        Arguments.of("[]", "", 2),
        Arguments.of("struct{a ", "}", 9),
        Arguments.of("struct{\n a ", "\n}", 11),
        Arguments.of("map[int]", "", 4), // the key of the innermost map is one level deeper
        Arguments.of("map[", "]int", 4),
        Arguments.of("chan ", "", 5),
        Arguments.of("<-chan ", "", 7),
        Arguments.of("func() ", "", 7));
  }

  @ParameterizedTest(name = "{0}int{1}")
  @MethodSource("nestings")
  @DisplayName("Types nest up to GoType.MAX_NESTING (100) levels; one more is refused at the column"
      + " of the type that passes the limit, however deep the input goes, never with a stack"
      + " overflow")
  void nestingLimit(String open, String close, int inner) {
    assertThat(GoType.MAX_NESTING).isEqualTo(100);
    GoType deepest = GoType.parse(nested(GoType.MAX_NESTING - 1, open, close));
    assertThat(GoType.parse(deepest.goSyntax())).isEqualTo(deepest);
    int column = (GoType.MAX_NESTING - 1) * open.length() + inner + 1;
    for (int n : new int[] {GoType.MAX_NESTING, 100_000}) {
      String src = nested(n, open, close);
      assertThatThrownBy(() -> GoType.parse(src))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("expected at most 100 nested types at column " + column + " in")
          .hasMessageEndingWith(", found a type nested 101 deep");
    }
  }

  @Test
  @DisplayName("Parentheses group a type without nesting it: any number of them, around any part,"
      + " parse to the type inside, also around a type GoType.MAX_NESTING levels deep")
  void parenthesesAreNotLevels() {
    assertThat(GoType.parse(nested(100_000, "(", ")"))).isEqualTo(GoType.INT);
    assertThat(GoType.parse(nested(100_000, "( \n", " )"))).isEqualTo(GoType.INT);
    String deep = nested(GoType.MAX_NESTING - 1, "*", "");
    assertThat(GoType.parse("((" + deep + "))")).isEqualTo(GoType.parse(deep));
    assertThat(GoType.parse(nested(GoType.MAX_NESTING - 1, "*(", ")")))
        .isEqualTo(GoType.parse(deep));
    // chan (<-chan chan (<-chan ... int)), as goSyntax spells it: two levels per parenthesis
    String chans = nested(GoType.MAX_NESTING / 2 - 1, "chan (<-chan ", ")");
    assertThat(GoType.parse(chans).nesting()).isEqualTo(GoType.MAX_NESTING - 1);
    assertThat(GoType.parse(chans).goSyntax()).isEqualTo(chans);
    String deeper = nested(GoType.MAX_NESTING / 2, "chan (<-chan ", ")");
    assertThatThrownBy(() -> GoType.parse(deeper))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expected at most 100 nested types at column "
            + (deeper.indexOf("int") + 1) + " in")
        .hasMessageEndingWith(", found a type nested 101 deep");
  }

  @Test
  @DisplayName("A func's results are empty, one parenthesized list (kept as text) or one type, read"
      + " as parse reads a result and spelled as parse spells it, one level inside the func;"
      + " anything else is refused")
  void funcResults() {
    assertThat(new GoType.Func("", " *  int ").results()).isEqualTo("*int");
    assertThat(new GoType.Func("", "error")).isEqualTo(GoType.parse("func() error"));
    assertThat(new GoType.Func("", "error").goSyntax())
        .isEqualTo("func() interface{Error() string}");
    assertThat(new GoType.Func("", "struct{a int\n b int}"))
        .isEqualTo(GoType.parse("func() struct{a int; b int}"));
    assertThat(new GoType.Func("a int", "( n int,\n err error )").results())
        .isEqualTo("(n int, err error)");
    assertThat(new GoType.Func("", "").nesting()).isEqualTo(1);
    assertThat(new GoType.Func("", "(x *[]int)").nesting()).isEqualTo(1);
    assertThat(new GoType.Func("", "*[]int").nesting()).isEqualTo(4);
    assertThat(GoType.parse("func() *[]int").nesting()).isEqualTo(4);
    assertThat(GoType.parse("func(x *[]int) (y *[]int)").nesting()).isEqualTo(1);
    assertThatThrownBy(() -> new GoType.Func("", "(int) string"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("func results \"(int) string\" must be empty, one type or one parenthesized"
            + " list, but the list ends at column 5");
    assertThatThrownBy(() -> new GoType.Func("", "int string"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("func results \"int string\" must be empty, one type or one parenthesized"
            + " list, and do not read as a type: expected end of type at column 5 in"
            + " \"int string\", found 's'");
    assertThatThrownBy(() -> new GoType.Func("", "foo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("func results \"foo\" must be empty, one type or one"
            + " parenthesized list, and do not read as a type: expected a predeclared type name");
  }

  @Test
  @DisplayName("A func's parenthesized result list of one unnamed result is that result type, as"
      + " in Go; () is no results; a list of two or more results or of named results stays text")
  void parenthesizedResultType() {
    for (String type : new String[] {"int", "*[]int", "chan int", "<-chan int", "map[string]int",
        "func(a, b int) int", "struct{a, b int}", "unsafe.Pointer", "error", "(int)"}) {
      GoType bare = new GoType.Func("a int", type);
      GoType.Func inParentheses = new GoType.Func("a int", " ( " + type + " ) ");
      assertThat(inParentheses).as(type).isEqualTo(bare);
      assertThat(inParentheses.nesting()).as(type).isEqualTo(bare.nesting());
      assertThat(inParentheses.goSyntax()).as(type).isEqualTo(bare.goSyntax());
      assertThat(inParentheses.result()).as(type).isPresent();
      assertThat(GoType.parse("func(a int) (" + type + ")")).as(type).isEqualTo(bare);
      assertThat(GoType.parse("func(a int) (" + type + ")").nesting()).as(type)
          .isEqualTo(bare.nesting());
    }
    assertThat(new GoType.Func("", "(int)").nesting()).isEqualTo(2);
    assertThat(new GoType.Func("", "()")).isEqualTo(new GoType.Func("", ""))
        .isEqualTo(GoType.parse("func() ()"));
    for (String list : new String[] {"(n int)", "(n *int)", "(int, string)", "(a, b int)",
        "(int string)", "(n chan int)"}) {
      GoType.Func func = new GoType.Func("", list);
      assertThat(func.results()).as(list).isEqualTo(list);
      assertThat(func.result()).as(list).isEmpty();
      assertThat(func.nesting()).as(list).isEqualTo(1);
      assertThat(GoType.parse("func() " + list)).as(list).isEqualTo(func);
    }
    String deep = "*".repeat(GoType.MAX_NESTING - 2);
    assertThat(GoType.parse(deep + "func() (int)").nesting()).isEqualTo(GoType.MAX_NESTING);
    assertThatThrownBy(() -> GoType.parse(deep + "*func() (int)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expected at most 100 nested types at column "
            + (deep.length() + "*func() ".length() + 1) + " in")
        .hasMessageEndingWith(", found a type nested 101 deep");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "foo|8", "(foo)|9", "( foo, )|10", "((foo))|10", "(io.Reader)|9", "(*foo)|10",
      "([]io.Reader)|11", "(chan foo)|14"})
  @DisplayName("A func's one unnamed result, bare or alone in parentheses, is read as a type, so a"
      + " name GoType does not model is refused there, by parse at its column and by Func saying"
      + " that the result is read as a type")
  void oneResultMustReadAsAType(String results, int column) {
    assertThatThrownBy(() -> GoType.parse("func() " + results))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expected a predeclared type name, unsafe.Pointer or a type literal"
            + " at column " + column + " in \"func() " + results + "\", found '");
    String why = results.startsWith("(")
        ? " hold one unnamed result, which is read as a type (only a list of two or more results or"
            + " of named results is kept as text), and it does not read as one: "
        : " must be empty, one type or one parenthesized list, and do not read as a type: ";
    assertThatThrownBy(() -> new GoType.Func("", results))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("func results \"" + GoTypeParser.collapse(results) + "\"" + why
            + "expected a predeclared type name, unsafe.Pointer or a type literal at column ");
  }

  @Test
  @DisplayName("A func's parameters and a result list of two or more results or of named results"
      + " are text, so they may name types GoType does not model, by parse and by Func alike")
  void textMayNameAnyType() {
    for (String[] func : new String[][] {{"r io.Reader", "(io.Reader, error)"},
        {"io.Reader", "(n foo)"}, {"foo, bar", "(foo, bar,)"}, {"", "(r io.Reader)"}}) {
      GoType.Func made = new GoType.Func(func[0], func[1]);
      assertThat(made.result()).as(func[1]).isEmpty();
      assertThat(GoType.parse("func(" + func[0] + ") " + func[1])).as(func[1]).isEqualTo(made);
    }
  }

  @Test
  @DisplayName("A comma after a func's last parameter or result, which Go's grammar allows, is"
      + " dropped: (T,) is the one result T, a list with a trailing comma is that list, by parse"
      + " and by the constructors")
  void trailingCommas() {
    for (String type : new String[] {"int", "*[]int", "(int)", "func(a, b int) (int, error)",
        "struct{a, b int}", "error"}) {
      GoType bare = new GoType.Func("a int", type);
      for (String list : new String[] {"(" + type + ",)", "( " + type + " , )",
          "(\n\t" + type + ",\n)"}) {
        GoType.Func func = new GoType.Func("a int", list);
        assertThat(func).as(list).isEqualTo(bare);
        assertThat(func.nesting()).as(list).isEqualTo(bare.nesting());
        assertThat(func.result()).as(list).isPresent();
        GoType parsed = GoType.parse("func(a int,) " + list);
        assertThat(parsed).as(list).isEqualTo(bare);
        assertThat(parsed.nesting()).as(list).isEqualTo(bare.nesting());
      }
    }
    assertThat(GoType.parse("func(\n\ta int,\n\tb string,\n) (\n\tn int,\n\terr error,\n)"))
        .isEqualTo(GoType.parse("func(a int, b string) (n int, err error)"))
        .isEqualTo(new GoType.Func("a int, b string ,", "(n int, err error , )"));
    assertThat(GoType.parse("func(a, b int,) (a, b int,)").goSyntax())
        .isEqualTo("func(a, b int) (a, b int)");
    assertThat(new GoType.Func("", "(n int,)").results()).isEqualTo("(n int)");
    assertThatThrownBy(() -> GoType.parse("func() (foo,)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expected a predeclared type name, unsafe.Pointer or a type literal"
            + " at column 9 in ");
    String deep = "*".repeat(GoType.MAX_NESTING - 2);
    assertThat(GoType.parse(deep + "func() (int,)").nesting()).isEqualTo(GoType.MAX_NESTING);
    assertThatThrownBy(() -> GoType.parse(deep + "*func() (int,)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expected at most 100 nested types at column "
            + (deep.length() + "*func() ".length() + 1) + " in");
  }

  @Test
  @DisplayName("hasPointers: slices, maps, chans, funcs, interfaces, strings and pointers do; "
      + "arrays and structs if an element or field does; [0]T does not")
  void hasPointers() {
    for (String t : List.of("[]int8", "map[int]int", "chan int", "func()", "any",
        "interface{ M() }", "string", "*int8", "unsafe.Pointer", "[2]string",
        "struct{a int8; b *int}", "[1]struct{a []int}", "struct{error}")) {
      assertThat(GoType.parse(t).hasPointers()).as(t).isTrue();
    }
    for (String t : List.of("int64", "uintptr", "[0]string", "[8]int64", "struct{}",
        "struct{a int8; b [0]*int}", "[3]struct{a float64}")) {
      assertThat(GoType.parse(t).hasPointers()).as(t).isFalse();
    }
  }

  @Test
  @DisplayName("isReflexive: floats, complexes and interfaces are not, and arrays and structs "
      + "inherit it; isComparable excludes slices, maps and funcs")
  void reflexiveAndComparable() {
    for (String t : List.of("int64", "string", "*float64", "chan float64", "[4]byte",
        "struct{a int8; b string}", "struct{}")) {
      assertThat(GoType.parse(t).isReflexive()).as(t).isTrue();
      assertThat(GoType.parse(t).isComparable()).as(t).isTrue();
    }
    for (String t : List.of("float32", "complex128", "any", "interface{ M() }", "[0]float64",
        "[3]complex64", "struct{a int16; b float64; c int8}", "struct{a [1]any}",
        "struct{error}", "struct{a int8; error}")) {
      assertThat(GoType.parse(t).isReflexive()).as(t).isFalse();
      assertThat(GoType.parse(t).isComparable()).as(t).isTrue();
    }
    for (String t : List.of("[]int", "map[int]int", "func()", "[2][]int", "struct{f func()}")) {
      assertThat(GoType.parse(t).isComparable()).as(t).isFalse();
      assertThat(GoType.parse(t).isReflexive()).as(t).isFalse();
    }
  }

  @Test
  @DisplayName("Constructors validate: negative array length, bad field name, unbalanced func text")
  void constructorsValidate() {
    assertThatThrownBy(() -> new GoType.Array(GoType.INT8, -1))
        .hasMessageContaining("array length must be >= 0, got -1");
    assertThatThrownBy(() -> new GoType.Field("1a", GoType.INT8))
        .hasMessageContaining("field name '1a' is not a Go identifier");
    assertThatThrownBy(() -> GoType.structOf(
        new GoType.Field("a", GoType.INT8), new GoType.Field("a", GoType.INT8)))
        .hasMessageContaining("duplicate field a");
    assertThatThrownBy(() -> new GoType.Func("a [2int", ""))
        .hasMessageContaining("leave ']' missing");
    assertThatThrownBy(() -> new GoType.Interface("M())"))
        .hasMessageContaining("unbalanced ')' at column 4");
  }

  /** Input with control characters that a message quotes, and the escapes the message shows. */
  static Stream<Arguments> controlCharacters() {
    return Stream.of(
        refusal("a newline in a struct that ends early", () -> GoType.parse("struct{\n a int\n"),
            "in \"struct{\\u000a a int\\u000a\", found end of input"),
        refusal("an escape where a type is expected", () -> GoType.parse("[3]\u001b[2J"),
            "column 4 in \"[3]\\u001b[2J\", found '\\u001b'"),
        refusal("a bell after a type", () -> GoType.parse("int\u0007"),
            "found '\\u0007'"),
        refusal("a C1 control character in a func's params",
            () -> GoType.parse("func(\u009b"), "in \"func(\\u009b\""),
        refusal("an unknown basic type", () -> GoType.basic("int\u001b"),
            "unknown Go type 'int\\u001b'"),
        refusal("a field name", () -> new GoType.Field("a\nb", GoType.INT),
            "field name 'a\\u000ab'"),
        refusal("a func's results", () -> new GoType.Func("", "int\u007f"),
            "func results \"int\\u007f\"", "'\\u007f' at column 4"),
        refusal("a func's results past their list", () -> new GoType.Func("", "(int)\u001b"),
            "func results \"(int)\\u001b\""),
        refusal("unbalanced interface methods", () -> new GoType.Interface("M(\u0000"),
            "interface methods \"M(\\u0000\""));
  }

  /**
   * Types holding a control character other than tab, newline and carriage return, in the text a
   * func or interface keeps, where a token is expected and where whitespace is, and the column.
   */
  static Stream<Arguments> controlCharactersInTypes() {
    return Stream.of(
        Arguments.of("func(\u001b[2J])", 6, "\\u001b"),
        Arguments.of("func(a int\u000c)", 11, "\\u000c"),
        Arguments.of("func(a []int, \u0000b int) int", 15, "\\u0000"),
        Arguments.of("interface{ M()\u0007 }", 15, "\\u0007"),
        Arguments.of("interface{ M(x [2]\u009b) }", 19, "\\u009b"),
        Arguments.of("func() (n int, \u001b err error)", 16, "\\u001b"),
        Arguments.of("func() (int\u007f)", 12, "\\u007f"),
        Arguments.of("func(a int) \u001b", 13, "\\u001b"),
        Arguments.of("[3]\u001b[2J", 4, "\\u001b"),
        // Java's Character.isWhitespace takes these for whitespace; Go does not
        Arguments.of("int\u000c", 4, "\\u000c"),
        Arguments.of("struct{\u001fa int}", 8, "\\u001f"),
        Arguments.of("map[int]\u000bint", 9, "\\u000b"),
        Arguments.of("struct{a int\u001c}", 13, "\\u001c"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controlCharactersInTypes")
  @DisplayName("parse refuses a control character other than tab, newline and carriage return"
      + " wherever it stands, as Go's scanner does, also inside a func's parameters or results or"
      + " an interface's methods, kept as text; the message names its column and writes it as"
      + " \\u00XX")
  void controlCharactersAreRefused(String src, int column, String shown) {
    assertThatThrownBy(() -> GoType.parse(src))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected no control character other than tab, newline or carriage return at"
            + " column " + column + " in \"" + Printable.of(src) + "\", found '" + shown + "'");
  }

  @Test
  @DisplayName("Whitespace between tokens is Go's: space, tab, newline and carriage return; a"
      + " Unicode space is refused where Go's scanner refuses it")
  void whitespaceIsGos() {
    assertThat(GoType.parse(" \t\r\nmap[ int ]\r\n\t*int "))
        .isEqualTo(GoType.parse("map[int]*int"));
    assertThatThrownBy(() -> GoType.parse("int\u2003"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("%s4 in ".formatted(NO_ILLEGAL))
        .hasMessageEndingWith(", found '\\u2003'");
    assertThatThrownBy(() -> GoType.parse("struct{\u3000a int}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("%s8 in ".formatted(NO_ILLEGAL))
        .hasMessageEndingWith(", found '\\u3000'");
  }

  /**
   * Func's and Interface's text beside characters Java's {@code strip()} takes for whitespace and
   * Go's scanner does not (U+2003 EM SPACE, U+3000 IDEOGRAPHIC SPACE, U+2028 LINE SEPARATOR), and
   * beside Go's whitespace: params, results and methods.
   */
  static Stream<Arguments> textBesideSpaces() {
    Stream.Builder<Arguments> b = Stream.builder();
    // a line break before the results would end the type in parse: the results follow it alone
    b.add(Arguments.of("a int\r\n", "(int)\t\r\n"));
    for (String space : new String[] {"\u2003", "\u3000", "\u2028", " \t"}) {
      for (String results : new String[] {"int", "(a int, b int)", "(int)", "*int"}) {
        b.add(Arguments.of("", results + space));
        b.add(Arguments.of("", space + results));
      }
      b.add(Arguments.of(space + "a int", ""));
      b.add(Arguments.of("a int" + space, "int"));
      b.add(Arguments.of(null, space + "M()"));
      b.add(Arguments.of(null, "M()" + space));
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("textBesideSpaces")
  @DisplayName("Func and Interface take whitespace as parse does, only Go's: the text they are given"
      + " makes the type parse makes of the same text in place, or both refuse it")
  void constructorsTakeGosWhitespace(String params, String text) {
    String src = params == null ? "interface{" + text + "}" : "func(" + params + ") " + text;
    GoType parsed;
    try {
      parsed = GoType.parse(src);
    } catch (IllegalArgumentException e) {
      assertThatThrownBy(() -> make(params, text)).isInstanceOf(IllegalArgumentException.class);
      return;
    }
    assertThat(make(params, text)).isEqualTo(parsed);
    assertThat(make(params, text).goSyntax()).isEqualTo(parsed.goSyntax());
  }

  /** An interface of {@code text} if {@code params} is null, else a func. */
  private static GoType make(String params, String text) {
    return params == null ? new GoType.Interface(text) : new GoType.Func(params, text);
  }

  @Test
  @DisplayName("A Unicode space after a func's one result type is refused by Func as by parse, not"
      + " stripped: the message quotes the results and names the character, escaped, and its"
      + " column")
  void funcResultsAreNotStripped() {
    assertThatThrownBy(() -> GoType.parse("func() int\u2003"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("%s11 in ".formatted(NO_ILLEGAL));
    String refused = ", which Go's scanner refuses outside a string literal or comment; Go allows"
        + " letters, digits, '_', whitespace, operators and punctuation there";
    assertThatThrownBy(() -> new GoType.Func("", "int\u2003"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("func results \"int\u2003\" have character '\\u2003' at column 4" + refused);
    assertThatThrownBy(() -> new GoType.Func("", "\u2003(int, error)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("func results \"\u2003(int, error)\" have character '\\u2003' at column 1"
            + refused);
  }

  /**
   * Types holding a character Go's scanner refuses outside a literal or comment ("illegal
   * character", api/src/test/go/typesyntax/probe.sh), in the text a func or interface keeps, with
   * its column and its escape.
   */
  static Stream<Arguments> illegalCharactersInText() {
    return Stream.of(
        Arguments.of("func(a\u2003int)", 7, "\\u2003"),
        Arguments.of("func(a int) (n int,\u00a0err error)", 20, "\\u00a0"),
        Arguments.of("interface{ M()@ }", 15, "@"),
        Arguments.of("func(a \u0663int)", 8, "\\u0663"),
        Arguments.of("func(a$ int)", 7, "$"),
        Arguments.of("func(\ufeffa int)", 6, "\\ufeff"),
        Arguments.of("func(a int, b \u00a9)", 15, "\\u00a9"),
        Arguments.of("interface{ M(x \ud83d\ude00) }", 16, "\\ud83d\\ude00"),
        Arguments.of("func(a [2]int, b ?int)", 18, "?"),
        Arguments.of("func(s struct{a int \"x\"\\})", 24, "\\"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("illegalCharactersInText")
  @DisplayName("A character Go's scanner refuses outside a literal or comment (a Unicode space, a"
      + " symbol, a digit starting a name, a byte order mark) is refused in a func's or interface's"
      + " text as anywhere else, by parse and by the constructors, naming its column and escape")
  void illegalCharactersAreRefused(String src, int column, String shown) {
    String escaped = shown;
    assertThatThrownBy(() -> GoType.parse(src))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(NO_ILLEGAL + column + " in \"" + Printable.of(src) + "\", found '" + escaped
            + "'");
    boolean iface = src.startsWith("interface{");
    int open = iface ? "interface{".length() : "func(".length();
    String made = iface ? src.substring(open, src.length() - 1) : src.substring(open);
    String paramsOrMethods = iface ? made : made.substring(0, made.indexOf(')'));
    if (!iface && column - 1 > open + paramsOrMethods.length()) {
      return; // in a result list, read by parse only in place (see funcResultsAreNotStripped)
    }
    String what = iface ? "interface methods" : "func params";
    assertThatThrownBy(() -> {
      if (iface) {
        new GoType.Interface(paramsOrMethods);
      } else {
        new GoType.Func(paramsOrMethods, "");
      }
    }).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(what + " \"" + Printable.of(paramsOrMethods) + "\" have character '" + escaped
            + "' at column " + (column - open) + ", which Go's scanner refuses outside a string"
            + " literal or comment; Go allows letters, digits, '_', whitespace, operators and"
            + " punctuation there");
  }

  @Test
  @DisplayName("Inside a string literal or comment any character but a control character is kept,"
      + " a name may hold letters of any script and a decimal digit after its first letter, as"
      + " Go's scanner allows (api/src/test/go/typesyntax/accepted.go)")
  void literalsCommentsAndNamesTakeWhatGoTakes() {
    GoType t = GoType.parse("func(s struct{A int `json:\"x\u2003@$\"`}, \ud835\udc65 int,"
        + " a\u0663 int /* \u2003@$ */)");
    assertThat(t.goSyntax()).isEqualTo(
        "func(s struct{A int `json:\"x\u2003@$\"`}, \ud835\udc65 int, a\u0663 int)");
    assertThat(new GoType.Func("a\u0663 int, b \"\u2003)\"", ""))
        .isEqualTo(GoType.parse("func(a\u0663 int, b \"\u2003)\")"));
  }

  @Test
  @DisplayName("Func and Interface refuse a control character other than tab, newline and carriage"
      + " return in their text, naming the text, the character and its column as given")
  void constructorsRefuseControlCharacters() {
    String allowed = "; Go allows no control character other than tab, newline or carriage return";
    assertThatThrownBy(() -> new GoType.Func("\u001b[2J", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("func params \"\\u001b[2J\" have control character '\\u001b' at column 1"
            + allowed);
    assertThatThrownBy(() -> new GoType.Func(" a\u000bint", GoType.INT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("func params \" a\\u000bint\" have control character '\\u000b' at column 3"
            + allowed);
    assertThatThrownBy(() -> new GoType.Func("", "(n int, \u0000err error)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("func results \"(n int, \\u0000err error)\" have control character"
            + " '\\u0000' at column 9" + allowed);
    assertThatThrownBy(() -> new GoType.Func("", "int\u001c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("func results \"int\\u001c\" have control character '\\u001c' at column 4"
            + allowed);
    assertThatThrownBy(() -> new GoType.Interface("M()\n\u0085N()"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interface methods \"M()\\u000a\\u0085N()\" have control character"
            + " '\\u0085' at column 5" + allowed);
    assertThat(new GoType.Func("a int,\r\n\tb int", "(n int,\n err error)"))
        .isEqualTo(GoType.parse("func(a int, b int) (n int, err error)"));
    assertThat(new GoType.Interface("M()\r\n\tN()")).isEqualTo(GoType.parse("interface{M(); N()}"));
  }

  private static Arguments refusal(String what, ThrowingCallable call, String... shown) {
    return Arguments.of(what, call, List.of(shown));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controlCharacters")
  @DisplayName("A message that quotes a type's text writes each control character in it (U+0000 to"
      + " U+001F, U+007F to U+009F) as \\u00XX, so the message is one line with no terminal escape")
  void messagesEscapeControlCharacters(String what, ThrowingCallable call, List<String> shown) {
    assertThatThrownBy(call)
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(shown)
            .doesNotContainPattern("\\p{Cc}"));
  }
}
