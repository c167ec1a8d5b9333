package io.gomap4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.api.GoMap;
import io.gomap4j.engine.internal.MapInternals;
import io.gomap4j.engine.testing.TestHashes;
import io.gomap4j.engine.testing.TestPlugins;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Go's misuse detection, made deterministic through re-entrancy: a key whose {@code equals} calls
 * back into the map while the map is being written.
 */
class MisuseDetectionTest {

  /** A key whose next {@code equals} call first runs an armed action. */
  static class Key {
    final int id;
    Runnable onEquals;

    Key(int id) {
      this.id = id;
    }

    Key armed(Runnable action) {
      this.onEquals = action;
      return this;
    }

    @Override
    public boolean equals(Object o) {
      Runnable r = onEquals;
      if (r != null) {
        onEquals = null;
        r.run();
      }
      return o instanceof Key && ((Key) o).id == id;
    }

    @Override
    public int hashCode() {
      return id;
    }

    @Override
    public String toString() {
      return "Key(" + id + ")";
    }
  }

  private static GoMap<Key, String> filled(String hash) {
    GoMap<Key, String> map = TestPlugins.builder(hash, TestPlugins.AMD64, 4).build();
    for (int i = 0; i < 40; i++) {
      map.put(new Key(i), "v" + i);
    }
    return map;
  }

  /** Checks that {@code map} still holds what it held, works, and keeps its invariants. */
  private static void assertUsable(GoMap<Key, String> map, Map<Key, String> expected) {
    MapInternals.checkInvariants(map);
    assertThat(MapInternals.state(map).flags() & 4).as("hashWriting after the exception").isZero();
    assertThat(new HashMap<>(map)).isEqualTo(expected);
    map.put(new Key(1000), "new");
    map.remove(new Key(0));
    assertThat(map.get(new Key(1000))).isEqualTo("new");
    assertThat(map.containsKey(new Key(0))).isFalse();
    for (int i = 2000; i < 2100; i++) {
      map.put(new Key(i), "g");
    }
    MapInternals.checkInvariants(map);
  }

  private static void assertDetected(String hash, Consumer<GoMap<Key, String>> action,
      String message) {
    GoMap<Key, String> map = filled(hash);
    Map<Key, String> before = new HashMap<>(map);
    assertThatThrownBy(() -> action.accept(map))
        .isInstanceOf(ConcurrentModificationException.class)
        .hasMessage(message);
    assertUsable(map, before);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TestHashes.MIX, TestHashes.CONSTANT})
  @DisplayName("A get() from inside a put()'s key comparison fails with \"concurrent map read and"
      + " map write\", and the map stays usable")
  void readDuringWrite(String hash) {
    assertDetected(hash, m -> m.put(new Key(7).armed(() -> m.get(new Key(8))), "x"),
        "concurrent map read and map write");
    assertDetected(hash, m -> m.put(new Key(7).armed(() -> m.containsKey(new Key(3))), "x"),
        "concurrent map read and map write");
    assertDetected(hash, m -> m.remove(new Key(7).armed(() -> m.get(new Key(8)))),
        "concurrent map read and map write");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TestHashes.MIX, TestHashes.CONSTANT})
  @DisplayName("A put(), remove() or clear() from inside a put()'s key comparison fails with"
      + " \"concurrent map writes\", and the map stays usable")
  void writeDuringWrite(String hash) {
    assertDetected(hash, m -> m.put(new Key(7).armed(() -> m.put(new Key(500), "y")), "x"),
        "concurrent map writes");
    assertDetected(hash, m -> m.put(new Key(7).armed(() -> m.remove(new Key(9))), "x"),
        "concurrent map writes");
    assertDetected(hash, m -> m.put(new Key(7).armed(m::clear), "x"),
        "concurrent map writes");
    assertDetected(hash, m -> m.remove(new Key(7).armed(() -> m.put(new Key(500), "y"))),
        "concurrent map writes");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TestHashes.MIX, TestHashes.CONSTANT})
  @DisplayName("Iterating from inside a put()'s key comparison fails with \"concurrent map"
      + " iteration and map write\", and the map stays usable")
  void iterationDuringWrite(String hash) {
    assertDetected(hash,
        m -> m.put(new Key(7).armed(() -> m.entrySet().iterator().hasNext()), "x"),
        "concurrent map iteration and map write");
    assertDetected(hash,
        m -> m.put(new Key(7).armed(() -> m.keySet().forEach(k -> { })), "x"),
        "concurrent map iteration and map write");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TestHashes.MIX, TestHashes.CONSTANT})
  @DisplayName("Reads nested in reads are not misuse, and hashing happens before a write begins:"
      + " a key's hashCode may read the map")
  void readsNestInReads(String hash) {
    GoMap<Key, String> map = filled(hash);
    String[] inner = new String[1];
    assertThat(map.get(new Key(7).armed(() -> inner[0] = map.get(new Key(8))))).isEqualTo("v7");
    assertThat(inner[0]).isEqualTo("v8");

    Key reading = new Key(300) {
      @Override
      public int hashCode() {
        inner[0] = map.get(new Key(9));
        return super.hashCode();
      }
    };
    map.put(reading, "r");
    assertThat(inner[0]).isEqualTo("v9");
    assertThat(map.get(new Key(300))).isEqualTo("r");
    MapInternals.checkInvariants(map);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TestHashes.MIX, TestHashes.CONSTANT})
  @DisplayName("Misuse in the middle of a grow leaves the grow consistent")
  void misuseMidGrow(String hash) {
    GoMap<Key, String> map = TestPlugins.builder(hash, TestPlugins.I386, 4).build();
    for (int i = 0; i < 27; i++) {
      map.put(new Key(i), "v" + i);
    }
    assertThat(map.stats().growing()).isTrue();
    Map<Key, String> before = new HashMap<>(map);
    assertThatThrownBy(() -> map.put(new Key(3).armed(() -> map.put(new Key(99), "z")), "x"))
        .isInstanceOf(ConcurrentModificationException.class)
        .hasMessage("concurrent map writes");
    assertUsable(map, before);
  }
}
