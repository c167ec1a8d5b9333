package io.gomap4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.tck.vectors.LayoutVector;
import io.gomap4j.tck.vectors.LayoutVectors;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LayoutVectorsTest {

  private static PlatformLayout gc(String name, int ptr, int reg) {
    return new GcPlatformLayout(new Platform(name, ptr, reg, ByteOrder.LITTLE_ENDIAN)) {
      @Override
      public int spiVersion() {
        return SPI_VERSION;
      }
    };
  }

  private static LayoutVector line(String goarch, String key, String elem) {
    return LayoutVectors.of(goarch).stream()
        .filter(v -> v.key().equals(key) && v.elem().equals(elem))
        .findFirst().orElseThrow();
  }

  @Test
  @DisplayName("A layout that aligns 8-byte scalars to 8 on a 32-bit target disagrees with Go")
  void wrongAlignmentIsReported() {
    LayoutVector v = line("386", "int32", "int64");
    assertThat(LayoutVectors.mismatches(gc("386", 4, 4), v)).isEmpty();
    List<String> diffs = LayoutVectors.mismatches(gc("386", 4, 8), v);
    assertThat(diffs).anySatisfy(d -> assertThat(d).startsWith("elemalign: go 4, layout 8"))
        // Alignment 8 above a 4-byte pointer pads the bucket's tail, and Go's rule that the
        // overflow pointer is the last word refuses the layout, as Go's compiler does.
        .anySatisfy(d -> assertThat(d).contains("bad offset of overflow"));
  }

  @Test
  @DisplayName("A 64-bit layout judged against 32-bit vectors differs in pointer and bucket size")
  void wrongPointerSizeIsReported() {
    List<String> diffs = LayoutVectors.mismatches(gc("386", 8, 8), line("386", "int64", "int64"));
    assertThat(diffs).anySatisfy(d -> assertThat(d).startsWith("ptrsize"))
        .anySatisfy(d -> assertThat(d).startsWith("bucketsize: go 140, layout 144"));
  }

  @Test
  @DisplayName("Go type names map to GoType through GoType.parse, composites included; named and "
      + "malformed types do not")
  void goTypeNames() {
    assertThat(LayoutVectors.goType("*int64")).map(Object::toString).contains("*int64");
    assertThat(LayoutVectors.goType("byte")).map(Object::toString).contains("uint8");
    assertThat(LayoutVectors.goType("[4]byte")).map(Object::toString).contains("[4]uint8");
    assertThat(LayoutVectors.goType("struct{a int8; b [0]int64}")).map(Object::toString)
        .contains("struct{a int8; b [0]int64}");
    assertThat(LayoutVectors.goType("atomic.Int64")).isEmpty();
    assertThat(LayoutVectors.goType("[4byte")).isEmpty();
    assertThat(LayoutVectors.composite("[4]byte")).isTrue();
    assertThat(LayoutVectors.composite("int64")).isFalse();
  }

  @Test
  @DisplayName("A layout answers to its own GOARCH's lines, else amd64's or 386's by pointer size,"
      + " and check reports every line it gets wrong")
  void referenceAndCheck() {
    assertThat(LayoutVectors.reference(gc("mips", 4, 4))).allMatch(v -> v.goarch().equals("mips"));
    assertThat(LayoutVectors.reference(gc("riscv64", 8, 8)))
        .hasSize(288).allMatch(v -> v.goarch().equals("amd64"));
    assertThat(LayoutVectors.reference(gc("arm", 4, 4))).allMatch(v -> v.goarch().equals("386"));
    assertThat(LayoutVectors.check(gc("riscv64", 8, 8))).isEmpty();
    List<String> wrong = LayoutVectors.check(gc("arm", 4, 8));
    assertThat(wrong).isNotEmpty().allMatch(d -> d.startsWith("arm vs "));
  }
}
