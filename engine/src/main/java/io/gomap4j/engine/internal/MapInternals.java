package io.gomap4j.engine.internal;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.spi.GrowthPolicy;

/**
 * Access to a map's internal state for the TCK, the CLI and the trace replayer. Not an API for
 * users (see the package's documentation).
 */
public final class MapInternals {

  /** The largest B the engine makes: at most 2^MAX_B buckets. */
  public static final int MAX_B = MapCore.MAX_B;

  private MapInternals() {}

  /**
   * The largest size hint for which {@code growth} chooses a B of at most {@link #MAX_B}, the
   * largest the engine makes a map with; -1 if none. For {@code go119}, whose maps hold 6.5
   * entries per bucket, 13 * 2^29.
   */
  public static long largestHint(GrowthPolicy growth) {
    requireNonNull(growth, "growth is null");
    int b = growth.initialB(Long.MAX_VALUE);
    return b >= 0 && b <= MAX_B ? Long.MAX_VALUE : MapCore.largestHint(growth, Long.MAX_VALUE);
  }

  static MapCore core(Object map) {
    requireNonNull(map, "map is null");
    if (map instanceof MapCore) {
      return (MapCore) map;
    }
    if (map instanceof ObjectMap) {
      return ((ObjectMap<?, ?>) map).core();
    }
    if (map instanceof BoxedLongLongMap) {
      return ((BoxedLongLongMap) map).unwrap();
    }
    throw new IllegalArgumentException(
        "not a gomap4j engine map: " + map.getClass().getName());
  }

  /** The map's {@code hmap} fields. */
  public static MapState state(Object map) {
    MapCore m = core(map);
    return new MapState(m.count, m.flags, m.B, m.noverflow, m.hash0, m.growing(), m.nevacuate,
        m.sameSizeGrow(), m.shrinking);
  }

  /** Sets {@code hash0}, as Go's trace generator does right after {@code make}. */
  public static void setHash0(Object map, int hash0) {
    MapCore m = core(map);
    if (m.count != 0) {
      throw new IllegalStateException("hash0 can only be set on an empty map");
    }
    m.hash0 = hash0;
  }

  /** Checks every structural invariant; see {@link Invariants}. */
  public static void checkInvariants(Object map) {
    Invariants.check(core(map));
  }

  /** Whether {@code map} is a gomap4j engine map ({@link LongLongGoMap} or object map). */
  public static boolean isEngineMap(Object map) {
    return map instanceof MapCore || map instanceof ObjectMap || map instanceof BoxedLongLongMap;
  }
}
