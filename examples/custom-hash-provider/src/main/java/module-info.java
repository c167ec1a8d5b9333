/**
 * The {@code wordmix-v1} hash provider for gomap4j. It is registered twice, as every gomap4j
 * plugin is: here for the module path and in {@code META-INF/services} for the class path.
 */
module com.example.wordmix {
  requires io.gomap4j.api;

  provides io.gomap4j.spi.HashProvider with
      com.example.wordmix.WordMixHashProvider;
}
