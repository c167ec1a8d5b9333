package io.gomap4j.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * How {@link GoType#goSyntax()} spells the composite types, in one place: each type is a list of
 * parts, text and the types spelled in between ({@code map[}, key, {@code ]}, elem). The same parts
 * give the whole spelling and, for messages, its first and last characters without spelling the
 * rest, which for a type that uses one part many times ({@code map[T]T} again and again) can be
 * far too long to build.
 */
final class GoTypeSpelling {

  /** Messages show a spelling up to this long whole, a longer one as its head, "..." and tail. */
  private static final int WHOLE = 60;

  private static final int HEAD = 40;
  private static final int TAIL = 17;

  private GoTypeSpelling() {}

  /** The whole Go spelling of {@code type}. */
  static String of(GoType type) {
    StringBuilder out = new StringBuilder();
    head(parts(type), out, Integer.MAX_VALUE);
    return out.toString();
  }

  /** The spelling of {@code field} inside a struct, such as {@code a int8}. */
  static String of(GoType.Field field) {
    StringBuilder out = new StringBuilder();
    head(fieldParts(field), out, Integer.MAX_VALUE);
    return out.toString();
  }

  /**
   * {@code type}'s spelling for a message: whole if it has at most 60 characters, else its first
   * 40, {@code ...} and its last 17. Spells only about as many characters as it shows.
   */
  static String abbreviated(GoType type) {
    return abbreviated(parts(type));
  }

  /** {@code field}'s spelling inside a struct, shortened as {@link #abbreviated(GoType)} does. */
  static String abbreviated(GoType.Field field) {
    return abbreviated(fieldParts(field));
  }

  private static String abbreviated(List<Object> parts) {
    StringBuilder head = new StringBuilder();
    head(parts, head, WHOLE + 1);
    if (head.length() <= WHOLE) {
      return head.toString();
    }
    Deque<String> tail = new ArrayDeque<>();
    tail(parts, tail, new int[1], TAIL);
    String end = String.join("", tail);
    return head.substring(0, HEAD) + "..." + end.substring(end.length() - TAIL);
  }

  /** Appends the spelling of {@code parts} to {@code out} until it has {@code limit} characters. */
  private static void head(List<Object> parts, StringBuilder out, int limit) {
    for (Object part : parts) {
      if (out.length() >= limit) {
        return;
      }
      if (part instanceof String s) {
        out.append(s);
      } else {
        head(parts((GoType) part), out, limit);
      }
    }
  }

  /**
   * Puts the spelling of {@code parts} in front of {@code tail}, last part first, until
   * {@code length[0]}, the characters in {@code tail}, reaches {@code limit}.
   */
  private static void tail(List<Object> parts, Deque<String> tail, int[] length, int limit) {
    for (int i = parts.size() - 1; i >= 0 && length[0] < limit; i--) {
      Object part = parts.get(i);
      if (part instanceof String s) {
        tail.addFirst(s);
        length[0] += s.length();
      } else {
        tail(parts((GoType) part), tail, length, limit);
      }
    }
  }

  /** The parts of {@code type}'s spelling: strings and the types spelled between them. */
  private static List<Object> parts(GoType type) {
    if (type instanceof GoType.Pointer p) {
      return List.of("*", p.elem());
    } else if (type instanceof GoType.Array a) {
      return List.of("[" + a.length() + "]", a.elem());
    } else if (type instanceof GoType.Slice s) {
      return List.of("[]", s.elem());
    } else if (type instanceof GoType.Map m) {
      return List.of("map[", m.key(), "]", m.elem());
    } else if (type instanceof GoType.Chan c) {
      switch (c.dir()) {
        case SEND:
          return List.of("chan<- ", c.elem());
        case RECV:
          return List.of("<-chan ", c.elem());
        default:
          // "chan <-chan T" would read as "chan<- (chan T)"
          return c.elem() instanceof GoType.Chan inner && inner.dir() == GoType.ChanDir.RECV
              ? List.of("chan (", c.elem(), ")")
              : List.of("chan ", c.elem());
      }
    } else if (type instanceof GoType.Struct s) {
      List<Object> parts = new ArrayList<>();
      parts.add("struct{");
      for (GoType.Field f : s.fields()) {
        if (parts.size() > 1) {
          parts.add("; ");
        }
        parts.addAll(fieldParts(f));
      }
      parts.add("}");
      return parts;
    } else if (type instanceof GoType.Func f) {
      String func = "func(" + f.params() + ")";
      return f.result().isPresent() ? List.of(func + " ", f.result().get())
          : List.of(f.resultList().isEmpty() ? func : func + " " + f.resultList());
    }
    return List.of(type.goSyntax()); // Basic and Interface spell themselves
  }

  private static List<Object> fieldParts(GoType.Field f) {
    if (!f.embedded()) {
      return List.of(f.name() + " ", f.type());
    }
    // An embedded byte, rune, any or error keeps its name, which names the field (and parse reads
    // "interface{}" as a field named interface).
    boolean alias = f.name().equals("byte") || f.name().equals("rune") || f.name().equals("any")
        || f.name().equals("error");
    return !alias ? List.of(f.type())
        : f.type() instanceof GoType.Pointer ? List.of("*" + f.name()) : List.of(f.name());
  }
}
