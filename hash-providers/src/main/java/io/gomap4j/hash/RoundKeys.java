package io.gomap4j.hash;

import io.gomap4j.spi.KeyMaterial;

/**
 * The round keys of one key material's {@code aeskeysched}: Ks[i], bytes {@code 16i .. 16i+16},
 * as bytes 0-7 ({@link #lo}) and 8-15 ({@link #hi}), little-endian; 8 of them for a 128-byte
 * schedule, 4 for a 64-byte one. Read once per key material and shared by the hashers made for
 * it, which only read them (each hasher keeps its own seed caches).
 *
 * <p>Immutable: the arrays are never written after construction, so a provider may publish an
 * instance through a volatile field and hashers may read it from any thread.
 */
final class RoundKeys {

  /** The key material these are the round keys of, compared by identity. */
  final KeyMaterial material;

  /** Bytes 0-7 of each Ks[i]. */
  final long[] lo;

  /** Bytes 8-15 of each Ks[i]. */
  final long[] hi;

  RoundKeys(KeyMaterial material) {
    this.material = material;
    byte[] sched = material.aeskeysched();
    int n = sched.length / 16;
    long[] l = new long[n];
    long[] h = new long[n];
    for (int i = 0; i < n; i++) {
      l[i] = Words.r8(false, sched, 16 * i);
      h[i] = Words.r8(false, sched, 16 * i + 8);
    }
    this.lo = l;
    this.hi = h;
  }
}
