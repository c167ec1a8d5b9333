package io.gomap4j.spi;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.GoType;

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
}
