package io.gomap4j.spi;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.GoType;
import java.util.ArrayList;
import java.util.List;

/**
 * The bucket struct Go's compiler builds for {@code map[K]V} on one platform
 * ({@code reflectdata.MapBucketType}): {@code tophash [8]uint8}, then the 8 keys, then the 8 elems,
 * then the overflow pointer as the last word.
 *
 * <p>A key or elem larger than 128 bytes is stored indirectly: its slot holds a pointer.
 *
 * @param key the key type
 * @param elem the elem (value) type
 * @param keyType the key type's size and alignment
 * @param elemType the elem type's size and alignment
 * @param keySlotSize the size of one key slot: the key size, or the pointer size when indirect
 * @param elemSlotSize the size of one elem slot: the elem size, or the pointer size when indirect
 * @param indirectKey whether keys are stored behind a pointer
 * @param indirectElem whether elems are stored behind a pointer
 * @param keysOffset offset of key slot 0 ({@code dataOffset}, 8 on every platform)
 * @param elemsOffset offset of elem slot 0
 * @param overflowOffset offset of the overflow pointer
 * @param overflowSize size of the overflow pointer, the platform's pointer size
 * @param bucketSize the bucket's size ({@code maptype.bucketsize})
 * @param bucketAlign the bucket's alignment
 */
public record BucketLayout(
    GoType key,
    GoType elem,
    TypeLayout keyType,
    TypeLayout elemType,
    int keySlotSize,
    int elemSlotSize,
    boolean indirectKey,
    boolean indirectElem,
    int keysOffset,
    int elemsOffset,
    int overflowOffset,
    int overflowSize,
    int bucketSize,
    int bucketAlign) {

  /** Slots per bucket ({@code bucketCnt}). */
  public static final int BUCKET_SLOTS = 8;

  /** The largest key or elem stored inline ({@code maxKeySize}, {@code maxElemSize}). */
  public static final int MAX_INLINE_SIZE = 128;

  public BucketLayout {
    requireNonNull(key, "key is null");
    requireNonNull(elem, "elem is null");
    requireNonNull(keyType, "keyType is null");
    requireNonNull(elemType, "elemType is null");
  }

  /** Offset of key slot {@code i} (0..7) in the bucket. */
  public int keyOffset(int i) {
    return keysOffset + i * keySlotSize;
  }

  /** Offset of elem slot {@code i} (0..7) in the bucket. */
  public int elemOffset(int i) {
    return elemsOffset + i * elemSlotSize;
  }

  /**
   * The bucket as a field table: {@code tophash [8]uint8} at 0, {@code keys [8]K'} at
   * {@link #keysOffset()}, {@code elems [8]V'} at {@link #elemsOffset()} and {@code overflow} at
   * {@link #overflowOffset()}, with a padding row wherever an offset jumps and at the tail if
   * {@link #bucketSize()} extends past the overflow pointer. {@code K'} is {@code *K} when keys are
   * indirect (likewise {@code V'}); {@code overflow} is {@code unsafe.Pointer}, or {@code uintptr}
   * when neither {@code K'} nor {@code V'} holds pointers, as Go's compiler types it.
   */
  public List<StructLayout.Field> fields() {
    return structLayout().fields();
  }

  /** The bucket as a {@link StructLayout} named {@code bmap}; see {@link #fields()}. */
  public StructLayout structLayout() {
    // K' and V' are spelled, not made: a *K of a key already GoType.MAX_NESTING deep is refused.
    String k = (indirectKey ? "*" : "") + key.goSyntax();
    String e = (indirectElem ? "*" : "") + elem.goSyntax();
    boolean pointers = indirectKey || indirectElem || key.hasPointers() || elem.hasPointers();
    List<StructLayout.Field> rows = new ArrayList<>();
    long off = 0;
    off = add(rows, off, StructLayout.Field.of("tophash", "[" + BUCKET_SLOTS + "]uint8", 0,
        BUCKET_SLOTS));
    off = add(rows, off, StructLayout.Field.of("keys", "[" + BUCKET_SLOTS + "]" + k,
        keysOffset, (long) BUCKET_SLOTS * keySlotSize));
    off = add(rows, off, StructLayout.Field.of("elems", "[" + BUCKET_SLOTS + "]" + e,
        elemsOffset, (long) BUCKET_SLOTS * elemSlotSize));
    String overflowType = pointers ? "unsafe.Pointer" : "uintptr";
    off = add(rows, off, StructLayout.Field.of("overflow", overflowType, overflowOffset,
        overflowSize));
    if (bucketSize > off) {
      rows.add(StructLayout.Field.padding(off, bucketSize - off));
    }
    return new StructLayout("bmap", rows, bucketSize, bucketAlign);
  }

  private static long add(List<StructLayout.Field> rows, long off, StructLayout.Field f) {
    if (f.offset() > off) {
      rows.add(StructLayout.Field.padding(off, f.offset() - off));
    }
    rows.add(f);
    return f.end();
  }
}
