package io.gomap4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Types made by the constructors and factories nest at most GoType.MAX_NESTING levels deep. */
class GoTypeNestingTest {

  /** Each way to wrap a type one level deeper, and how the refusal names the part. */
  static Stream<Arguments> wrappers() {
    return Stream.of(
        wrapper("pointerTo", GoType::pointerTo, "pointer type", "elem"),
        wrapper("new Pointer", GoType.Pointer::new, "pointer type", "elem"),
        wrapper("arrayOf", t -> GoType.arrayOf(2, t), "array type", "elem"),
        wrapper("sliceOf", GoType::sliceOf, "slice type", "elem"),
        wrapper("structOf", t -> GoType.structOf(new GoType.Field("a", GoType.INT8),
            new GoType.Field("b", t)), "struct type", "field b"),
        wrapper("mapOf, key", t -> GoType.mapOf(t, GoType.INT8), "map type", "key"),
        wrapper("mapOf, elem", t -> GoType.mapOf(GoType.INT8, t), "map type", "elem"),
        wrapper("chan", t -> new GoType.Chan(GoType.ChanDir.BOTH, t), "channel type", "elem"),
        wrapper("chan<-", t -> new GoType.Chan(GoType.ChanDir.SEND, t), "channel type", "elem"),
        wrapper("<-chan", t -> new GoType.Chan(GoType.ChanDir.RECV, t), "channel type", "elem"),
        // chan (<-chan (chan (<-chan ...))): the parentheses goSyntax adds are not levels
        wrapper("chan and <-chan in turn", t -> new GoType.Chan(t instanceof GoType.Chan c
            && c.dir() == GoType.ChanDir.RECV ? GoType.ChanDir.BOTH : GoType.ChanDir.RECV, t),
            "channel type", "elem"),
        wrapper("func() T", t -> new GoType.Func("", t), "func type", "result"),
        wrapper("func() T, spelled", t -> new GoType.Func("", t.goSyntax()), "func type",
            "result"),
        wrapper("func() (T), spelled", t -> new GoType.Func("x int", "(" + t.goSyntax() + ")"),
            "func type", "result"));
  }

  private static Arguments wrapper(String name, UnaryOperator<GoType> wrap, String kind,
      String part) {
    return Arguments.of(Named.of(name, wrap), kind, part);
  }

  private static GoType nested(int levels, UnaryOperator<GoType> wrap) {
    return repeat(GoType.INT, levels - 1, wrap);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrappers")
  @DisplayName("A type MAX_NESTING levels deep can be made, compared, hashed and parsed back;"
      + " wrapping it once more is refused naming the limit, the kind and the part")
  void constructionStopsAtTheLimit(UnaryOperator<GoType> wrap, String kind, String part) {
    GoType deepest = nested(GoType.MAX_NESTING, wrap);
    GoType again = nested(GoType.MAX_NESTING, wrap);
    assertThat(deepest).isEqualTo(again).isNotSameAs(again);
    assertThat(deepest.hashCode()).isEqualTo(again.hashCode());
    assertThat(GoType.parse(deepest.goSyntax())).isEqualTo(deepest);
    assertThatThrownBy(() -> wrap.apply(deepest))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a Go type nests at most 100 levels deep (GoType.MAX_NESTING),"
            + " and this " + kind + " would nest 101: its " + part + " ")
        .hasMessageEndingWith(" is 100 levels deep");
  }

  @Test
  @DisplayName("Wrapping a type again and again is refused at level 101, never with a stack"
      + " overflow in equals or hashCode; the message shortens the part's long Go spelling")
  void noTypeDeeperThanTheLimit() {
    GoType t = GoType.INT;
    int levels = 1;
    try {
      while (levels < 1_000) {
        t = GoType.sliceOf(GoType.mapOf(GoType.STRING, t));
        levels += 2;
      }
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).contains("its elem map[string][]map[string][]")
          .contains("...").doesNotContain("[]map[string][]map[string][]map[string][]map[string]"
              + "[]map[string][]map[string][]map[string]");
    }
    assertThat(levels).isEqualTo(GoType.MAX_NESTING - 1);
    assertThat(t).isEqualTo(GoType.parse(t.goSyntax()));
    assertThat(t.hashCode()).isEqualTo(GoType.parse(t.goSyntax()).hashCode());
  }

  /** Ways to make a type of two parts, which the test makes with the same part twice. */
  static Stream<Arguments> pairs() {
    return Stream.of(
        pair("map[T]T", GoType::mapOf, "map type", "key"),
        pair("struct{a T; b T}", (a, b) -> GoType.structOf(new GoType.Field("a", a),
            new GoType.Field("b", b)), "struct type", "field a"));
  }

  private static Arguments pair(String name, BinaryOperator<GoType> make, String kind,
      String part) {
    return Arguments.of(Named.of(name, make), kind, part);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  @DisplayName("A type that holds one part twice at every level, so that its spelling doubles with"
      + " each level, is made, compared and hashed up to MAX_NESTING levels in constant time per"
      + " level; one level more is refused with the part's spelling shortened")
  void sharedPartsDoNotMultiplyTheWork(BinaryOperator<GoType> make, String kind, String part) {
    UnaryOperator<GoType> twice = t -> make.apply(t, t);
    // Made 18 levels deep (spelled in about 2 MB), the type already starts with the same 40
    // characters and ends with the same 17 as one 100 levels deep: each level only adds text
    // before its first part and up to one closing '}' after its second.
    String spelled = nested(18, twice).goSyntax();
    String shortened = spelled.substring(0, 40) + "..." + spelled.substring(spelled.length() - 17);
    // Only a safety net: the old check walked the 2^40 paths of a type doubled 40 times.
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      GoType previous = null;
      GoType t = GoType.INT;
      for (int level = 2; level <= GoType.MAX_NESTING; level++) {
        previous = t;
        t = twice.apply(t);
        assertThat(t.nesting()).isEqualTo(level);
      }
      GoType deepest = t;
      GoType again = twice.apply(previous);
      assertThat(deepest.equals(again)).isTrue();
      assertThat(deepest.hashCode()).isEqualTo(again.hashCode());
      assertThat(deepest.equals(make.apply(previous, GoType.INT))).isFalse();
      assertThatThrownBy(() -> twice.apply(deepest))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a Go type nests at most 100 levels deep (GoType.MAX_NESTING), and this "
              + kind + " would nest 101: its " + part + " " + shortened + " is 100 levels deep");
    });
  }

  @Test
  @DisplayName("abbreviated() is goSyntax() up to 60 characters, else its first 40 characters,"
      + " '...' and its last 17, also for a type whose whole spelling is too long to build")
  void abbreviatedSpelling() {
    GoType small = GoType.parse("map[string][]struct{a int; b *string}");
    assertThat(small.abbreviated()).isEqualTo(small.goSyntax());
    UnaryOperator<GoType> twice = t -> GoType.mapOf(t, t);
    // Doubled 18 times (about 2 MB), the spelling starts and ends as one doubled 100 times.
    String spelled = nested(18, twice).goSyntax();
    String shortened = spelled.substring(0, 40) + "..." + spelled.substring(spelled.length() - 17);
    assertThat(nested(18, twice).abbreviated()).isEqualTo(shortened);
    GoType deepest = nested(GoType.MAX_NESTING, twice);
    assertThat(deepest.abbreviated()).isEqualTo(shortened);
    GoType.Field field = new GoType.Field("f", deepest);
    assertThat(field.abbreviated()).isEqualTo(("f " + spelled).substring(0, 40) + "..."
        + spelled.substring(spelled.length() - 17));
    assertThat(new GoType.Field("f", small).abbreviated()).isEqualTo("f " + small.goSyntax());
  }

  @Test
  @DisplayName("A func whose result type uses one part twice at every level is made, compared and"
      + " hashed without spelling the result; one level past MAX_NESTING is refused at once")
  void funcResultsAreNotSpelled() {
    UnaryOperator<GoType> twice = t -> GoType.mapOf(t, t);
    GoType deepest = nested(GoType.MAX_NESTING, twice);
    GoType below = nested(GoType.MAX_NESTING - 1, twice);
    // Only a safety net: the constructor spelled the result, 2^99 characters.
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      GoType.Func func = new GoType.Func("", below);
      assertThat(func.nesting()).isEqualTo(GoType.MAX_NESTING);
      assertThat(func.result()).containsSame(below);
      assertThat(func).isEqualTo(new GoType.Func("", nested(GoType.MAX_NESTING - 1, twice)))
          .isNotEqualTo(new GoType.Func("", nested(GoType.MAX_NESTING - 2, twice)))
          .isNotEqualTo(new GoType.Func("x int", below));
      assertThat(func.hashCode())
          .isEqualTo(new GoType.Func("", nested(GoType.MAX_NESTING - 1, twice)).hashCode());
      assertThat(func.abbreviated()).startsWith("func() map[map[").endsWith("]int]map[int]int");
      assertThatThrownBy(() -> new GoType.Func("", deepest))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a Go type nests at most 100 levels deep (GoType.MAX_NESTING), and this func"
              + " type would nest 101: its result " + deepest.abbreviated() + " is 100 levels"
              + " deep");
    });
  }

  /** The innermost parts of the doubled types: each property is true for some, false for others. */
  static Stream<GoType> bases() {
    return Stream.of(GoType.INT, GoType.STRING, GoType.FLOAT64, GoType.sliceOf(GoType.INT),
        GoType.EMPTY_STRUCT);
  }

  /** Each way to make a type of two parts, with each base. */
  static Stream<Arguments> pairsAndBases() {
    return pairs().flatMap(pair -> bases().map(base -> Arguments.of(pair.get()[0], base)));
  }

  /** {@code wrap} applied {@code times} times to {@code base}. */
  private static GoType repeat(GoType base, int times, UnaryOperator<GoType> wrap) {
    GoType t = base;
    for (int i = 0; i < times; i++) {
      t = wrap.apply(t);
    }
    return t;
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("pairsAndBases")
  @DisplayName("Two equal types built separately, each using one part twice at every level up to"
      + " MAX_NESTING, are equal, and one differing only in its innermost part is not")
  void separatelyBuiltSharedTypesCompareQuickly(BinaryOperator<GoType> make, GoType base) {
    UnaryOperator<GoType> twice = t -> make.apply(t, t);
    int times = GoType.MAX_NESTING - base.nesting();
    // Only a safety net: equals walked each of the 2^99 paths of such a type.
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      GoType one = repeat(base, times, twice);
      GoType other = repeat(base, times, twice);
      assertThat(one).isNotSameAs(other);
      assertThat(one.nesting()).isEqualTo(GoType.MAX_NESTING);
      assertThat(one.equals(other)).isTrue();
      assertThat(other.equals(one)).isTrue();
      GoType differing = repeat(GoType.arrayOf(1, base), times - 1, twice);
      assertThat(differing.nesting()).isEqualTo(GoType.MAX_NESTING);
      assertThat(one.equals(differing)).isFalse();
      assertThat(differing.equals(one)).isFalse();
    });
  }

  @ParameterizedTest
  @MethodSource("bases")
  @DisplayName("A struct or array that uses one part twice at every level up to MAX_NESTING has"
      + " the pointers, reflexivity and comparability of its innermost part")
  void propertiesOfSharedTypesAreThoseOfTheirParts(GoType base) {
    // struct{a T; b [2]T}: two levels deeper than T, with T three times
    UnaryOperator<GoType> wrap = t -> GoType.structOf(new GoType.Field("a", t),
        new GoType.Field("b", GoType.arrayOf(2, t)));
    int times = (GoType.MAX_NESTING - 1 - base.nesting()) / 2; // room for the [0]T below
    // Only a safety net: the properties walked each of the 2^49 paths of such a type.
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      GoType t = repeat(base, times, wrap);
      assertThat(t.nesting()).isGreaterThanOrEqualTo(GoType.MAX_NESTING - 2);
      assertThat(t.hasPointers()).isEqualTo(base.hasPointers());
      assertThat(t.isReflexive()).isEqualTo(base.isReflexive());
      assertThat(t.isComparable()).isEqualTo(base.isComparable());
      GoType none = GoType.arrayOf(0, t);
      assertThat(none.hasPointers()).isFalse();
      assertThat(none.isReflexive()).isEqualTo(base.isReflexive());
      assertThat(none.isComparable()).isEqualTo(base.isComparable());
    });
  }
}
