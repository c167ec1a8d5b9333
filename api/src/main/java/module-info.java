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
  // Not an API: exported to everyone, since the engine, the TCK and the CLI use it wherever they
  // run, also in the unnamed module beside an api on the module path, where a qualified export
  // would not reach them.
  exports io.gomap4j.api.internal;
}
