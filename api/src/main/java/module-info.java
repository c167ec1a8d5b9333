/**
 * gomap4j's public types and its three service-provider interfaces.
 *
 * <p>{@code io.gomap4j.api} holds what map users touch ({@link io.gomap4j.api.GoMap},
 * {@link io.gomap4j.api.LongLongGoMap}, {@link io.gomap4j.api.MapStats},
 * {@link io.gomap4j.api.GoType}); {@code io.gomap4j.spi} holds what plugin authors implement
 * ({@link io.gomap4j.spi.HashProvider}, {@link io.gomap4j.spi.PlatformLayout},
 * {@link io.gomap4j.spi.GrowthPolicy}). Plugins depend on this module only.
 */
module io.gomap4j.api {
  exports io.gomap4j.api;
  exports io.gomap4j.spi;
  exports io.gomap4j.api.internal to
      io.gomap4j.engine,
      io.gomap4j.tck,
      io.gomap4j.cli;
}
