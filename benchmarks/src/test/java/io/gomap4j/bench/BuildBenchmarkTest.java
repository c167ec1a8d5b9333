package io.gomap4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.api.BytesGoMap;
import io.gomap4j.api.GoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.api.LongLongGoMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each build benchmark makes a new, empty, working map of the kind its javadoc names. */
class BuildBenchmarkTest {

  private final BuildBenchmark b = new BuildBenchmark();

  @Test
  @DisplayName("build makes a new empty GoMap of Java objects")
  void build() {
    GoMap<Object, Object> m = b.build();
    assertThat(m).isEmpty();
    assertThat(m).isNotSameAs(b.build());
    assertThat(m.stats().B()).isZero();
    m.put("k", 1);
    assertThat(m).containsEntry("k", 1);
  }

  @Test
  @DisplayName("buildLongLong makes a new empty map[int64]int64")
  void buildLongLong() {
    LongLongGoMap m = b.buildLongLong();
    assertThat(m.isEmpty()).isTrue();
    assertThat(m).isNotSameAs(b.buildLongLong());
    assertThat(m.stats().B()).isZero();
    m.put(-7, 9);
    assertThat(m.get(-7)).isEqualTo(9);
  }

  @Test
  @DisplayName("buildBytes makes a new empty map[[16]uint8]int64")
  void buildBytes() {
    BytesGoMap m = b.buildBytes();
    assertThat(m.isEmpty()).isTrue();
    assertThat(m).isNotSameAs(b.buildBytes());
    assertThat(m.keyType()).isEqualTo(GoType.parse("[16]uint8"));
    assertThat(m.elemType()).isEqualTo(GoType.INT64);
    assertThat(m.keySize()).isEqualTo(16);
    assertThat(m.elemSize()).isEqualTo(8);
    assertThat(m.stats().B()).isZero();
    byte[] key = new byte[16];
    key[15] = 1;
    m.put(key, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    assertThat(m.get(key)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  @DisplayName("hashMap makes a new empty java.util.HashMap")
  void hashMap() {
    Map<Object, Object> m = b.hashMap();
    assertThat(m).isEmpty();
    assertThat(m).isInstanceOf(HashMap.class).isNotSameAs(b.hashMap());
  }
}
