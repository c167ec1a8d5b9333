/**
 * Go's hash functions, bit for bit, as {@link io.gomap4j.spi.HashProvider} plugins.
 *
 * <p>{@code memhash-go119} is Go 1.19's fallback hash: {@code hash64.go} on 64-bit platforms and
 * {@code hash32.go} on 32-bit ones, with the float rules of {@code alg.go}. {@code aeshash-go119}
 * is Go 1.19's AES hash on amd64 and 386 ({@code asm_amd64.s} and {@code asm_386.s}), with the
 * {@code AESENC} round computed in software.
 */
module io.gomap4j.hash {
  requires transitive io.gomap4j.api;

  exports io.gomap4j.hash;

  provides io.gomap4j.spi.HashProvider with
      io.gomap4j.hash.MemhashGo119Provider,
      io.gomap4j.hash.AeshashGo119Provider;
}
