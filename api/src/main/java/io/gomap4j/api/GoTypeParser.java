package io.gomap4j.api;

import io.gomap4j.api.internal.Printable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The recursive-descent parser behind {@link GoType#parse(String)}. Errors name what was expected
 * and the 1-based column (in UTF-16 code units) where it was expected. They quote the input with
 * each control character written as {@code \}{@code u00XX} ({@link Printable}), so a newline or a
 * terminal escape in it neither splits the message nor reaches a terminal; columns count the input
 * as given.
 *
 * <p>As Go's scanner, it refuses every control character other than tab, newline and carriage
 * return, also inside the text it keeps (a func's parameters, an interface's methods), and, outside
 * a string literal or comment, every other character Go's scanner refuses as illegal (see
 * {@link GoTypeText#illegal}), and takes only space, tab, newline and carriage return for
 * whitespace.
 */
final class GoTypeParser {

  /** The predeclared interface {@code error}, {@code interface{Error() string}}. */
  static final GoType ERROR = new GoType.Interface("Error() string");

  /** The keywords a type starts with, which cannot name a result. */
  private static final Set<String> TYPE_KEYWORDS =
      Set.of("chan", "func", "interface", "map", "struct");

  /** What a message says was expected where a control character stands. */
  static final String NO_CONTROL =
      "no control character other than tab, newline or carriage return";

  /**
   * What a message says was expected where a character stands that Go's scanner refuses outside
   * a string literal or comment (an "illegal character", such as U+2003 or '@').
   */
  static final String NO_ILLEGAL =
      "no character Go's scanner refuses outside a string literal or comment";

  private final String src;
  private int pos;
  /** How many types enclose the one being read. */
  private int depth;

  GoTypeParser(String src) {
    this.src = src;
  }

  GoType parseWhole() {
    GoType t = type();
    skipWs();
    if (pos < src.length()) {
      throw error("end of type");
    }
    return t;
  }

  /** A type, nested at most {@link GoType#MAX_NESTING} deep. */
  private GoType type() {
    skipWs();
    enterLevel();
    try {
      return typeBody();
    } finally {
      depth--;
    }
  }

  /** Counts the level of a type that starts at {@code pos}, refusing one past the limit there. */
  private void enterLevel() {
    if (depth == GoType.MAX_NESTING) {
      throw error("at most " + GoType.MAX_NESTING + " nested types", "a type nested "
          + (GoType.MAX_NESTING + 1) + " deep");
    }
    depth++;
  }

  // type = "*" type | "(" type ")" | "[" [N] "]" type | "<-" "chan" type | name | struct | ...
  private GoType typeBody() {
    if (pos >= src.length()) {
      throw error("a type");
    }
    char c = src.charAt(pos);
    switch (c) {
      case '*':
        pos++;
        return new GoType.Pointer(type());
      case '(': {
        // Parentheses only group: the type inside is the same level. A run of them is read
        // here, so that however many there are they cost no recursion.
        int open = 0;
        while (pos < src.length() && src.charAt(pos) == '(') {
          pos++;
          open++;
          skipWs();
        }
        GoType t = typeBody();
        for (int i = 0; i < open; i++) {
          skipWs();
          expect(')');
        }
        return t;
      }
      case '[':
        return arrayOrSlice();
      case '<':
        expectWord("<-");
        skipWs();
        expectKeyword("chan");
        return new GoType.Chan(GoType.ChanDir.RECV, type());
      default:
        break;
    }
    if (!isIdentStart(c)) {
      throw error("a type");
    }
    int start = pos;
    String name = qualifiedIdent();
    switch (name) {
      case "struct":
        return struct();
      case "interface":
        return iface();
      case "map": {
        skipWs();
        expect('[');
        GoType key = type();
        skipWs();
        expect(']');
        return new GoType.Map(key, type());
      }
      case "chan": {
        skipWs();
        if (src.startsWith("<-", pos)) {
          pos += 2;
          return new GoType.Chan(GoType.ChanDir.SEND, type());
        }
        return new GoType.Chan(GoType.ChanDir.BOTH, type());
      }
      case "func":
        return func();
      case "any":
        return GoType.ANY;
      case "error":
        return ERROR;
      default:
        try {
          return GoType.basic(name);
        } catch (IllegalArgumentException e) {
          pos = start;
          throw error("a predeclared type name, unsafe.Pointer or a type literal", "'" + name + "'");
        }
    }
  }

  private GoType arrayOrSlice() {
    expect('[');
    skipWs();
    if (pos < src.length() && src.charAt(pos) == ']') {
      pos++;
      return new GoType.Slice(type());
    }
    int start = pos;
    while (pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '9') {
      pos++;
    }
    if (pos == start) {
      throw error("an array length or ']'");
    }
    String digits = src.substring(start, pos);
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      pos = start;
      throw error("a decimal array length without leading zeros");
    }
    long length;
    try {
      length = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      pos = start;
      throw error("an array length below 2^63");
    }
    skipWs();
    expect(']');
    return new GoType.Array(type(), length);
  }

  // "struct" "{" { FieldDecl (";" | newline) } "}"
  private GoType struct() {
    skipWs();
    expect('{');
    List<GoType.Field> fields = new ArrayList<>();
    Set<String> names = new HashSet<>();
    while (true) {
      skipWs();
      if (pos < src.length() && src.charAt(pos) == '}') {
        pos++;
        return new GoType.Struct(fields);
      }
      if (pos >= src.length()) {
        throw error("a field or '}'");
      }
      fieldDecl(fields, names);
      boolean newline = skipWs();
      if (pos < src.length() && src.charAt(pos) == ';') {
        pos++;
      } else if (!newline && (pos >= src.length() || src.charAt(pos) != '}')) {
        throw error("';' or '}'");
      }
    }
  }

  private void fieldDecl(List<GoType.Field> fields, Set<String> names) {
    int start = pos;
    char c = src.charAt(pos);
    if (c == '*' || !isIdentStart(c)) {
      if (c != '*') {
        throw error("a field name or embedded type");
      }
      GoType t = type(); // embedded *T
      addField(fields, names, embeddedName(t, start), t, true, start);
      return;
    }
    String first = qualifiedIdent();
    skipSpaces();
    char next = pos < src.length() ? src.charAt(pos) : '\n';
    if (first.contains(".") || next == ';' || next == '}' || next == '\n' || next == '\r') {
      pos = start; // embedded T or pkg.T
      GoType t = type();
      addField(fields, names, embeddedName(t, start), t, true, start);
      return;
    }
    List<String> idents = new ArrayList<>();
    List<Integer> columns = new ArrayList<>();
    idents.add(first);
    columns.add(start);
    while (pos < src.length() && src.charAt(pos) == ',') {
      pos++;
      skipWs();
      columns.add(pos);
      if (pos >= src.length() || !isIdentStart(src.charAt(pos))) {
        throw error("a field name");
      }
      idents.add(ident());
      skipSpaces();
    }
    GoType t = type();
    for (int i = 0; i < idents.size(); i++) {
      addField(fields, names, idents.get(i), t, false, columns.get(i));
    }
  }

  private void addField(List<GoType.Field> fields, Set<String> names, String name, GoType type,
      boolean embedded, int column) {
    if (!name.equals("_") && !names.add(name)) {
      pos = column;
      throw error("a field name not used before", "duplicate field '" + name + "'");
    }
    fields.add(new GoType.Field(name, type, embedded));
  }

  private String embeddedName(GoType t, int start) {
    // the field of an embedded byte or rune is named byte or rune, not uint8 or int32
    String written = trim(src.substring(start, pos).replace("*", ""));
    String refused = embeddingRefused(t);
    if (refused != null) {
      int end = pos;
      pos = start;
      throw error("a field name or an embedded type name", "embedded "
          + Printable.of(trim(src.substring(start, end))) + ", which Go 1.19 refuses: " + refused);
    }
    String name = embeddedFieldName(t, written);
    if (name == null) {
      pos = start;
      throw error("a field name or an embedded type name");
    }
    return name;
  }

  /** What a message says an embedded field's type may be. */
  static final String EMBEDDABLE = "an embedded field's type is bool, a numeric type, string, any"
      + " or error, or a pointer to bool, a numeric type or string";

  /**
   * Why Go 1.19's type checker refuses {@code t} as the type of an embedded field (go/types
   * struct.go), or null: {@code unsafe.Pointer} or {@code *unsafe.Pointer} ("embedded field type
   * cannot be unsafe.Pointer") and a pointer to an interface ("embedded field type cannot be a
   * pointer to an interface").
   */
  static String embeddingRefused(GoType t) {
    boolean pointer = t instanceof GoType.Pointer;
    GoType base = t instanceof GoType.Pointer p ? p.elem() : t;
    if (base instanceof GoType.Basic b && b.kind() == GoType.Kind.UNSAFE_POINTER) {
      return "embedded field type cannot be unsafe.Pointer";
    }
    if (pointer && base instanceof GoType.Interface) {
      return "embedded field type cannot be a pointer to an interface";
    }
    return null;
  }

  /**
   * The name of an embedded field of type {@code t}: {@code T} or {@code *T} with {@code T} bool, a
   * numeric type or string, or {@code any} or {@code error}. It is {@code T}'s name, or
   * {@code byte} or {@code rune} when {@code written} is that alias of {@code T}, or {@code any} or
   * {@code error}, as go/types names the field; null for a type that cannot be embedded (see also
   * {@link #embeddingRefused}).
   */
  static String embeddedFieldName(GoType t, String written) {
    if (embeddingRefused(t) != null) {
      return null;
    }
    GoType base = t instanceof GoType.Pointer p ? p.elem() : t;
    if (base instanceof GoType.Basic b) {
      if (written.equals("byte") && b.kind() == GoType.Kind.UINT8
          || written.equals("rune") && b.kind() == GoType.Kind.INT32) {
        return written;
      }
      return b.goSyntax();
    }
    return GoType.ANY.equals(base) ? "any" : ERROR.equals(base) ? "error" : null;
  }

  // "interface" "{" balanced "}"
  private GoType iface() {
    skipWs();
    expect('{');
    String body = balanced('}');
    return new GoType.Interface(body);
  }

  // "func" "(" balanced ")" [ result ]
  private GoType func() {
    skipWs();
    expect('(');
    String params = balanced(')');
    int save = pos;
    skipSpaces(); // a result must be on the same line
    if (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '(') {
        int open = pos;
        pos++;
        String list = "(" + withoutTrailingComma(collapse(balanced(')'))) + ")";
        if (oneUnnamedResult(list)) {
          pos = open;
          return new GoType.Func(params, parenthesizedResult()); // (T) and (T,) are T
        }
        return new GoType.Func(params, list);
      } else if (c == '*' || c == '[' || c == '<' || isIdentStart(c)) {
        return new GoType.Func(params, type()); // one level deeper than the func
      }
    }
    pos = save;
    return new GoType.Func(params, "");
  }

  /**
   * A func's one unnamed result in parentheses, {@code (T)} or {@code (T,)}, at {@code pos}: T, a
   * level deeper than the func, counted where the parentheses open, as for any parenthesized type.
   */
  private GoType parenthesizedResult() {
    enterLevel();
    try {
      expect('(');
      skipWs();
      GoType t = typeBody();
      skipWs();
      if (pos < src.length() && src.charAt(pos) == ',') {
        pos++;
        skipWs();
      }
      expect(')');
      return t;
    } finally {
      depth--;
    }
  }

  /**
   * {@code list}, a parameter list or the inside of a result list in its one spelling,
   * without the comma Go's grammar allows after its last element ({@code a int,} is
   * {@code a int}). A list that is only a comma or ends in two commas, which Go refuses, is kept as
   * it is, as text.
   */
  static String withoutTrailingComma(String list) {
    if (!list.endsWith(",")) {
      return list;
    }
    String rest = trim(list.substring(0, list.length() - 1));
    return rest.isEmpty() || rest.endsWith(",") ? list : rest;
  }

  /**
   * Whether {@code list}, a func's parenthesized result list with balanced brackets,
   * in its one spelling, holds one unnamed result, which is then the type in parentheses: it has
   * no comma outside inner brackets and does not start with a name followed by a type
   * ({@code (n int)}, {@code (n *int)}). A keyword ({@code chan int}) or a package name
   * ({@code unsafe.Pointer}) is no such name.
   */
  static boolean oneUnnamedResult(String list) {
    String inner = trim(list.substring(1, list.length() - 1));
    if (inner.isEmpty() || scan(inner, 0, NONE, ",", refusing("func results", inner))
        < inner.length()) {
      return false;
    }
    int end = 0;
    while (end < inner.length() && isIdentPart(inner.charAt(end))) {
      end++;
    }
    if (end == 0 || end == inner.length() || !isIdentStart(inner.charAt(0))) {
      return true;
    }
    return TYPE_KEYWORDS.contains(inner.substring(0, end)) || inner.charAt(end) == '.';
  }

  /** The text up to the bracket closing an already consumed opener; consumes the closer. */
  private String balanced(char close) {
    int start = pos;
    int end = scan(src, pos, close, "", (flaw, at, expected) -> {
      pos = at;
      return error(flaw == Flaw.CONTROL_CHARACTER ? NO_CONTROL
          : flaw == Flaw.ILLEGAL_CHARACTER ? NO_ILLEGAL : "'" + expected + "'");
    });
    pos = end + 1;
    return src.substring(start, end);
  }

  /**
   * The index of the bracket that closes the one at {@code open} in {@code s}, whose brackets are
   * balanced.
   */
  static int closing(String s, int open) {
    return scan(s, open + 1, closer(s.charAt(open)), "", refusing("text", s));
  }

  /** No bracket open when {@link #scan} starts. */
  static final char NONE = 0;

  /** What {@link #scan} refuses in a text. */
  enum Flaw {
    /** A control character other than tab, newline and carriage return, which Go refuses. */
    CONTROL_CHARACTER,
    /**
     * A character Go's scanner refuses outside a literal or comment, other than a control
     * character ({@link GoTypeText#illegal}).
     */
    ILLEGAL_CHARACTER,
    /** A closing bracket that is not the partner of the innermost open one, or closes none. */
    UNBALANCED,
    /** The text ends with a bracket open. */
    MISSING
  }

  /** Builds the error for a {@link Flaw} that {@link #scan} found. */
  @FunctionalInterface
  interface Refusal {
    /**
     * The error for {@code flaw} at index {@code at} of the text (its length for
     * {@link Flaw#MISSING}), where the partner {@code expected} of the innermost open bracket was
     * due ({@link #NONE} if no bracket was open).
     */
    IllegalArgumentException at(Flaw flaw, int at, char expected);
  }

  /**
   * The one walk over brackets in a text: reads {@code s} from {@code from}, with the partner
   * {@code close} of an opening bracket before {@code from} due ({@link #NONE} for none), and
   * returns the index of the first of: a character in {@code stops} outside every bracket opened
   * from {@code from}; {@code close} itself, once every bracket opened from {@code from} is closed;
   * the end of {@code s}, with no bracket open. String and rune literals and comments are read as
   * Go's scanner reads them, as one token: a bracket or stop inside them does not count. Throws
   * {@code refusal}'s error for a control character other than tab, newline and carriage return
   * (also inside a literal or comment), for any other character Go's scanner refuses outside a
   * literal or comment ({@link GoTypeText#illegal}), for a closing bracket that does not close the
   * innermost open bracket and for a bracket open at the end.
   */
  static int scan(String s, int from, char close, String stops, Refusal refusal) {
    StringBuilder open = new StringBuilder(); // the partners due, innermost last
    if (close != NONE) {
      open.append(close);
    }
    int outside = open.length();
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      char innermost = open.length() == 0 ? NONE : open.charAt(open.length() - 1);
      int skip = c == '"' || c == '\'' || c == '`' ? GoTypeText.literalEnd(s, i)
          : GoTypeText.commentEnd(s, i);
      if (skip >= 0) {
        for (int j = i; j < skip; j++) {
          if (refusedControl(s.charAt(j))) {
            throw refusal.at(Flaw.CONTROL_CHARACTER, j, innermost);
          }
        }
        i = skip - 1;
      } else if (refusedControl(c)) {
        throw refusal.at(Flaw.CONTROL_CHARACTER, i, innermost);
      } else if (GoTypeText.illegal(s, i)) {
        throw refusal.at(Flaw.ILLEGAL_CHARACTER, i, innermost);
      } else if (c == '(' || c == '[' || c == '{') {
        open.append(closer(c));
      } else if (c == ')' || c == ']' || c == '}') {
        char due = open.length() == 0 ? NONE : open.charAt(open.length() - 1);
        if (c != due) {
          throw refusal.at(Flaw.UNBALANCED, i, due);
        }
        open.setLength(open.length() - 1);
        if (open.length() == 0 && close != NONE) {
          return i;
        }
      } else if (open.length() == outside && stops.indexOf(c) >= 0) {
        return i;
      }
    }
    if (open.length() > 0) {
      throw refusal.at(Flaw.MISSING, s.length(), open.charAt(open.length() - 1));
    }
    return s.length();
  }

  /**
   * A {@link Refusal} for the text {@code s} a caller gave as {@code what} ("func params"): a
   * control character or an unbalanced bracket with its column, a missing bracket by its character.
   */
  static Refusal refusing(String what, String s) {
    return (flaw, at, expected) -> new IllegalArgumentException(what + " \"" + Printable.of(s)
        + "\" " + switch (flaw) {
          case CONTROL_CHARACTER -> "have control character '"
              + Printable.of(String.valueOf(s.charAt(at))) + "' at column " + (at + 1)
              + "; Go allows " + NO_CONTROL;
          case ILLEGAL_CHARACTER -> "have character '" + GoTypeText.escaped(s, at)
              + "' at column " + (at + 1) + ", which Go's scanner refuses outside a string literal"
              + " or comment; Go allows letters, digits, '_', whitespace, operators and punctuation"
              + " there";
          case UNBALANCED -> "have an unbalanced '" + s.charAt(at) + "' at column " + (at + 1);
          case MISSING -> "leave '" + expected + "' missing";
        });
  }

  /** Whether Go's scanner refuses {@code c}: a control character but tab, newline or CR. */
  static boolean refusedControl(char c) {
    return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
  }

  private static char closer(char open) {
    return open == '(' ? ')' : open == '[' ? ']' : '}';
  }

  private String qualifiedIdent() {
    String name = ident();
    if (pos + 1 < src.length() && src.charAt(pos) == '.' && isIdentStart(src.charAt(pos + 1))) {
      pos++;
      name = name + "." + ident();
    }
    return name;
  }

  private String ident() {
    int start = pos;
    while (pos < src.length() && isIdentPart(src.charAt(pos))) {
      pos++;
    }
    return src.substring(start, pos);
  }

  private void expect(char c) {
    if (pos >= src.length() || src.charAt(pos) != c) {
      throw error("'" + c + "'");
    }
    pos++;
  }

  private void expectWord(String w) {
    if (!src.startsWith(w, pos)) {
      throw error("'" + w + "'");
    }
    pos += w.length();
  }

  private void expectKeyword(String w) {
    int start = pos;
    if (pos < src.length() && isIdentStart(src.charAt(pos)) && ident().equals(w)) {
      return;
    }
    pos = start;
    throw error("'" + w + "'");
  }

  /** Whether {@code c} is whitespace to Go's scanner: space, tab, newline or carriage return. */
  static boolean goWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /**
   * {@code s} without Go's whitespace (space, tab, newline, carriage return) at its ends; any
   * other character, such as a Unicode space that Java's {@code strip()} would drop, stays.
   */
  static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && goWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && goWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Skips Go's whitespace (space, tab, newline, carriage return); true if it crossed a newline. */
  private boolean skipWs() {
    boolean newline = false;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n' || c == '\r') {
        newline |= c == '\n';
      } else if (c != ' ' && c != '\t') {
        break;
      }
      pos++;
    }
    return newline;
  }

  /** Skips spaces and tabs. */
  private void skipSpaces() {
    while (pos < src.length() && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t')) {
      pos++;
    }
  }

  /**
   * The error for what was {@code expected} at {@code pos}, or, if a control character that Go
   * refuses stands there, for that character, whatever was expected.
   */
  private IllegalArgumentException error(String expected) {
    String found = pos >= src.length() ? "end of input" : "'" + src.charAt(pos) + "'";
    if (pos < src.length() && refusedControl(src.charAt(pos))) {
      expected = NO_CONTROL;
    } else if (pos < src.length() && GoTypeText.illegal(src, pos)) {
      expected = NO_ILLEGAL;
      found = "'" + GoTypeText.escaped(src, pos) + "'";
    }
    return error(expected, found);
  }

  private IllegalArgumentException error(String expected, String found) {
    return new IllegalArgumentException("expected " + expected + " at column " + (pos + 1)
        + " in \"" + Printable.of(src) + "\", found " + Printable.of(found));
  }

  private static boolean isIdentStart(char c) {
    return c == '_' || Character.isLetter(c);
  }

  private static boolean isIdentPart(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  static boolean isIdentifier(String s) {
    if (s.isEmpty() || !isIdentStart(s.charAt(0))) {
      return false;
    }
    return s.chars().allMatch(c -> isIdentPart((char) c));
  }

  /**
   * {@code s}, a parameter list, a result list or its inside, in its one spelling: its tokens with
   * gofmt's spacing between them ({@link GoTypeText#list}), so {@code a int,b int} and
   * {@code a int, b int} are one text.
   */
  static String collapse(String s) {
    return GoTypeText.list(s);
  }

  /**
   * A brace body's elements, split at top-level ';' and at the line breaks where Go inserts one,
   * each in its one spelling, joined with "; " ({@link GoTypeText#elements}).
   */
  static String normalizeElements(String body) {
    return GoTypeText.elements(body);
  }

  /**
   * Throws unless every bracket in {@code s} is closed by its partner, in order, and {@code s}
   * holds no control character other than tab, newline and carriage return.
   */
  static void checkText(String s, String what) {
    scan(s, 0, NONE, "", refusing(what, s));
  }
}
