/**
 * The Go map engine: the algorithm of Go 1.19's {@code runtime/map.go}, its bucket storage, the
 * plugin registry and the builders. The Guice module needs Guice, an optional dependency.
 */
module io.gomap4j.engine {
  requires transitive io.gomap4j.api;
  requires org.slf4j;
  requires static com.google.guice;
  requires static jakarta.inject;

  exports io.gomap4j.engine;
  exports io.gomap4j.engine.growth;
  exports io.gomap4j.engine.inject;
  exports io.gomap4j.engine.trace;
  // Not an API: exported to everyone, since the TCK and the CLI use it wherever they run, also in
  // the unnamed module beside an engine on the module path, where a qualified export would not
  // reach them.
  exports io.gomap4j.engine.internal;

  uses io.gomap4j.spi.HashProvider;
  uses io.gomap4j.spi.PlatformLayout;
  uses io.gomap4j.spi.GrowthPolicy;

  provides io.gomap4j.spi.GrowthPolicy with
      io.gomap4j.engine.growth.Go119GrowthPolicy,
      io.gomap4j.engine.growth.Go119ShrinkGrowthPolicy;
}
