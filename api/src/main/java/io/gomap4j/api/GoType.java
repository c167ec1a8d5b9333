package io.gomap4j.api;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;

/**
 * A Go type, as far as a map needs to know it: its kind decides the hash function Go uses for it,
 * and a {@link io.gomap4j.spi.PlatformLayout} turns it into a size and an alignment.
 *
 * <p>This version models Go's predeclared scalar types, {@code string}, {@code unsafe.Pointer} and
 * pointer types {@code *T}.
 */
public sealed interface GoType permits GoType.Basic, GoType.Pointer {

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

  /** The Go spelling of this type, such as {@code int64} or {@code *string}. */
  String goSyntax();

  /** Whether a value of this type holds a pointer the Go garbage collector traces. */
  boolean hasPointers();

  /**
   * Whether {@code k == k} holds for every value, Go's "reflexive key" property. It is false for
   * floating-point and complex types, because NaN is not equal to itself.
   */
  boolean isReflexive();

  /** A pointer to {@code elem}, the Go type {@code *elem}. */
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
            "unknown Go type '" + name + "'; expected one of "
                + Arrays.toString(Arrays.stream(Kind.values()).map(k -> k.goName).toArray())
                + ", byte, rune");
    }
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

  /** A pointer type {@code *elem}. */
  record Pointer(GoType elem) implements GoType {
    public Pointer {
      requireNonNull(elem, "elem is null");
    }

    @Override
    public String goSyntax() {
      return "*" + elem.goSyntax();
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
    public String toString() {
      return goSyntax();
    }
  }
}
