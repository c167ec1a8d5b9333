package io.gomap4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        wrapper("<-chan", t -> new GoType.Chan(GoType.ChanDir.RECV, t), "channel type", "elem"));
  }

  private static Arguments wrapper(String name, UnaryOperator<GoType> wrap, String kind,
      String part) {
    return Arguments.of(Named.of(name, wrap), kind, part);
  }

  private static GoType nested(int levels, UnaryOperator<GoType> wrap) {
    GoType t = GoType.INT;
    for (int i = 1; i < levels; i++) {
      t = wrap.apply(t);
    }
    return t;
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
}
