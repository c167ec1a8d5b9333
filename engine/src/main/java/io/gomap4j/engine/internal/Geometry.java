package io.gomap4j.engine.internal;

import io.gomap4j.api.GoType;
import io.gomap4j.api.internal.Printable;
import io.gomap4j.engine.PluginFailureException;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.PlatformLayout;

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
 * @param goPtrSize the modelled platform's pointer size, 4 or 8
 * @param goBucketHasPointers whether Go's bucket type holds pointers ({@code ptrdata != 0}); when it
 *     does not, Go lists overflow buckets in {@code h.extra.overflow} (spec 2.3, 4.5)
 * @param goIndirectBytesPerEntry the bytes Go allocates per entry for keys and elems stored behind
 *     a pointer (&gt; 128 bytes), 0 when both are in the bucket ({@link
 *     GoAlloc#indirectBytesPerEntry})
 * @param goHintCutoff where Go's makemap starts taking a size hint as 0 for the modelled map type
 *     on the modelled platform, from its {@link PlatformLayout#maxAlloc()}
 */
record Geometry(
    int stride,
    int keysOffset,
    int keySlot,
    int elemsOffset,
    int elemSlot,
    int overflowOffset,
    int refsPerBucket,
    int goBucketSize,
    int goPtrSize,
    boolean goBucketHasPointers,
    long goIndirectBytesPerEntry,
    GoAlloc.HintCutoff goHintCutoff) {

  static final int SLOTS = BucketLayout.BUCKET_SLOTS;

  /**
   * Flat storage in Go's own bucket layout: keys and elems as bytes, the link in Go's slot.
   * {@code bucket} is {@code platform}'s layout of the map type.
   */
  static Geometry flat(BucketLayout bucket, PlatformLayout platform) {
    checkFlat(bucket, platform);
    return new Geometry(
        bucket.bucketSize(),
        bucket.keysOffset(),
        bucket.keySlotSize(),
        bucket.elemsOffset(),
        bucket.elemSlotSize(),
        bucket.overflowOffset(),
        0,
        bucket.bucketSize(),
        bucket.overflowSize(),
        hasPointers(bucket),
        GoAlloc.indirectBytesPerEntry(bucket),
        GoAlloc.HintCutoff.of(platform, bucket));
  }

  /**
   * Refuses a bucket layout that flat storage cannot hold its entries in without losing them: the
   * tophash bytes, the 8 key slots, the 8 elem slots and the engine's 4-byte overflow link must lie
   * inside the bucket without overlapping, and each slot must hold its type (or a pointer when
   * indirect). A layout plugin that breaks this would otherwise have entries overwrite each other.
   */
  private static void checkFlat(BucketLayout l, PlatformLayout platform) {
    String problem = null;
    long keyNeeds = l.indirectKey() ? l.overflowSize() : l.keyType().size();
    long elemNeeds = l.indirectElem() ? l.overflowSize() : l.elemType().size();
    long keysEnd = (long) l.keysOffset() + (long) SLOTS * l.keySlotSize();
    long elemsEnd = (long) l.elemsOffset() + (long) SLOTS * l.elemSlotSize();
    long linkEnd = (long) l.overflowOffset() + 4;
    if (l.keySlotSize() < keyNeeds || l.elemSlotSize() < elemNeeds) {
      problem = "key slots of " + l.keySlotSize() + " and elem slots of " + l.elemSlotSize()
          + " bytes, where the key needs " + keyNeeds + " and the elem " + elemNeeds;
    } else if (l.keysOffset() < SLOTS || l.elemsOffset() < keysEnd
        || l.overflowOffset() < elemsEnd) {
      problem = "tophash at 0, keys at " + l.keysOffset() + ".." + keysEnd + ", elems at "
          + l.elemsOffset() + ".." + elemsEnd + " and the overflow pointer at "
          + l.overflowOffset() + ", which overlap or are out of order";
    } else if (linkEnd > l.bucketSize() || l.overflowSize() <= 0) {
      problem = "a bucket of " + l.bucketSize() + " bytes with its overflow pointer of "
          + l.overflowSize() + " bytes at " + l.overflowOffset();
    }
    if (problem != null) {
      throw new IllegalArgumentException("layout '" + Printable.of(platform.name())
          + "' gives map[" + l.key().abbreviated() + "]" + l.elem().abbreviated() + " " + problem
          + "; a bucket is tophash [8]uint8, then 8 key slots, then 8 elem slots, then the"
          + " overflow pointer, each slot the size of its type (a pointer when indirect). Run the"
          + " TCK's PlatformLayoutVerification on the plugin");
    }
  }

  /**
   * {@code layout}'s bucket of {@code map[key]elem}: its refusal of a type
   * ({@link IllegalArgumentException}) as it is, anything else it throws as a
   * {@link PluginFailureException} naming the layout and the call.
   */
  static BucketLayout bucketLayout(PlatformLayout layout, GoType key, GoType elem) {
    try {
      return layout.bucketLayout(key, elem);
    } catch (IllegalArgumentException | OutOfMemoryError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      // Spelled only here, and abbreviated: a type of shared parts spells out exponentially.
      throw new PluginFailureException(PluginKind.LAYOUT, Printable.of(layout.name()), layout,
          "bucketLayout(" + key.abbreviated() + ", " + elem.abbreviated() + ")", e);
    }
  }

  /**
   * Reference storage: 8 tophash bytes and a 4-byte link per bucket, keys and elems as objects.
   * {@code modelled} is {@code platform}'s layout of the map type whose Go memory is modelled.
   */
  static Geometry references(BucketLayout modelled, PlatformLayout platform) {
    return new Geometry(SLOTS + 4, SLOTS, 0, SLOTS, 0, SLOTS, 2 * SLOTS, modelled.bucketSize(),
        modelled.overflowSize(),
        hasPointers(modelled),
        GoAlloc.indirectBytesPerEntry(modelled),
        GoAlloc.HintCutoff.of(platform, modelled));
  }

  /** Whether the bucket's key or elem slots hold pointers: a pointer type, or an indirect slot. */
  private static boolean hasPointers(BucketLayout l) {
    return l.indirectKey() || l.indirectElem() || l.key().hasPointers() || l.elem().hasPointers();
  }
}
