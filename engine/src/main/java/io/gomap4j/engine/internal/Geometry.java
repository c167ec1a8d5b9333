package io.gomap4j.engine.internal;

import io.gomap4j.spi.BucketLayout;

/**
 * Where things sit in one bucket of Java storage: tophash bytes at 0..7, the key and elem areas, and
 * a 4-byte overflow link, and how many reference slots a bucket has beside its bytes.
 *
 * @param stride bytes per bucket in the Java pages
 * @param keysOffset offset of key slot 0
 * @param keySlot bytes per key slot (0 when keys are references)
 * @param elemsOffset offset of elem slot 0
 * @param elemSlot bytes per elem slot (0 when elems are references)
 * @param overflowOffset offset of the overflow link
 * @param refsPerBucket reference slots per bucket: 16 (8 keys, 8 elems) or 0
 * @param goBucketSize the bucket size Go uses for the modelled map type, which decides how many
 *     overflow buckets are preallocated
 */
record Geometry(
    int stride,
    int keysOffset,
    int keySlot,
    int elemsOffset,
    int elemSlot,
    int overflowOffset,
    int refsPerBucket,
    int goBucketSize) {

  static final int SLOTS = BucketLayout.BUCKET_SLOTS;

  /** Flat storage in Go's own bucket layout: keys and elems as bytes, the link in Go's slot. */
  static Geometry flat(BucketLayout layout) {
    return new Geometry(
        layout.bucketSize(),
        layout.keysOffset(),
        layout.keySlotSize(),
        layout.elemsOffset(),
        layout.elemSlotSize(),
        layout.overflowOffset(),
        0,
        layout.bucketSize());
  }

  /** Reference storage: 8 tophash bytes and a 4-byte link per bucket, keys and elems as objects. */
  static Geometry references(BucketLayout modelled) {
    return new Geometry(SLOTS + 4, SLOTS, 0, SLOTS, 0, SLOTS, 2 * SLOTS, modelled.bucketSize());
  }
}
