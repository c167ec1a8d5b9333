package io.gomap4j.layout32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.gomap4j.api.GoType;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.spi.TypeLayout;
import io.gomap4j.tck.vectors.GoVectors;
import io.gomap4j.tck.vectors.LayoutVector;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link I386Layout} against the bucket layouts Go 1.19 recorded on 386. */
final class I386LayoutVectorsTest {

  private static final String GOARCH = "386";

  /**
   * The lines of {@code bucket-layouts.jsonl} for 386 whose key and elem are scalars, strings or
   * pointers: 18 key types times 5 elem types. The other lines use arrays, slices, structs or
   * interfaces, which {@link GoType} does not model yet.
   */
  private static final int EXPECTED_MATCHED = 90;

  private final PlatformLayout layout = new I386Layout();

  static List<LayoutVector> linesOfThisGoarch() {
    return GoVectors.layoutVectors().stream()
        .filter(v -> v.goarch().equals(GOARCH))
        .collect(Collectors.toList());
  }

  static Stream<LayoutVector> expressibleVectors() {
    return linesOfThisGoarch().stream().filter(VectorTypes::expressible);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressibleVectors")
  @DisplayName("The bucket layout and type sizes match Go 1.19's maptype on 386, field by field")
  void matchesGo(LayoutVector v) {
    GoType key = VectorTypes.parse(v.key()).orElseThrow();
    GoType elem = VectorTypes.parse(v.elem()).orElseThrow();
    BucketLayout b = layout.bucketLayout(key, elem);
    TypeLayout k = layout.typeLayout(key);
    TypeLayout e = layout.typeLayout(elem);

    assertSoftly(s -> {
      s.assertThat(layout.platform().ptrSize()).as("ptrsize").isEqualTo(v.ptrSize());
      s.assertThat(k.size()).as("keytypesize (typeLayout)").isEqualTo(v.keyTypeSize());
      s.assertThat(k.align()).as("keyalign (typeLayout)").isEqualTo(v.keyAlign());
      s.assertThat(e.size()).as("elemtypesize (typeLayout)").isEqualTo(v.elemTypeSize());
      s.assertThat(e.align()).as("elemalign (typeLayout)").isEqualTo(v.elemAlign());
      s.assertThat(b.keyType()).as("keyType (bucketLayout)").isEqualTo(k);
      s.assertThat(b.elemType()).as("elemType (bucketLayout)").isEqualTo(e);
      s.assertThat(b.key()).as("key").isEqualTo(key);
      s.assertThat(b.elem()).as("elem").isEqualTo(elem);
      s.assertThat(b.keySlotSize()).as("keysize").isEqualTo(v.keySlotSize());
      s.assertThat(b.elemSlotSize()).as("elemsize").isEqualTo(v.elemSlotSize());
      s.assertThat(b.bucketSize()).as("bucketsize").isEqualTo(v.bucketSize());
      s.assertThat(b.indirectKey()).as("indirectkey").isEqualTo(v.indirectKey());
      s.assertThat(b.indirectElem()).as("indirectelem").isEqualTo(v.indirectElem());
      s.assertThat(b.keysOffset()).as("keysoff").isEqualTo(v.keysOffset());
      s.assertThat(b.elemsOffset()).as("elemsoff").isEqualTo(v.elemsOffset());
      s.assertThat(b.overflowOffset()).as("overflowoff").isEqualTo(v.overflowOffset());
      s.assertThat(b.overflowSize()).as("overflow size").isEqualTo(v.ptrSize());
      s.assertThat(b.bucketAlign()).as("bucketalign").isEqualTo(v.bucketAlign());
    });
  }

  @Test
  @DisplayName("Every 386 vector line with scalar, string or pointer types is checked, and only "
      + "lines with a composite key or elem type are left for later")
  void filterKeepsEveryExpressibleLine() {
    List<LayoutVector> all = linesOfThisGoarch();
    List<LayoutVector> matched = expressibleVectors().collect(Collectors.toList());
    List<LayoutVector> skipped =
        all.stream().filter(v -> !VectorTypes.expressible(v)).collect(Collectors.toList());

    assertThat(matched).hasSizeGreaterThanOrEqualTo(EXPECTED_MATCHED);
    assertThat(matched.size() + skipped.size()).isEqualTo(all.size());
    assertThat(skipped)
        .as("skipped lines must name a type GoType cannot express yet")
        .allSatisfy(v -> {
          Stream.of(v.key(), v.elem())
              .filter(t -> VectorTypes.parse(t).isEmpty())
              .forEach(t -> assertThat(VectorTypes.composite(t)).as(t).isTrue());
        });
  }
}
