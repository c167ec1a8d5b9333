/**
 * Go's hash functions, bit for bit, as {@link io.gomap4j.spi.HashProvider} plugins.
 *
 * <p>{@code memhash-go119} is Go 1.19's fallback hash: {@code hash64.go} on 64-bit platforms and
 * {@code hash32.go} on 32-bit ones, with the float rules of {@code alg.go}.
 */
module io.gomap4j.hash {
  requires transitive io.gomap4j.api;

  exports io.gomap4j.hash;

  provides io.gomap4j.spi.HashProvider with
      io.gomap4j.hash.MemhashGo119Provider;
}
