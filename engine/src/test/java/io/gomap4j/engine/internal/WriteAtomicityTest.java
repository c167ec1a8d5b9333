package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.api.GoMap;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.engine.testing.TestPlugins;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A write that fails leaves the map as it was, and the boxed view writes as the primitive map. */
class WriteAtomicityTest {

  /** A key whose hashCode can be made to throw after it is stored. */
  static final class FragileKey {
    static boolean broken;
    final int id;

    FragileKey(int id) {
      this.id = id;
    }

    @Override
    public int hashCode() {
      if (broken) {
        throw new IllegalStateException("hashCode of key " + id + " fails");
      }
      return id * 0x9E3779B9;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FragileKey && ((FragileKey) o).id == id;
    }
  }

  @Test
  @DisplayName("A stored key whose hashCode throws during evacuation loses no entry")
  void evacuationIsAtomicPerBucket() {
    GoMap<Object, Integer> map = TestPlugins.builder(TestPlugins.AMD64, 5).build();
    Map<Object, Integer> model = new HashMap<>();
    int failures = 0;
    for (int i = 0; i < 3000; i++) {
      FragileKey.broken = false;
      // Sound keys beside fragile ones, so that a chain can have moved entries before the one
      // whose hash fails.
      map.put("sound" + i, i);
      model.put("sound" + i, i);
      FragileKey k = new FragileKey(i);
      map.put(k, i);
      model.put(k, i);
      if (map.stats().growing()) {
        // Evacuation rehashes stored keys: make them fail, then write with a key that still hashes.
        FragileKey.broken = true;
        try {
          map.put("probe" + i, -1);
          model.put("probe" + i, -1);
        } catch (IllegalStateException e) {
          failures++;
        }
        FragileKey.broken = false;
        MapInternals.checkInvariants(map);
      }
    }
    assertThat(failures).as("the scenario must hit failing evacuations").isPositive();
    assertThat(map).isEqualTo(model);
  }

  @Test
  @DisplayName("Removing an absent key through the boxed view does a write's grow work, as Go's"
      + " delete does")
  void boxedRemoveOfAbsentKeyDoesGrowWork() {
    LongLongGoMap primitive = TestPlugins.builder(TestPlugins.AMD64, 9).buildLongLong();
    LongLongGoMap viaBoxed = TestPlugins.builder(TestPlugins.AMD64, 9).buildLongLong();
    long k = 0;
    while (!primitive.stats().growing() || primitive.stats().B() < 3) {
      k++;
      primitive.put(k, k);
      viaBoxed.put(k, k);
    }
    primitive.remove(-12345);
    assertThat(viaBoxed.boxed().remove(-12345L)).isNull();
    assertThat(MapInternals.state(viaBoxed)).isEqualTo(MapInternals.state(primitive));
    assertThat(viaBoxed.boxed().put(1L, 9L)).isEqualTo(1L);
    assertThat(viaBoxed.boxed().put(-1L, 9L)).isNull();
    assertThat(viaBoxed.boxed().remove(-1L)).isEqualTo(9L);
  }

  @Test
  @DisplayName("An entry whose setValue is refused keeps showing the map's value")
  void refusedSetValueLeavesEntryAndMapAlike() {
    LongLongGoMap map = TestPlugins.builder(TestPlugins.I386, 1).buildLongLong();
    map.put(1, 5);
    Map.Entry<Long, Long> e = map.boxed().entrySet().iterator().next();
    assertThatThrownBy(() -> e.setValue(null)).isInstanceOf(NullPointerException.class);
    assertThat(e.getValue()).isEqualTo(5L);
    assertThat(map.get(1)).isEqualTo(5);
    assertThat(e.setValue(6L)).isEqualTo(5L);
    assertThat(map.get(1)).isEqualTo(6);
  }
}
