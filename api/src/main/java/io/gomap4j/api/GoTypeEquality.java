package io.gomap4j.api;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The {@code equals} of the composite types: two types are equal when their kinds and parts are.
 * Each pair of parts is compared at most once in a call. A pair whose stored hash codes differ is
 * unequal at once; a pair found equal is remembered (by identity), so that a part the first type
 * uses many times ({@code T} in {@code map[T]T}, doubled again and again) is walked once against
 * each part of the second it meets, not once per path to it. A pair found unequal ends the call,
 * so it is never met twice. Types are acyclic, so a pair is never met again while it is compared.
 */
final class GoTypeEquality {

  /** For each part of the first type, the parts of the second found equal to it so far. */
  private IdentityHashMap<GoType, Set<GoType>> equalPairs;

  private GoTypeEquality() {}

  /**
   * Whether {@code a} and {@code b}, of one composite class with equal hash codes, have equal
   * parts.
   */
  static boolean equal(GoType a, GoType b) {
    return new GoTypeEquality().partsEqual(a, b);
  }

  private boolean same(GoType a, GoType b) {
    if (a == b) {
      return true;
    }
    if (a.hashCode() != b.hashCode() || a.getClass() != b.getClass()) {
      return false;
    }
    if (a instanceof GoType.Basic || a instanceof GoType.Interface) {
      return a.equals(b); // no part that is a type
    }
    Set<GoType> known = equalPairs == null ? null : equalPairs.get(a);
    if (known != null && known.contains(b)) {
      return true;
    }
    if (!partsEqual(a, b)) {
      return false;
    }
    if (equalPairs == null) {
      equalPairs = new IdentityHashMap<>();
    }
    equalPairs.computeIfAbsent(a, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(b);
    return true;
  }

  /** Whether {@code a} and {@code b}, of one class, have equal parts. */
  private boolean partsEqual(GoType a, GoType b) {
    if (a instanceof GoType.Pointer p) {
      return same(p.elem(), ((GoType.Pointer) b).elem());
    }
    if (a instanceof GoType.Array x) {
      GoType.Array y = (GoType.Array) b;
      return x.length() == y.length() && same(x.elem(), y.elem());
    }
    if (a instanceof GoType.Slice s) {
      return same(s.elem(), ((GoType.Slice) b).elem());
    }
    if (a instanceof GoType.Map m) {
      GoType.Map n = (GoType.Map) b;
      return same(m.key(), n.key()) && same(m.elem(), n.elem());
    }
    if (a instanceof GoType.Chan c) {
      GoType.Chan d = (GoType.Chan) b;
      return c.dir() == d.dir() && same(c.elem(), d.elem());
    }
    if (a instanceof GoType.Func f) {
      GoType.Func g = (GoType.Func) b;
      if (!f.params().equals(g.params()) || !f.resultList().equals(g.resultList())) {
        return false;
      }
      return f.result().isPresent() == g.result().isPresent()
          && (f.result().isEmpty() || same(f.result().get(), g.result().get()));
    }
    List<GoType.Field> x = ((GoType.Struct) a).fields();
    List<GoType.Field> y = ((GoType.Struct) b).fields();
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      GoType.Field f = x.get(i);
      GoType.Field g = y.get(i);
      if (f.embedded() != g.embedded() || !f.name().equals(g.name())
          || !same(f.type(), g.type())) {
        return false;
      }
    }
    return true;
  }
}
