package io.gomap4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every type the constructors and factories make parses back from its Go spelling. */
class GoTypeRoundTripTest {

  private static final GoType[] LEAVES = {
    GoType.BOOL, GoType.INT8, GoType.UINT8, GoType.INT32, GoType.INT, GoType.UINTPTR,
    GoType.FLOAT64, GoType.COMPLEX64, GoType.STRING, GoType.UNSAFE_POINTER, GoType.ANY,
    GoType.EMPTY_STRUCT, new GoType.Interface("M(a int) (b []int)\n N()"),
    new GoType.Func("a int, b ...string", ""), new GoType.Func("", "(n int, err error)"),
  };

  /**
   * A random type made with the constructors, at most {@code levels} deep; exactly {@code levels}
   * deep when {@code full}, where it stops only at level 1.
   */
  private static GoType randomType(Random r, int levels, boolean full) {
    if (levels == 1 || !full && r.nextInt(8) == 0) {
      return LEAVES[r.nextInt(LEAVES.length)];
    }
    // Mostly one part, so that types reach MAX_NESTING.
    GoType elem = randomType(r, levels - 1, full);
    switch (r.nextInt(8)) {
      case 0:
        return GoType.pointerTo(elem);
      case 1:
        return GoType.arrayOf(r.nextInt(3) == 0 ? 0 : Long.MAX_VALUE >>> r.nextInt(63), elem);
      case 2:
        return GoType.sliceOf(elem);
      case 3:
        return GoType.mapOf(r.nextBoolean() ? elem : side(r, levels), elem);
      case 4:
        return new GoType.Chan(GoType.ChanDir.values()[r.nextInt(3)], elem);
      case 5:
        return r.nextBoolean() ? new GoType.Func("x int", elem)
            : new GoType.Func("", r.nextBoolean() ? elem.goSyntax() : "(" + elem.goSyntax() + ")");
      default:
        return randomStruct(r, elem, levels);
    }
  }

  /** A part beside the deep one, at most 4 levels deep, so that types stay small. */
  private static GoType side(Random r, int levels) {
    return randomType(r, Math.min(levels - 1, 4), false);
  }

  private static GoType randomStruct(Random r, GoType first, int levels) {
    List<GoType.Field> fields = new ArrayList<>();
    Set<String> names = new HashSet<>();
    fields.add(new GoType.Field("f", first));
    names.add("f");
    for (int i = r.nextInt(4); i > 0; i--) {
      GoType.Field f = switch (r.nextInt(4)) {
        case 0 -> new GoType.Field("_", side(r, levels));
        case 1 -> new GoType.Field("g" + i, side(r, levels));
        default -> embedded(r, levels);
      };
      if (f.name().equals("_") || names.add(f.name())) {
        fields.add(f);
      }
    }
    return GoType.structOf(fields.toArray(GoType.Field[]::new));
  }

  /** An embedded field, named as embedding names it, in a struct at most {@code levels} deep. */
  private static GoType.Field embedded(Random r, int levels) {
    String[] names = {"int8", "byte", "uint8", "rune", "int32", "string", "any", "error"};
    GoType[] types = {GoType.INT8, GoType.UINT8, GoType.UINT8, GoType.INT32, GoType.INT32,
        GoType.STRING, GoType.ANY, GoType.parse("error")};
    int i = r.nextInt(names.length);
    // Go refuses a pointer to an interface as an embedded field; *T is 2 levels deep
    GoType type = levels < 3 || r.nextBoolean() || types[i] instanceof GoType.Interface ? types[i]
        : GoType.pointerTo(types[i]);
    return new GoType.Field(names[i], type, true);
  }

  @Test
  @DisplayName("A type made with the constructors and factories, up to MAX_NESTING deep, parses"
      + " from its goSyntax() to an equal type of the same nesting")
  void constructedTypesParseBack() {
    int deepest = 0;
    for (int seed = 0; seed < 2_000; seed++) {
      // every tenth seed nests exactly 100 levels deep, the others 1 to 100 or less
      boolean full = seed % 10 == 0;
      GoType t = randomType(new Random(seed), full ? GoType.MAX_NESTING
          : 1 + seed % GoType.MAX_NESTING, full);
      if (full) {
        assertThat(t.nesting()).as("seed %d: %s", seed, t).isEqualTo(GoType.MAX_NESTING);
      }
      deepest = Math.max(deepest, t.nesting());
      GoType parsed = GoType.parse(t.goSyntax());
      assertThat(parsed).as("seed %d: %s", seed, t).isEqualTo(t);
      assertThat(parsed.nesting()).as("seed %d: %s", seed, t).isEqualTo(t.nesting());
      assertThat(parsed.goSyntax()).as("seed %d", seed).isEqualTo(t.goSyntax());
    }
    assertThat(deepest).isEqualTo(GoType.MAX_NESTING);
  }

  @Test
  @DisplayName("An embedded field keeps the name parse gives it: byte, rune, any and error spell"
      + " their name; another name, or a type that cannot be embedded, is refused")
  void embeddedFields() {
    GoType bytes = GoType.structOf(new GoType.Field("byte", GoType.UINT8, true),
        new GoType.Field("rune", GoType.pointerTo(GoType.INT32), true),
        new GoType.Field("string", GoType.pointerTo(GoType.STRING), true),
        new GoType.Field("any", GoType.ANY, true),
        new GoType.Field("error", GoType.parse("error"), true));
    assertThat(bytes.goSyntax()).isEqualTo("struct{byte; *rune; *string; any; error}");
    assertThat(GoType.parse(bytes.goSyntax())).isEqualTo(bytes);
    assertThatThrownBy(() -> new GoType.Field("e", GoType.parse("error"), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("embedded field e of type interface{Error() string} must be named error, the"
            + " name embedding gives it");
    assertThatThrownBy(() -> new GoType.Field("error", GoType.parse("interface{ Error() int }"),
        true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("embedded field error has type interface{Error() int}; "
            + GoTypeParser.EMBEDDABLE);
    assertThat(GoType.parse("struct{uint8}"))
        .isEqualTo(GoType.structOf(new GoType.Field("uint8", GoType.UINT8, true)));
    assertThatThrownBy(() -> new GoType.Field("x", GoType.INT, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("embedded field x of type int must be named int, the name embedding gives it");
    assertThatThrownBy(() -> new GoType.Field("byte", GoType.INT32, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("embedded field byte of type int32 must be named int32, the name embedding"
            + " gives it");
    assertThatThrownBy(() -> new GoType.Field("x", GoType.sliceOf(GoType.INT), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("embedded field x has type []int; an embedded field's type is bool, a numeric"
            + " type, string, any or error, or a pointer to bool, a numeric type or string");
  }

  @Test
  @DisplayName("An embedded unsafe.Pointer, *unsafe.Pointer or pointer to an interface is refused,"
      + " by the constructor and by parse, with Go 1.19's reason")
  void embeddedFieldsGoRefuses() {
    String pointer = "embedded field type cannot be unsafe.Pointer";
    String toInterface = "embedded field type cannot be a pointer to an interface";
    assertThatThrownBy(() -> new GoType.Field("Pointer", GoType.UNSAFE_POINTER, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("embedded field Pointer has type unsafe.Pointer, which Go 1.19 refuses: "
            + pointer + "; " + GoTypeParser.EMBEDDABLE);
    assertThatThrownBy(() -> new GoType.Field("Pointer",
        GoType.pointerTo(GoType.UNSAFE_POINTER), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has type *unsafe.Pointer, which Go 1.19 refuses: " + pointer);
    assertThatThrownBy(() -> new GoType.Field("any", GoType.pointerTo(GoType.ANY), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has type *interface{}, which Go 1.19 refuses: " + toInterface);
    assertThatThrownBy(() -> new GoType.Field("error",
        GoType.pointerTo(GoType.parse("error")), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has type *interface{Error() string}, which Go 1.19 refuses: "
            + toInterface);
    String[][] refusals = {
      {"struct{unsafe.Pointer}", "unsafe.Pointer", pointer},
      {"struct{a int; *unsafe.Pointer}", "*unsafe.Pointer", pointer},
      {"struct{*any}", "*any", toInterface},
      {"struct{a int; *error}", "*error", toInterface},
      {"struct{\n *any\n}", "*any", toInterface},
    };
    for (String[] refusal : refusals) {
      String syntax = refusal[0];
      assertThatThrownBy(() -> GoType.parse(syntax))
          .as(syntax)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("expected a field name or an embedded type name at column "
              + (syntax.indexOf(refusal[1]) + 1) + " in ")
          .hasMessageEndingWith(", found embedded " + refusal[1] + ", which Go 1.19 refuses: "
              + refusal[2]);
    }
    assertThat(GoType.parse("struct{p unsafe.Pointer; *int; any}")).isEqualTo(GoType.structOf(
        new GoType.Field("p", GoType.UNSAFE_POINTER), new GoType.Field("int",
            GoType.pointerTo(GoType.INT), true), new GoType.Field("any", GoType.ANY, true)));
  }
}
