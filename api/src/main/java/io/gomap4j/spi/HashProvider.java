package io.gomap4j.spi;

/**
 * A named hash function family, found through {@link java.util.ServiceLoader}.
 *
 * <p>A name is a contract on output: the same name, platform, key material, seed and input give the
 * same hash in every release. A change of output is a new name, as Guava's {@code murmur3_32_fixed}
 * sits beside {@code murmur3_32}; the bundled names carry their Go version ({@code memhash-go119}).
 *
 * <p>Register an implementation both in {@code module-info.java} ({@code provides
 * io.gomap4j.spi.HashProvider with ...}) and in
 * {@code META-INF/services/io.gomap4j.spi.HashProvider}; it needs a public no-argument constructor.
 */
public interface HashProvider {

  /** The version of this interface. Return it from {@link #spiVersion()}. */
  int SPI_VERSION = 1;

  /**
   * The stable name users select this provider by, such as {@code memhash-go119}: ASCII letters,
   * digits, {@code .}, {@code _} and {@code -}, starting with a letter or digit, and unique among
   * the hash providers (see <a href="package-summary.html#plugin-names">plugin names</a>).
   */
  String name();

  /** Return {@link #SPI_VERSION}; the compiler records the value the plugin was built against. */
  int spiVersion();

  /** Whether this provider can hash for {@code platform}. */
  default boolean supports(Platform platform) {
    return true;
  }

  /** The platforms {@link #supports} accepts, in words, for error messages. */
  default String supportedPlatforms() {
    return "every platform";
  }

  /**
   * A hasher for {@code platform} (its word size and byte order) and {@code keyMaterial}.
   *
   * @throws IllegalArgumentException if the platform is not supported or the key material does not
   *     fit it
   */
  Hasher create(Platform platform, KeyMaterial keyMaterial);
}
