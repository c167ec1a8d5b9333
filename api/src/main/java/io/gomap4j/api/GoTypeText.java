package io.gomap4j.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one spelling of the text a {@link GoType.Func} or {@link GoType.Interface} keeps (a func's
 * parameters, a result list, an interface's methods): the text is read as Go's scanner reads it,
 * into tokens, and the tokens are written back with gofmt's spacing between them, so that two
 * texts that differ only in the whitespace between their tokens are kept, compared and printed
 * alike. The tokens themselves are kept as written: an identifier, a number, a string or rune
 * literal is never respelled, so nothing changes inside a literal.
 *
 * <p>The spacing: one space after {@code ,} and {@code ;}, between a name and its type
 * ({@code a int}, {@code a *int}, {@code a []int}, {@code a ...int}), after a keyword other than
 * {@code func}, {@code map}, {@code struct} and {@code interface}, which their bracket follows
 * directly ({@code chan int}, {@code func(int)}, {@code map[K]V}), after {@code )} before a result
 * ({@code func(int) (int, error)}, {@code func() *int}) and around a binary operator
 * ({@code ~int | ~string}); none inside brackets ({@code (a int)}, {@code struct{a int}}, so
 * braces are spelled as {@link GoType#goSyntax()} spells {@code struct{a int}}), around {@code .},
 * after a prefix operator ({@code *int}, {@code <-chan int}, {@code ~int}) or {@code ...}, after
 * {@code ]} and between a name and its {@code (} ({@code M(a int)}). A {@code [} after a name has
 * a space when a type follows its {@code ]} ({@code a [2]int}, {@code a []int}) and none
 * otherwise ({@code List[int]}), as Go's parser tells an array type from a type's arguments. Two
 * tokens that would read as one when written together ({@code - -1}) keep a space.
 *
 * <p>Comments are whitespace, as for Go's scanner, so they are dropped. Inside braces (an
 * interface's method list, a struct or interface in a parameter's type) a line break ends an
 * element where Go's scanner inserts a semicolon (after a name, a literal, {@code )}, {@code ]}
 * or {@code }}); empty elements are dropped, so elements are separated by {@code "; "} and no
 * {@code ;} stands before a {@code }}. Elsewhere a line break is whitespace like any other.
 */
final class GoTypeText {

  private GoTypeText() {}

  /** The keywords a type starts with. */
  private static final Set<String> TYPE_KEYWORDS =
      Set.of("chan", "func", "interface", "map", "struct");

  /** Go's other keywords; after break, continue, fallthrough and return Go inserts a semicolon. */
  private static final Set<String> OTHER_KEYWORDS = Set.of("break", "case", "const", "continue",
      "default", "defer", "else", "fallthrough", "for", "go", "goto", "if", "import", "package",
      "range", "return", "select", "switch", "type", "var");

  /** Go's operators and punctuation of more than one character, longest first. */
  private static final String[] LONG_OPERATORS = {"<<=", ">>=", "&^=", "...", "&&", "||", "<-",
      "++", "--", "==", "!=", "<=", ">=", ":=", "<<", ">>", "&^", "+=", "-=", "*=", "/=", "%=",
      "&=", "|=", "^="};

  /** The kinds of token. */
  private enum Kind {
    /** An identifier or keyword. */
    WORD,
    NUMBER,
    /** A string or rune literal, kept as written. */
    LITERAL,
    /** An operator or punctuation. */
    OP,
    /** A character Go's scanner does not start a token with (or an unterminated literal). */
    OTHER
  }

  /** A token, and whether a line break stands between it and the one before. */
  private record Token(Kind kind, String text, boolean newlineBefore) {
    boolean is(String s) {
      return (kind == Kind.OP || kind == Kind.WORD) && text.equals(s);
    }

    boolean keyword() {
      return kind == Kind.WORD && (TYPE_KEYWORDS.contains(text) || OTHER_KEYWORDS.contains(text));
    }

    /** A token after which Go's scanner turns a line break into a semicolon. */
    boolean endsStatement() {
      switch (kind) {
        case WORD:
          return !keyword() || text.equals("break") || text.equals("continue")
              || text.equals("fallthrough") || text.equals("return");
        case NUMBER:
        case LITERAL:
          return true;
        case OP:
          return text.equals(")") || text.equals("]") || text.equals("}") || text.equals("++")
              || text.equals("--");
        default:
          return false;
      }
    }

    /** An identifier (not a keyword), a number, a literal: the end of an operand. */
    boolean operand() {
      return kind == Kind.WORD ? !keyword() : kind != Kind.OP;
    }
  }

  /**
   * {@code text}, a func's parameter list, the inside of a result list or a func's results, in
   * its one spelling (see the class comment). Its brackets are balanced.
   */
  static String list(String text) {
    return spell(tokens(text), '(');
  }

  /**
   * {@code body}, the text between an interface's braces, in its one spelling: its elements
   * separated by {@code "; "}. Its brackets are balanced.
   */
  static String elements(String body) {
    return spell(tokens(body), '{');
  }

  /** Whether {@code c} is whitespace to Go's scanner: space, tab, newline, carriage return. */
  static boolean goWhitespace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  static boolean letter(int c) {
    return c == '_' || Character.isLetter(c);
  }

  static boolean letterOrDigit(int c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  private static boolean asciiDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The end of the comment at {@code i} ({@code //} or {@code /*}), or -1 if none starts there: a
   * line comment ends before its line break, a general comment after its {@code *}{@code /} (an
   * unterminated one, which Go refuses, at the end of {@code s}).
   */
  static int commentEnd(String s, int i) {
    if (s.charAt(i) != '/' || i + 1 >= s.length()) {
      return -1;
    }
    if (s.charAt(i + 1) == '/') {
      int end = s.indexOf('\n', i);
      return end < 0 ? s.length() : end;
    }
    if (s.charAt(i + 1) == '*') {
      int end = s.indexOf("*/", i + 2);
      return end < 0 ? s.length() : end + 2;
    }
    return -1;
  }

  /**
   * Whether Go's scanner refuses the character at {@code i} of {@code s} outside a literal or
   * comment, as an "illegal character": anything but its whitespace, a letter (Unicode category L)
   * or {@code _}, an ASCII digit, a decimal digit (Nd) after a letter or digit in an identifier,
   * and its operators, punctuation and quotes. Control characters are refused too, and reported
   * as such by the caller.
   */
  static boolean illegal(String s, int i) {
    if (i > 0 && Character.isLowSurrogate(s.charAt(i))
        && Character.isHighSurrogate(s.charAt(i - 1))) {
      return illegal(s, i - 1); // the second half of a pair, read with the first
    }
    int c = s.codePointAt(i);
    if (goWhitespace(c) || letter(c) || asciiDigit(c)
        || c < 128 && "+-*/%&|^<>=!~()[]{},;.:\"'`".indexOf(c) >= 0) {
      return false;
    }
    if (Character.isDigit(c) && i > 0) {
      int before = Character.codePointBefore(s, i);
      return !letterOrDigit(before);
    }
    return true;
  }

  /**
   * The character at {@code i} of {@code s} for a message: a printable ASCII character as it is
   * ({@code @}), any other as an escape ({@code \}{@code u2003}, a pair of them for a character
   * outside the Basic Multilingual Plane), so that a space or an invisible character shows.
   */
  static String escaped(String s, int i) {
    int c = s.codePointAt(i);
    if (c > ' ' && c < 0x7f) {
      return String.valueOf((char) c);
    }
    StringBuilder out = new StringBuilder();
    for (char u : Character.toChars(c)) {
      out.append(String.format("\\u%04x", (int) u));
    }
    return out.toString();
  }

  /** The tokens of {@code s}, without whitespace and comments. */
  private static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    boolean newline = false;
    int i = 0;
    int n = s.length();
    while (i < n) {
      int c = s.codePointAt(i);
      if (goWhitespace(c)) {
        newline |= c == '\n';
        i++;
        continue;
      }
      if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        int end = s.indexOf('\n', i);
        i = end < 0 ? n : end; // the line break is whitespace, read next
        continue;
      }
      if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        if (end >= 0) {
          newline |= s.substring(i, end).indexOf('\n') >= 0;
          i = end + 2;
          continue;
        }
        out.add(new Token(Kind.OTHER, s.substring(i), newline)); // unterminated: kept whole
        break;
      }
      int start = i;
      Kind kind;
      if (letter(c)) {
        kind = Kind.WORD;
        while (i < n && letterOrDigit(s.codePointAt(i))) {
          i += Character.charCount(s.codePointAt(i));
        }
      } else if (asciiDigit(c) || c == '.' && i + 1 < n && asciiDigit(s.charAt(i + 1))) {
        kind = Kind.NUMBER;
        i = numberEnd(s, i);
      } else if (c == '"' || c == '\'' || c == '`') {
        kind = Kind.LITERAL;
        i = literalEnd(s, i);
      } else {
        kind = Kind.OTHER;
        i += Character.charCount(c);
        if ("+-*/%&|^<>=!~()[]{},;.:".indexOf(c) >= 0) {
          kind = Kind.OP;
          for (String op : LONG_OPERATORS) {
            if (s.startsWith(op, start)) {
              i = start + op.length();
              break;
            }
          }
        }
      }
      out.add(new Token(kind, s.substring(start, i), newline));
      newline = false;
    }
    return out;
  }

  /** The end of the number literal at {@code i}: digits, letters, '_', '.', an exponent's sign. */
  private static int numberEnd(String s, int i) {
    boolean hex = s.startsWith("0x", i) || s.startsWith("0X", i);
    int n = s.length();
    int j = i;
    while (j < n) {
      char c = s.charAt(j);
      if (c == '_' || c == '.' || c < 128 && Character.isLetterOrDigit(c)) {
        j++;
      } else if ((c == '+' || c == '-') && j > i
          && (hex ? "pP" : "eE").indexOf(s.charAt(j - 1)) >= 0) {
        j++;
      } else {
        break;
      }
    }
    return j;
  }

  /**
   * The end of the string or rune literal opening at {@code i} (after its closing quote); an
   * unterminated one, which Go refuses, runs to the end of the line (to the end of {@code s} for
   * a raw string), so that it is kept as written.
   */
  static int literalEnd(String s, int i) {
    char quote = s.charAt(i);
    int n = s.length();
    int j = i + 1;
    while (j < n) {
      char c = s.charAt(j);
      if (c == quote) {
        return j + 1;
      } else if (quote != '`' && c == '\\' && j + 1 < n && s.charAt(j + 1) != '\n') {
        j += 2;
      } else if (quote != '`' && c == '\n') {
        return j;
      } else {
        j++;
      }
    }
    return n;
  }

  /**
   * The tokens written with one spacing; {@code outer} is the bracket the text stands in:
   * {@code '('} for a list, {@code '{'} for a brace body, whose line breaks end elements.
   */
  private static String spell(List<Token> in, char outer) {
    List<Token> t = withSemicolons(in, outer);
    StringBuilder out = new StringBuilder();
    StringBuilder open = new StringBuilder().append(outer); // innermost last
    boolean[] unary = new boolean[t.size()];
    for (int i = 0; i < t.size(); i++) {
      Token n = t.get(i);
      char inner = open.charAt(open.length() - 1);
      if (n.kind == Kind.OP && i > 0) {
        unary[i] = prefix(t.get(i - 1), n, inner);
      } else if (n.kind == Kind.OP) {
        unary[i] = true;
      }
      if (i > 0 && spaced(t, i, unary)) {
        out.append(' ');
      }
      out.append(n.text);
      if (n.is("(") || n.is("[") || n.is("{")) {
        open.append(n.text);
      } else if ((n.is(")") || n.is("]") || n.is("}")) && open.length() > 1) {
        open.setLength(open.length() - 1);
      }
    }
    return out.toString();
  }

  /**
   * The tokens with a {@code ;} where a line break inside braces ends an element, and without
   * empty elements: no {@code ;} first, after {@code {} or another {@code ;}, or before
   * {@code }} or the end.
   */
  private static List<Token> withSemicolons(List<Token> in, char outer) {
    List<Token> out = new ArrayList<>();
    StringBuilder open = new StringBuilder().append(outer);
    boolean pending = false; // a ';' to write before the next token, if it starts an element
    for (Token n : in) {
      char inner = open.charAt(open.length() - 1);
      if (inner == '{' && n.newlineBefore && !out.isEmpty()
          && out.get(out.size() - 1).endsStatement()) {
        pending = true;
      }
      if (n.is(";")) {
        pending = true;
        continue;
      }
      if (pending && !n.is("}") && !out.isEmpty() && !out.get(out.size() - 1).is("{")) {
        out.add(new Token(Kind.OP, ";", false));
      }
      pending = false;
      out.add(n);
      if (n.is("(") || n.is("[") || n.is("{")) {
        open.append(n.text.charAt(0));
      } else if ((n.is(")") || n.is("]") || n.is("}")) && open.length() > 1) {
        open.setLength(open.length() - 1);
      }
    }
    return out;
  }

  /**
   * Whether operator {@code n} after {@code p} is a prefix (unary) operator: in a type it is
   * ({@code *T}, {@code <-chan T}, {@code ~T}), except {@code |} (a union); inside {@code [} (an
   * array length) {@code *} and the like after an operand are binary.
   */
  private static boolean prefix(Token p, Token n, char inner) {
    switch (n.text) {
      case "*": case "-": case "+": case "^": case "&": case "!": case "~": case "<-":
        return !(inner == '[' && (p.operand() || p.is(")") || p.is("]")));
      default:
        return false;
    }
  }

  /** Whether a space goes between tokens {@code i - 1} and {@code i}. */
  private static boolean spaced(List<Token> t, int i, boolean[] unary) {
    Token p = t.get(i - 1);
    Token n = t.get(i);
    if (merges(p, n)) {
      return true;
    }
    if (n.is(")") || n.is("]") || n.is("}") || n.is(",") || n.is(";")) {
      return false;
    }
    if (p.is("(") || p.is("[") || p.is("{")) {
      return false;
    }
    if (p.is(",") || p.is(";")) {
      return true;
    }
    if (p.is(".") || n.is(".") || p.is("...")) {
      return false;
    }
    if (p.is("<-") && i >= 2 && t.get(i - 2).is("chan")) {
      return true; // chan<- T
    }
    if (n.is("<-") && p.is("chan")) {
      return false;
    }
    boolean pOp = p.kind == Kind.OP && !p.is(")") && !p.is("]") && !p.is("}");
    boolean nOp = n.kind == Kind.OP && !n.is("(") && !n.is("[") && !n.is("{");
    if (pOp && unary[i - 1]) {
      return false; // *T, <-chan T, ~T
    }
    if (pOp || nOp && !unary[i] && !n.is("...")) {
      return true; // around a binary operator
    }
    if (p.is("]")) {
      return false; // []T, [2]*T, map[K]V
    }
    if (n.is("(")) {
      return !(p.is("func") || p.operand() && p.kind == Kind.WORD);
    }
    if (n.is("[")) {
      return p.is("map") ? false : p.kind == Kind.WORD && !p.keyword() ? arrayType(t, i) : true;
    }
    if (n.is("{")) {
      return !(p.is("struct") || p.is("interface"));
    }
    return true;
  }

  /**
   * Whether the {@code [} at {@code i}, after a name, opens an array or slice type (a type
   * follows its {@code ]}) rather than a type's arguments.
   */
  private static boolean arrayType(List<Token> t, int i) {
    int depth = 0;
    for (int j = i; j < t.size(); j++) {
      Token c = t.get(j);
      if (c.is("(") || c.is("[") || c.is("{")) {
        depth++;
      } else if (c.is(")") || c.is("]") || c.is("}")) {
        if (--depth == 0) {
          if (j == i + 1) {
            return true; // a []T
          }
          if (j + 1 >= t.size()) {
            return false;
          }
          Token next = t.get(j + 1);
          return next.kind == Kind.WORD || next.is("*") || next.is("[") || next.is("(")
              || next.is("<-");
        }
      }
    }
    return false;
  }

  /** Whether {@code p} and {@code n} written together would not read as these two tokens. */
  private static boolean merges(Token p, Token n) {
    if (p.kind == Kind.OTHER || n.kind == Kind.OTHER) {
      return true;
    }
    List<Token> joined = tokens(p.text + n.text);
    return joined.isEmpty() || !joined.get(0).text.equals(p.text);
  }
}
