package io.gomap4j.tck.vectors;

import io.gomap4j.api.internal.Printable;

/**
 * One map type's bucket layout as Go 1.19's compiler built it, read from the runtime's
 * {@code maptype}.
 *
 * @param source where the line came from, as {@code file:line}
 * @param goarch the GOARCH
 * @param ptrSize the pointer size
 * @param key the key type in Go syntax
 * @param elem the elem type in Go syntax
 * @param keyTypeSize {@code unsafe.Sizeof} of the key type
 * @param keyAlign {@code unsafe.Alignof} of the key type
 * @param elemTypeSize {@code unsafe.Sizeof} of the elem type
 * @param elemAlign {@code unsafe.Alignof} of the elem type
 * @param keySlotSize {@code maptype.keysize}
 * @param elemSlotSize {@code maptype.elemsize}
 * @param bucketSize {@code maptype.bucketsize}
 * @param indirectKey whether keys are stored through a pointer
 * @param indirectElem whether elems are stored through a pointer
 * @param keysOffset offset of the keys in the bucket
 * @param elemsOffset offset of the elems
 * @param overflowOffset offset of the overflow pointer
 * @param bucketAlign the bucket's alignment
 */
public record LayoutVector(
    String source,
    String goarch,
    int ptrSize,
    String key,
    String elem,
    long keyTypeSize,
    int keyAlign,
    long elemTypeSize,
    int elemAlign,
    int keySlotSize,
    int elemSlotSize,
    int bucketSize,
    boolean indirectKey,
    boolean indirectElem,
    int keysOffset,
    int elemsOffset,
    int overflowOffset,
    int bucketAlign) {

  /**
   * {@code source: map[key]elem on goarch}, for messages, with each control character written as
   * {@code \}{@code u00XX}.
   */
  @Override
  public String toString() {
    return Printable.of(source + ": map[" + key + "]" + elem + " on " + goarch);
  }
}
