package io.gomap4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Types whose hash codes collide are equal only if their parts are: each part-by-part branch of
 * {@link GoTypeEquality} decides such a pair alone, as the hash codes do not tell them apart.
 */
class GoTypeEqualityTest {

  /** The inverse of {@code odd} modulo 2^32: {@code odd * inverse(odd) == 1} in int arithmetic. */
  private static int inverse(int odd) {
    int x = odd; // Newton's iteration doubles the correct low bits: 3, 6, 12, 24, 48
    for (int i = 0; i < 5; i++) {
      x *= 2 - odd * x;
    }
    return x;
  }

  /**
   * {@code [n]struct{}}, whose hash code is {@code 31 * (31 * 35 + Long.hashCode(n)) + 2}, so that
   * lengths below 2^32 that differ by {@code d} give hash codes that differ by {@code 31 * d}.
   */
  private static GoType array(long n) {
    return new GoType.Array(GoType.EMPTY_STRUCT, n);
  }

  /** A length below 2^32 whose {@code Long.hashCode} is {@code h}. */
  private static long length(int h) {
    return Integer.toUnsignedLong(h);
  }

  /** {@code [n]struct{}} whose hash code is {@code h}. */
  private static GoType arrayHashing(int h) {
    return array(length((h - array(0).hashCode()) * inverse(31)));
  }

  /**
   * A field {@code g [n]struct{}} whose hash code is {@code h}. A record's hash code is not
   * specified, but is a function of its components' hash codes; this takes it to be linear in the
   * type's with an odd factor, as the JDK's is, and the test that uses it checks the collision.
   */
  private static GoType.Field fieldHashing(int h) {
    int base = new GoType.Field("g", array(0)).hashCode();
    int factor = new GoType.Field("g", array(1)).hashCode() - base;
    return new GoType.Field("g", array(length((h - base) * inverse(factor))));
  }

  private static Arguments pair(String what, Supplier<GoType> a, Supplier<GoType> b) {
    return Arguments.of(what, a, b);
  }

  /** Pairs of distinct types, built afresh on each call, whose hash codes collide. */
  static Stream<Arguments> collisions() {
    // Long.hashCode(2^32) == Long.hashCode(1): [1]struct{} and [4294967296]struct{} collide
    Supplier<GoType> one = () -> array(1);
    Supplier<GoType> huge = () -> array(1L << 32);
    // elems whose hash codes differ by 1/31 (or 2/31) make up for a chan's direction (or for a
    // pointer's and a slice's constants): 31 * 31 * d == 1 (or 2) for lengths d apart
    long dir = length(inverse(961));
    long cls = length(2 * inverse(961));
    String list = "(a int, b string)";
    return Stream.of(
        pair("array lengths", one, huge),
        pair("pointer elems", () -> new GoType.Pointer(one.get()),
            () -> new GoType.Pointer(huge.get())),
        pair("pointers to interfaces", () -> new GoType.Pointer(new GoType.Interface("Aa()")),
            () -> new GoType.Pointer(new GoType.Interface("BB()"))),
        pair("array elems", () -> new GoType.Array(one.get(), 3),
            () -> new GoType.Array(huge.get(), 3)),
        pair("slice elems", () -> new GoType.Slice(one.get()),
            () -> new GoType.Slice(huge.get())),
        pair("map keys", () -> new GoType.Map(one.get(), GoType.INT),
            () -> new GoType.Map(huge.get(), GoType.INT)),
        pair("map elems", () -> new GoType.Map(GoType.INT, one.get()),
            () -> new GoType.Map(GoType.INT, huge.get())),
        // 31 * 0 + 31 * 31 == 31 * 31 + 0: the key's and the elem's parts of the hash trade places
        pair("map keys and elems", () -> new GoType.Map(array(0), array(31)),
            () -> new GoType.Map(array(1), array(0))),
        pair("chan elems", () -> new GoType.Chan(GoType.ChanDir.RECV, one.get()),
            () -> new GoType.Chan(GoType.ChanDir.RECV, huge.get())),
        // colliding chans that differ in direction differ in elem too, as do colliding fields
        // that differ in being embedded: the hash codes leave no pair that differs in those alone
        pair("chan directions", () -> new GoType.Chan(GoType.ChanDir.BOTH, array(dir)),
            () -> new GoType.Chan(GoType.ChanDir.SEND, array(0))),
        pair("func params", () -> new GoType.Func("a Aa", ""), () -> new GoType.Func("a BB", "")),
        pair("func result lists", () -> new GoType.Func("", "(a Aa, b int)"),
            () -> new GoType.Func("", "(a BB, b int)")),
        pair("func result types", () -> new GoType.Func("", one.get()),
            () -> new GoType.Func("", huge.get())),
        pair("a func result list and type", () -> new GoType.Func("", list),
            () -> new GoType.Func("", arrayHashing(list.hashCode()))),
        pair("no func result and a type", () -> new GoType.Func("", ""),
            () -> new GoType.Func("", arrayHashing(0))),
        pair("struct field names", () -> GoType.structOf(new GoType.Field("Aa", GoType.INT)),
            () -> GoType.structOf(new GoType.Field("BB", GoType.INT))),
        pair("struct field types", () -> GoType.structOf(new GoType.Field("f", one.get())),
            () -> GoType.structOf(new GoType.Field("f", huge.get()))),
        // [f] and [f, g] collide where 31 + f == 31 * (31 + f) + g
        pair("struct field counts", () -> GoType.structOf(new GoType.Field("f", GoType.INT)),
            () -> GoType.structOf(new GoType.Field("f", GoType.INT),
                fieldHashing(-30 * (31 + new GoType.Field("f", GoType.INT).hashCode())))),
        pair("parts of different classes", () -> new GoType.Map(GoType.INT,
            new GoType.Pointer(array(cls))), () -> new GoType.Map(GoType.INT,
            new GoType.Slice(array(0)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("collisions")
  @DisplayName("Two types with equal hash codes that differ in one part are unequal both ways, and"
      + " each equals itself built again")
  void collidingTypesAreUnequal(String what, Supplier<GoType> a, Supplier<GoType> b) {
    GoType x = a.get();
    GoType y = b.get();
    assertThat(x.hashCode()).as("the hash codes collide").isEqualTo(y.hashCode());
    assertThat(x).isNotEqualTo(y);
    assertThat(y).isNotEqualTo(x);
    assertThat(x).isEqualTo(a.get());
    assertThat(y).isEqualTo(b.get());
  }

  @Test
  @DisplayName("A part found equal to one part of the other type is still compared with the next:"
      + " struct{x P; y P} is not struct{x P'; y Q} for P' equal to P and Q colliding with it")
  void equalPairsAreRememberedPerPair() {
    GoType p = new GoType.Pointer(array(1));
    GoType shared = GoType.structOf(new GoType.Field("x", p), new GoType.Field("y", p));
    GoType colliding = GoType.structOf(new GoType.Field("x", new GoType.Pointer(array(1))),
        new GoType.Field("y", new GoType.Pointer(array(1L << 32))));
    GoType equal = GoType.structOf(new GoType.Field("x", new GoType.Pointer(array(1))),
        new GoType.Field("y", new GoType.Pointer(array(1))));
    assertThat(shared.hashCode()).isEqualTo(colliding.hashCode());
    assertThat(shared).isNotEqualTo(colliding).isEqualTo(equal);
    assertThat(colliding).isNotEqualTo(shared);
    assertThat(equal).isEqualTo(shared);
    assertThat(List.of(shared, equal)).doesNotContain(colliding);
  }
}
