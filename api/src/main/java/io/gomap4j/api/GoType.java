package io.gomap4j.api;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.internal.Printable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A Go type, as far as a map needs to know it: its kind decides the hash function Go uses for it,
 * and a {@link io.gomap4j.spi.PlatformLayout} turns it into a size and an alignment.
 *
 * <p>It models Go's predeclared scalar types, {@code string}, {@code unsafe.Pointer}, pointer types
 * {@code *T}, and the composite types arrays {@code [N]T}, slices {@code []T}, structs, interfaces,
 * maps, channels and funcs. Named types other than the predeclared ones (and {@code unsafe.Pointer})
 * are not modelled: their layout is that of their underlying type, so spell that instead.
 * {@link #parse(String)} reads Go's type syntax.
 *
 * <p>A type nests at most {@link #MAX_NESTING} levels deep, however it is made: the constructors
 * and factories of the composite types refuse a deeper one with an
 * {@link IllegalArgumentException}, as {@link #parse(String)} does. Each composite type stores its
 * {@link #nesting()}, hash code, {@link #hasPointers()}, {@link #isReflexive()} and
 * {@link #isComparable()} when it is made, from those of its parts, so a type that uses one part
 * many times ({@code map[T]T}, a struct with several fields of type {@code T}) is made, checked,
 * hashed and asked in constant time. Types are values: {@code equals} compares them part by part,
 * first by their stored hash codes, and compares each pair of parts at most once in a call, so two
 * equal types built separately from shared parts compare in time proportional to their distinct
 * parts, not to their spelling. The composite types are final classes whose accessors are named
 * as record components would be ({@code elem()}, {@code key()}, {@code fields()}). Their
 * {@link #goSyntax()} spells every part, so it doubles in length with each level of
 * {@code map[T]T}; {@link #abbreviated()} spells at most about 60 characters of it, which is what
 * messages show.
 */
public sealed interface GoType
    permits GoType.Basic, GoType.Pointer, GoType.Array, GoType.Slice, GoType.Struct,
        GoType.Interface, GoType.Map, GoType.Chan, GoType.Func {

  GoType BOOL = new Basic(Kind.BOOL);
  GoType INT8 = new Basic(Kind.INT8);
  GoType INT16 = new Basic(Kind.INT16);
  GoType INT32 = new Basic(Kind.INT32);
  GoType INT64 = new Basic(Kind.INT64);
  GoType INT = new Basic(Kind.INT);
  GoType UINT8 = new Basic(Kind.UINT8);
  GoType UINT16 = new Basic(Kind.UINT16);
  GoType UINT32 = new Basic(Kind.UINT32);
  GoType UINT64 = new Basic(Kind.UINT64);
  GoType UINT = new Basic(Kind.UINT);
  GoType UINTPTR = new Basic(Kind.UINTPTR);
  GoType FLOAT32 = new Basic(Kind.FLOAT32);
  GoType FLOAT64 = new Basic(Kind.FLOAT64);
  GoType COMPLEX64 = new Basic(Kind.COMPLEX64);
  GoType COMPLEX128 = new Basic(Kind.COMPLEX128);
  GoType STRING = new Basic(Kind.STRING);
  GoType UNSAFE_POINTER = new Basic(Kind.UNSAFE_POINTER);

  /** The empty interface {@code interface{}}, also spelled {@code any}. */
  GoType ANY = new Interface("");

  /** The empty struct {@code struct{}}, of size 0. */
  GoType EMPTY_STRUCT = new Struct(List.of());

  /**
   * How deep types nest: 100 levels. A type counts one level, and each type it is the element, key,
   * field or result type of (pointer, array, slice, struct, map, channel, func with one result
   * type) one more, so {@code int} is 1 level deep, {@code *[2]int} 3 and {@code func() *int} 3.
   * Parentheses only group: {@code (int)} and {@code chan (<-chan int)} nest as {@code int} and
   * {@code chan <-chan int} would. {@link #parse(String)} refuses a deeper type with the column
   * where it passes the limit; the constructors and factories refuse a type that would nest deeper,
   * naming the part that is already {@code MAX_NESTING} deep. The two count alike, so a type the
   * constructors make parses back from its {@link #goSyntax()}. The limit keeps parsing, and
   * everything that walks a type ({@code equals}, {@link #goSyntax()}, layouts), well inside a
   * thread's default stack.
   */
  int MAX_NESTING = 100;

  /** The Go spelling of this type, such as {@code int64} or {@code *string}. */
  String goSyntax();

  /**
   * This type's Go spelling for a message: {@link #goSyntax()} whole if it has at most 60
   * characters, else its first 40, {@code ...} and its last 17. It spells only about as many
   * characters as it shows, so it is quick for a type whose whole spelling is far too long to
   * build ({@code map[T]T} made again and again), where {@link #goSyntax()} runs out of memory.
   */
  default String abbreviated() {
    return GoTypeSpelling.abbreviated(this);
  }

  /**
   * How many levels deep this type nests (see {@link #MAX_NESTING}): 1 for a type that holds no
   * other type, else one more than its deepest element, key, field or func result type, so
   * {@code *[2]int} and {@code func() *int} are 3. Every type stores it when it is made, so this
   * takes constant time, however much of the type is shared: {@code map[T]T} is one level deeper
   * than {@code T}, not twice as large.
   */
  int nesting();

  /** Whether a value of this type holds a pointer the Go garbage collector traces. */
  boolean hasPointers();

  /**
   * Whether {@code k == k} holds for every value, Go's "reflexive key" property. It is false for
   * floating-point and complex types, because NaN is not equal to itself.
   */
  boolean isReflexive();

  /**
   * Whether Go defines {@code ==} on this type, so that it can be a map key. Slices, maps and funcs
   * are not comparable, nor are arrays and structs that contain them.
   */
  default boolean isComparable() {
    return true;
  }

  /**
   * Reads a Go type from its Go spelling: the predeclared names (with the aliases {@code byte},
   * {@code rune} and {@code any}, and {@code error}), {@code unsafe.Pointer}, {@code *T},
   * {@code [N]T}, {@code []T}, {@code struct{a T; b U}} (with {@code _} fields, identifier lists
   * {@code a, b T} and embedded fields), {@code interface{...}}, {@code map[K]V}, {@code chan T},
   * {@code chan<- T}, {@code <-chan T}, {@code func(...)...} and parenthesized types. Whitespace
   * (Go's: space, tab, newline and carriage return) is allowed between tokens; inside a struct, a
   * newline separates fields like {@code ;}. As Go's scanner does, parse refuses every other
   * control character (U+0000 to U+001F, U+007F to U+009F), wherever it stands, also in the text
   * it keeps, and, outside a string literal or comment, every character its scanner calls
   * illegal: anything but a letter (Unicode category L) or {@code _}, a digit (a decimal digit of
   * another script only after a name's first letter), that whitespace, and Go's operators,
   * punctuation and quotes; so a Unicode space (U+2003), {@code @}, {@code $}, {@code ?},
   * {@code \} or a byte order mark is refused, also in the text it keeps.
   *
   * <p>An interface's method list, a func's parameters and a func's parenthesized list of two or
   * more results or of named results are kept as text in one spelling, their tokens with gofmt's
   * spacing (see {@link Func}), so spellings that differ only in the whitespace between tokens
   * ({@code func(a int,b int)}, {@code func(a int, b int)}) are one type; only their brackets are
   * checked, so they may name types {@code GoType} does not model. A func's single unnamed
   * result, bare or alone in parentheses, is read as a type (see {@link Func}) and so must be one
   * that this method reads: {@code func() (io.Reader, error)} and {@code func(io.Reader)} are
   * accepted, {@code func() io.Reader} and {@code func() (io.Reader)} are not. A comma after a
   * func's last parameter or result is dropped, as Go allows it ({@code func() (int,)} is
   * {@code func() int}). Struct field tags are not accepted. Types may nest at most
   * {@link #MAX_NESTING} levels deep; parentheses do not count, and any number of them
   * may surround a type.
   *
   * @throws IllegalArgumentException if {@code goSyntax} is not such a type, or nests deeper than
   *     {@link #MAX_NESTING}; the message says what was expected and at which 1-based column, e.g.
   *     {@code expected ']' at column 3 in "[3int"}, and quotes {@code goSyntax} with each control
   *     character (U+0000 to U+001F, U+007F to U+009F) written as {@code \}{@code u00XX}; where
   *     such a character other than tab, newline and carriage return stands, the message expects
   *     {@code no control character other than tab, newline or carriage return}, and where
   *     another character Go's scanner refuses stands, it expects {@code no character Go's
   *     scanner refuses outside a string literal or comment} and writes the character found as an
   *     escape ({@code \}{@code u2003}) unless it is printable ASCII ({@code @})
   */
  static GoType parse(String goSyntax) {
    requireNonNull(goSyntax, "goSyntax is null");
    return new GoTypeParser(goSyntax).parseWhole();
  }

  /**
   * A pointer to {@code elem}, the Go type {@code *elem}.
   *
   * @throws IllegalArgumentException if {@code elem} is already {@link #MAX_NESTING} levels deep
   */
  static GoType pointerTo(GoType elem) {
    return new Pointer(elem);
  }

  /**
   * The predeclared type with the given Go name, including the aliases {@code byte} and
   * {@code rune}.
   *
   * @throws IllegalArgumentException if {@code name} is not a predeclared scalar type, string or
   *     {@code unsafe.Pointer}
   */
  static GoType basic(String name) {
    requireNonNull(name, "name is null");
    switch (name) {
      case "byte":
        return UINT8;
      case "rune":
        return INT32;
      default:
        for (Kind kind : Kind.values()) {
          if (kind.goName.equals(name)) {
            return new Basic(kind);
          }
        }
        throw new IllegalArgumentException(
            "unknown Go type '" + Printable.of(name) + "'; expected one of "
                + Arrays.toString(Arrays.stream(Kind.values()).map(k -> k.goName).toArray())
                + ", byte, rune");
    }
  }

  /**
   * An array type {@code [length]elem}.
   *
   * @throws IllegalArgumentException if {@code length} is negative, or {@code elem} is already
   *     {@link #MAX_NESTING} levels deep
   */
  static GoType arrayOf(long length, GoType elem) {
    return new Array(elem, length);
  }

  /**
   * A slice type {@code []elem}.
   *
   * @throws IllegalArgumentException if {@code elem} is already {@link #MAX_NESTING} levels deep
   */
  static GoType sliceOf(GoType elem) {
    return new Slice(elem);
  }

  /**
   * A struct type with {@code fields}, in order.
   *
   * @throws IllegalArgumentException if two fields other than {@code _} share a name, or a field's
   *     type is already {@link #MAX_NESTING} levels deep
   */
  static GoType structOf(Field... fields) {
    return new Struct(List.of(fields));
  }

  /**
   * A map type {@code map[key]elem}.
   *
   * @throws IllegalArgumentException if {@code key} or {@code elem} is already
   *     {@link #MAX_NESTING} levels deep
   */
  static GoType mapOf(GoType key, GoType elem) {
    return new Map(key, elem);
  }

  /**
   * The levels a {@code kind} type with {@code part} as its {@code partName} nests:
   * {@code part.nesting() + 1}, read from what {@code part} stored when it was made.
   *
   * @throws IllegalArgumentException if {@code part} is already {@link #MAX_NESTING} levels deep
   */
  private static int wrapping(String kind, String partName, GoType part) {
    int depth = part.nesting();
    if (depth >= MAX_NESTING) {
      throw new IllegalArgumentException("a Go type nests at most " + MAX_NESTING + " levels deep"
          + " (GoType.MAX_NESTING), and this " + kind + " type would nest " + (depth + 1) + ": its "
          + partName + " " + part.abbreviated() + " is " + depth + " levels deep");
    }
    return depth + 1;
  }

  /** The kinds of {@link Basic} types. */
  enum Kind {
    BOOL,
    INT8,
    INT16,
    INT32,
    INT64,
    INT,
    UINT8,
    UINT16,
    UINT32,
    UINT64,
    UINT,
    UINTPTR,
    FLOAT32,
    FLOAT64,
    COMPLEX64,
    COMPLEX128,
    STRING,
    UNSAFE_POINTER("unsafe.Pointer");

    private final String goName;

    Kind() {
      this.goName = name().toLowerCase(Locale.ROOT);
    }

    Kind(String goName) {
      this.goName = goName;
    }

    /** The Go spelling of the kind. */
    public String goName() {
      return goName;
    }
  }

  /** A predeclared scalar type, {@code string} or {@code unsafe.Pointer}. */
  record Basic(Kind kind) implements GoType {
    public Basic {
      requireNonNull(kind, "kind is null");
    }

    @Override
    public String goSyntax() {
      return kind.goName;
    }

    /** 1: a basic type holds no other type. */
    @Override
    public int nesting() {
      return 1;
    }

    @Override
    public boolean hasPointers() {
      return kind == Kind.STRING || kind == Kind.UNSAFE_POINTER;
    }

    @Override
    public boolean isReflexive() {
      switch (kind) {
        case FLOAT32:
        case FLOAT64:
        case COMPLEX64:
        case COMPLEX128:
          return false;
        default:
          return true;
      }
    }

    @Override
    public String toString() {
      return goSyntax();
    }
  }

  /**
   * A pointer type {@code *elem}. Like the other composite types it is a value: {@code equals}
   * compares the parts, and the hash code and {@link #nesting()} are computed once, when it is made.
   */
  final class Pointer implements GoType {
    private final GoType elem;
    private final int nesting;
    private final int hash;

    /**
     * The type {@code *elem}.
     *
     * @throws IllegalArgumentException if {@code elem} is already {@link #MAX_NESTING} levels deep
     */
    public Pointer(GoType elem) {
      this.elem = requireNonNull(elem, "elem is null");
      this.nesting = wrapping("pointer", "elem", elem);
      this.hash = 31 * elem.hashCode() + 1;
    }

    /** The type pointed to. */
    public GoType elem() {
      return elem;
    }

    @Override
    public String goSyntax() {
      return GoTypeSpelling.of(this);
    }

    @Override
    public int nesting() {
      return nesting;
    }

    @Override
    public boolean hasPointers() {
      return true;
    }

    @Override
    public boolean isReflexive() {
      return true;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Pointer p && hash == p.hash && GoTypeEquality.equal(this, p);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return goSyntax();
    }
  }

  /** An array type {@code [length]elem}; {@code length} may be 0. */
  final class Array implements GoType {
    private final GoType elem;
    private final long length;
    private final int nesting;
    private final int hash;
    private final boolean hasPointers;
    private final boolean reflexive;
    private final boolean comparable;

    /**
     * The type {@code [length]elem}.
     *
     * @throws IllegalArgumentException if {@code length} is negative, or {@code elem} is already
     *     {@link #MAX_NESTING} levels deep
     */
    public Array(GoType elem, long length) {
      this.elem = requireNonNull(elem, "elem is null");
      if (length < 0) {
        throw new IllegalArgumentException("array length must be >= 0, got " + length);
      }
      this.length = length;
      this.nesting = wrapping("array", "elem", elem);
      this.hash = 31 * (31 * elem.hashCode() + Long.hashCode(length)) + 2;
      this.hasPointers = length > 0 && elem.hasPointers();
      this.reflexive = elem.isReflexive();
      this.comparable = elem.isComparable();
    }

    /** The element type. */
    public GoType elem() {
      return elem;
    }

    /** The number of elements, 0 or more. */
    public long length() {
      return length;
    }

    @Override
    public String goSyntax() {
      return GoTypeSpelling.of(this);
    }

    @Override
    public int nesting() {
      return nesting;
    }

    /** Whether an element holds pointers; a zero-length array holds none. */
    @Override
    public boolean hasPointers() {
      return hasPointers;
    }

    /** As Go's {@code types.IsReflexive}: the element's property, whatever the length. */
    @Override
    public boolean isReflexive() {
      return reflexive;
    }

    @Override
    public boolean isComparable() {
      return comparable;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Array a && hash == a.hash && GoTypeEquality.equal(this, a);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return goSyntax();
    }
  }

  /** A slice type {@code []elem}: a pointer, a length and a capacity. */
  final class Slice implements GoType {
    private final GoType elem;
    private final int nesting;
    private final int hash;

    /**
     * The type {@code []elem}.
     *
     * @throws IllegalArgumentException if {@code elem} is already {@link #MAX_NESTING} levels deep
     */
    public Slice(GoType elem) {
      this.elem = requireNonNull(elem, "elem is null");
      this.nesting = wrapping("slice", "elem", elem);
      this.hash = 31 * elem.hashCode() + 3;
    }

    /** The element type. */
    public GoType elem() {
      return elem;
    }

    @Override
    public String goSyntax() {
      return GoTypeSpelling.of(this);
    }

    @Override
    public int nesting() {
      return nesting;
    }

    @Override
    public boolean hasPointers() {
      return true;
    }

    /** False: a slice is not comparable, so it cannot be a key at all. */
    @Override
    public boolean isReflexive() {
      return false;
    }

    @Override
    public boolean isComparable() {
      return false;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Slice s && hash == s.hash && GoTypeEquality.equal(this, s);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return goSyntax();
    }
  }

  /**
   * A struct field: its name ({@code _} allowed), its type, and whether it is embedded.
   *
   * <p>An embedded field is spelled by its type alone, so, as {@link #parse(String)} reads them,
   * its type is a predeclared type: bool, a numeric type, string, {@code any} or {@code error},
   * or a pointer to bool, a numeric type or string; and its name is that type's name, as Go's type
   * checker names it: {@code int} for {@code int} and {@code *int}, {@code any} for {@code any}
   * and {@code error} for {@code error} (spelled so, not as {@code interface{}} or
   * {@code interface{Error() string}}), and {@code byte} or {@code rune} for a {@code uint8} or
   * {@code int32} field embedded by that name, which {@link #goSyntax()} then spells as
   * {@code byte} or {@code rune}. As Go 1.19's type checker does, it refuses an embedded
   * {@code unsafe.Pointer} or {@code *unsafe.Pointer} and a pointer to an interface
   * ({@code *any}, {@code *error}). An embedded field is otherwise a field like any other: its
   * type decides the struct's layout and properties, so {@code struct{error}} is laid out as
   * {@code struct{e error}} is, two words holding pointers, comparable and not reflexive.
   */
  record Field(String name, GoType type, boolean embedded) {
    /**
     * A field.
     *
     * @throws IllegalArgumentException if {@code name} is not a Go identifier, or the field is
     *     embedded and its type cannot be (the message says why Go refuses {@code unsafe.Pointer}
     *     or a pointer to an interface), or {@code name} is not the name embedding gives it
     */
    public Field {
      requireNonNull(name, "name is null");
      requireNonNull(type, "type is null");
      if (!GoTypeParser.isIdentifier(name)) {
        throw new IllegalArgumentException(
            "field name '" + Printable.of(name) + "' is not a Go identifier");
      }
      if (embedded) {
        String refused = GoTypeParser.embeddingRefused(type);
        if (refused != null) {
          throw new IllegalArgumentException("embedded field " + name + " has type "
              + type.abbreviated() + ", which Go 1.19 refuses: " + refused + "; "
              + GoTypeParser.EMBEDDABLE);
        }
        String implied = GoTypeParser.embeddedFieldName(type, name);
        if (implied == null) {
          throw new IllegalArgumentException("embedded field " + name + " has type "
              + type.abbreviated() + "; " + GoTypeParser.EMBEDDABLE);
        }
        if (!implied.equals(name)) {
          throw new IllegalArgumentException("embedded field " + name + " of type "
              + type.abbreviated() + " must be named " + implied + ", the name embedding gives it");
        }
      }
    }

    /** A named, not embedded, field. */
    public Field(String name, GoType type) {
      this(name, type, false);
    }

    /** The field as Go spells it inside a struct, e.g. {@code a int8}. */
    public String goSyntax() {
      return GoTypeSpelling.of(this);
    }

    /**
     * The field's spelling for a message, shortened as {@link GoType#abbreviated()} shortens a
     * type's.
     */
    public String abbreviated() {
      return GoTypeSpelling.abbreviated(this);
    }
  }

  /** A struct type; {@code struct{}} when {@code fields} is empty. */
  final class Struct implements GoType {
    private final List<Field> fields;
    private final int nesting;
    private final int hash;
    private final boolean hasPointers;
    private final boolean reflexive;
    private final boolean comparable;

    /**
     * A struct with {@code fields}, in order.
     *
     * @throws IllegalArgumentException if two fields other than {@code _} share a name, or a
     *     field's type is already {@link #MAX_NESTING} levels deep
     */
    public Struct(List<Field> fields) {
      this.fields = List.copyOf(requireNonNull(fields, "fields is null"));
      Set<String> seen = new HashSet<>();
      int deepest = 1;
      boolean pointers = false;
      boolean allReflexive = true;
      boolean allComparable = true;
      for (Field f : this.fields) {
        if (!f.name().equals("_") && !seen.add(f.name())) {
          throw new IllegalArgumentException("duplicate field " + f.name());
        }
        deepest = Math.max(deepest, wrapping("struct", "field " + f.name(), f.type()));
        pointers |= f.type().hasPointers();
        allReflexive &= f.type().isReflexive();
        allComparable &= f.type().isComparable();
      }
      this.nesting = deepest;
      this.hash = 31 * this.fields.hashCode() + 4;
      this.hasPointers = pointers;
      this.reflexive = allReflexive;
      this.comparable = allComparable;
    }

    /** The fields, in order; unmodifiable. */
    public List<Field> fields() {
      return fields;
    }

    @Override
    public String goSyntax() {
      return GoTypeSpelling.of(this);
    }

    @Override
    public int nesting() {
      return nesting;
    }

    @Override
    public boolean hasPointers() {
      return hasPointers;
    }

    @Override
    public boolean isReflexive() {
      return reflexive;
    }

    @Override
    public boolean isComparable() {
      return comparable;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Struct s && hash == s.hash && GoTypeEquality.equal(this, s);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return goSyntax();
    }
  }

  /**
   * An interface type. {@code methods} is the text between the braces in one spelling, as a
   * {@link Func}'s text is kept: its tokens with gofmt's spacing
   * ({@code M(a int, b int) (int, error)}), comments dropped, and its elements (methods, embedded
   * interfaces, type sets) separated by {@code "; "} where a {@code ;}, or a line break that Go
   * reads as one, ends them; it is empty for {@code interface{}} and {@code any}. Two interfaces
   * are equal when these texts are, so the order of the methods and the names of their
   * parameters count, which Go's type identity ignores. Every interface is two words; whether it is {@link #empty()} decides Go's hash ({@code nilinterhash}
   * or {@code interhash}).
   */
  record Interface(String methods) implements GoType {
    /**
     * The interface with the method list {@code methods}.
     *
     * @throws IllegalArgumentException if the brackets of {@code methods} are not balanced, or it
     *     holds a control character other than tab, newline and carriage return, or, outside a
     *     string literal or comment, another character Go's scanner refuses (as
     *     {@link GoType#parse(String)} refuses them); the message gives the column in
     *     {@code methods} as given and the character as an escape
     */
    public Interface {
      requireNonNull(methods, "methods is null");
      GoTypeParser.checkText(methods, "interface methods");
      methods = GoTypeParser.normalizeElements(methods);
    }

    /** Whether the method set is empty ({@code interface{}}, {@code any}). */
    public boolean empty() {
      return methods.isEmpty();
    }

    @Override
    public String goSyntax() {
      return "interface{" + methods + "}";
    }

    /** 1: the methods are text, not types. */
    @Override
    public int nesting() {
      return 1;
    }

    @Override
    public boolean hasPointers() {
      return true;
    }

    /** False: Go treats every interface key as non-reflexive (it may hold a NaN). */
    @Override
    public boolean isReflexive() {
      return false;
    }

    @Override
    public String toString() {
      return goSyntax();
    }
  }

  /** A map type {@code map[key]elem}: one pointer to the runtime's {@code hmap}. */
  final class Map implements GoType {
    private final GoType key;
    private final GoType elem;
    private final int nesting;
    private final int hash;

    /**
     * The type {@code map[key]elem}.
     *
     * @throws IllegalArgumentException if {@code key} or {@code elem} is already
     *     {@link #MAX_NESTING} levels deep
     */
    public Map(GoType key, GoType elem) {
      this.key = requireNonNull(key, "key is null");
      this.elem = requireNonNull(elem, "elem is null");
      this.nesting = Math.max(wrapping("map", "key", key), wrapping("map", "elem", elem));
      this.hash = 31 * (31 * key.hashCode() + elem.hashCode()) + 5;
    }

    /** The key type. */
    public GoType key() {
      return key;
    }

    /** The elem (value) type. */
    public GoType elem() {
      return elem;
    }

    @Override
    public String goSyntax() {
      return GoTypeSpelling.of(this);
    }

    @Override
    public int nesting() {
      return nesting;
    }

    @Override
    public boolean hasPointers() {
      return true;
    }

    /** False: a map is not comparable, so it cannot be a key at all. */
    @Override
    public boolean isReflexive() {
      return false;
    }

    @Override
    public boolean isComparable() {
      return false;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Map m && hash == m.hash && GoTypeEquality.equal(this, m);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return goSyntax();
    }
  }

  /** The direction of a {@link Chan}. */
  enum ChanDir {
    /** {@code chan T}. */
    BOTH,
    /** {@code chan<- T}. */
    SEND,
    /** {@code <-chan T}. */
    RECV
  }

  /** A channel type {@code chan elem}, {@code chan<- elem} or {@code <-chan elem}: one pointer. */
  final class Chan implements GoType {
    private final ChanDir dir;
    private final GoType elem;
    private final int nesting;
    private final int hash;

    /**
     * The channel type of {@code elem} in direction {@code dir}.
     *
     * @throws IllegalArgumentException if {@code elem} is already {@link #MAX_NESTING} levels deep
     */
    public Chan(ChanDir dir, GoType elem) {
      this.dir = requireNonNull(dir, "dir is null");
      this.elem = requireNonNull(elem, "elem is null");
      this.nesting = wrapping("channel", "elem", elem);
      this.hash = 31 * (31 * elem.hashCode() + dir.ordinal()) + 6;
    }

    /** The direction. */
    public ChanDir dir() {
      return dir;
    }

    /** The element type. */
    public GoType elem() {
      return elem;
    }

    /**
     * {@code chan T}, {@code chan<- T} or {@code <-chan T}; {@code chan (<-chan T)} for a
     * bidirectional channel of receive-only channels, as {@code chan <-chan T} would read as
     * {@code chan<- (chan T)}.
     */
    @Override
    public String goSyntax() {
      return GoTypeSpelling.of(this);
    }

    @Override
    public int nesting() {
      return nesting;
    }

    @Override
    public boolean hasPointers() {
      return true;
    }

    @Override
    public boolean isReflexive() {
      return true;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Chan c && hash == c.hash && GoTypeEquality.equal(this, c);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return goSyntax();
    }
  }

  /**
   * A func type {@code func(params) results}. A func value is one pointer (to its closure).
   *
   * <p>{@code params} is free text: the text between the parentheses, kept in one spelling; only
   * its brackets are checked, and that it holds no control character other than tab, newline and
   * carriage return, which Go's scanner refuses. The results are parsed: they are
   * empty, one type, or a parenthesized list. One type is read as {@link GoType#parse(String)}
   * reads it and kept as a type ({@link #result()}), spelled canonically ({@code error} becomes
   * {@code interface{Error() string}}). A parenthesized list that holds one unnamed result is that
   * type, as in Go, where {@code func() (int)} and {@code func() int} are one type; {@code ()} is
   * no results. A list of two or more results or of named results ({@code (n int, err error)},
   * {@code (n int)}) is kept as text like {@code params}. So the names in {@code params} and in a
   * list kept as text are not checked, and may name types {@code GoType} does not model
   * ({@code func(r io.Reader) (io.Reader, error)}), but the one result type must read as a type, as
   * anywhere else a type stands: {@code func() io.Reader}, {@code func() (io.Reader)} and
   * {@code func() (io.Reader,)} are refused; spell the underlying type instead. The comma Go's
   * grammar allows after the last parameter or result is dropped, so {@code func(a int,) (int,)}
   * is {@code func(a int) int} and {@code (n int, err error,)} is {@code (n int, err error)}. The
   * one result type is a level inside the func, as the element of a pointer is:
   * {@code func() *int} and {@code func() (*int)} nest 3 levels, and a result type already
   * {@link #MAX_NESTING} deep is refused. Text in a parameter list or result list does not count.
   *
   * <p>The text kept (parameters, a result list, an interface's methods) is spelled one way: it is
   * read into tokens as Go's scanner reads them, comments are dropped as the whitespace they are to
   * Go, and the tokens are written back with gofmt's spacing: {@code a int, b int},
   * {@code func(int) (int, error)}, {@code a *int}, {@code a []int}, {@code a [2]int},
   * {@code v ...int}, {@code chan<- int}, {@code <-chan int}, {@code io.Reader},
   * {@code List[int]}, {@code [N * 2]int}, {@code ~int | ~string}; a struct or interface inside
   * is spelled as {@link #goSyntax()} spells one, {@code struct{a int; b int}} with no padding
   * inside the braces. The tokens themselves, a name, a number or a string literal, are kept as
   * written, so a struct tag keeps its spacing. Spellings that differ only in the whitespace
   * between their tokens are therefore one equal type with one {@link #goSyntax()}. Equality
   * compares these texts: as Go's type identity does not, it tells parameter and result names
   * apart ({@code func(a int)}, {@code func(b int)} and {@code func(int)} are unequal), since the
   * text is not read as types. A func's or interface's layout and hash do not depend on its text
   * (one pointer; two words), so only the equality of {@code GoType} values does.
   */
  final class Func implements GoType {
    private final String params;
    /** Empty, or a parenthesized list of two or more results or of named results. */
    private final String resultList;
    private final GoType result; // null for no results or a list
    private final int nesting;
    private final int hash;

    /**
     * The func type {@code func(params) results}. Whitespace is Go's, as for
     * {@link GoType#parse(String)}: only space, tab, newline and carriage return are dropped from
     * the ends of {@code params} and {@code results}; any other character, such as a Unicode space
     * (U+2003), stays in the text, so results {@code int} followed by U+2003 are refused as
     * {@code parse} refuses {@code func() int} followed by U+2003.
     *
     * @throws IllegalArgumentException if the brackets of {@code params} or {@code results} are not
     *     balanced, or either holds a control character other than tab, newline and carriage
     *     return, or, outside a string literal or comment, another character Go's scanner refuses
     *     (as {@link GoType#parse(String)} refuses them, such as U+2003 or {@code @}; the message
     *     gives its column and writes it as an escape), or {@code results} is neither empty, one parenthesized list nor one Go type, or
     *     holds one result type, bare or alone in parentheses, that does not read as a type (such
     *     as {@code io.Reader} or {@code (foo)}) or is already {@link #MAX_NESTING} levels deep
     */
    public Func(String params, String results) {
      this.params = funcParams(params);
      GoTypeParser.checkText(requireNonNull(results, "results is null"), "func results");
      String r = GoTypeParser.trim(results);
      String list = "";
      GoType type = null;
      if (r.startsWith("(")) {
        r = GoTypeParser.collapse(r);
        if (GoTypeParser.closing(r, 0) != r.length() - 1) {
          throw new IllegalArgumentException("func results \"" + Printable.of(r) + "\" must be"
              + " empty, one type or one parenthesized list, but the list ends at column "
              + (GoTypeParser.closing(r, 0) + 1));
        }
        String given = r;
        r = "(" + GoTypeParser.withoutTrailingComma(r.substring(1, r.length() - 1)) + ")";
        if (GoTypeParser.oneUnnamedResult(r)) {
          type = resultType(r, given, "hold one unnamed result, which is read as a type (only a"
              + " list of two or more results or of named results is kept as text), and it does"
              + " not read as one");
        } else if (!r.equals("()")) {
          list = r;
        }
      } else if (!r.isEmpty()) {
        type = resultType(r, r, "must be empty, one type or one parenthesized list, and do not"
            + " read as a type");
      }
      this.resultList = list;
      this.result = type;
      this.nesting = type == null ? 1 : wrapping("func", "result", type);
      this.hash = hash(this.params, list, type);
    }

    /**
     * The func type {@code func(params) result}, with one result type. It does not spell
     * {@code result}, so it takes constant time however long {@code result}'s spelling is.
     *
     * @throws IllegalArgumentException if the brackets of {@code params} are not balanced, or it
     *     holds a control character other than tab, newline and carriage return or another
     *     character Go's scanner refuses outside a string literal or comment, or
     *     {@code result} is already {@link #MAX_NESTING} levels deep
     */
    public Func(String params, GoType result) {
      this.params = funcParams(params);
      this.result = requireNonNull(result, "result is null");
      this.resultList = "";
      this.nesting = wrapping("func", "result", result);
      this.hash = hash(this.params, "", result);
    }

    private static int hash(String params, String list, GoType result) {
      return 31 * (31 * params.hashCode() + (result == null ? list.hashCode() : result.hashCode()))
          + 7;
    }

    /**
     * {@code results}, one type or one unnamed result in parentheses, read as a type; if it does
     * not read as one, the error quotes the results as {@code given} and says {@code why}.
     */
    private static GoType resultType(String results, String given, String why) {
      try {
        return GoType.parse(results);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("func results \"" + Printable.of(given) + "\" " + why
            + ": " + e.getMessage(), e);
      }
    }

    private static String funcParams(String params) {
      GoTypeParser.checkText(requireNonNull(params, "params is null"), "func params");
      return GoTypeParser.withoutTrailingComma(GoTypeParser.collapse(params));
    }

    /** The text between the parentheses, in its one spelling (see {@link Func}). */
    public String params() {
      return params;
    }

    /**
     * Empty, the parenthesized list of two or more results or of named results, or the one result
     * type's whole canonical spelling ({@link #result()}'s {@link #goSyntax()}).
     */
    public String results() {
      return result != null ? result.goSyntax() : resultList;
    }

    /** The one result type, if the func has one; empty for no results or a parenthesized list. */
    public Optional<GoType> result() {
      return Optional.ofNullable(result);
    }

    /** The parenthesized list of results kept as text, or empty: what {@link #result()} is not. */
    String resultList() {
      return resultList;
    }

    @Override
    public String goSyntax() {
      return GoTypeSpelling.of(this);
    }

    @Override
    public int nesting() {
      return nesting;
    }

    @Override
    public boolean hasPointers() {
      return true;
    }

    /** False: a func is not comparable, so it cannot be a key at all. */
    @Override
    public boolean isReflexive() {
      return false;
    }

    @Override
    public boolean isComparable() {
      return false;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Func f && hash == f.hash && GoTypeEquality.equal(this, f);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return goSyntax();
    }
  }
}
