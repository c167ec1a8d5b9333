package io.gomap4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both ways of measuring a map's heap: JOL's walk, and the heap a fill adds after collections. */
@SuppressWarnings("unchecked")
class MemoryPerEntryTest {

  @Test
  void aBoxedMapIsWalkedUpToJolMaxCrossCheckedThereAndMeasuredByHeapDeltaAbove() {
    Map<String, Object> r = MemoryPerEntry.measure("hashmap", List.of(2_000, 4_000), 2_000);
    assertThat((List<Object>) r.get("method")).containsExactly("jol", "heap-delta");
    assertThat(r).containsEntry("crossCheckAt", 2_000);
    // A HashMap<Long,Long> entry is a 32-byte node and two 16-byte Longs, plus its table slot.
    assertThat((Long) r.get("crossCheckJolBytes")).isGreaterThan(2_000 * 64L);
    assertThat((Long) r.get("crossCheckHeapDeltaBytes")).isGreaterThan(2_000 * 64L);
    assertThat((List<?>) r.get("totalBytes")).allSatisfy(b -> assertThat((Long) b).isPositive());
  }

  @Test
  void aPrimitiveMapIsAlwaysWalked() {
    Map<String, Object> r = MemoryPerEntry.measure("gomap", List.of(1_000, 3_000), 1_000);
    assertThat((List<Object>) r.get("method")).containsExactly("jol", "jol");
    assertThat(r).doesNotContainKey("crossCheckAt");
    // 8-byte keys and elems: at least 16 bytes an entry, whatever the load.
    assertThat((List<?>) r.get("bytesPerEntry"))
        .allSatisfy(b -> assertThat((Double) b).isGreaterThan(16.0));
  }
}
