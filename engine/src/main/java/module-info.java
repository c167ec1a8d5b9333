/**
 * The Go map engine: the algorithm of Go 1.19's {@code runtime/map.go}, its bucket storage, the
 * plugin registry and the builders.
 */
module io.gomap4j.engine {
  requires transitive io.gomap4j.api;

  exports io.gomap4j.engine.internal to
      io.gomap4j.tck,
      io.gomap4j.cli;
}
