/**
 * gomap4j's technology compatibility kit: contract checks for plugins and maps, the combination
 * matrix, and Go's vectors.
 */
module io.gomap4j.tck {
  requires transitive io.gomap4j.api;
  requires transitive io.gomap4j.engine;
  requires transitive org.junit.jupiter.api;

  exports io.gomap4j.tck;
  exports io.gomap4j.tck.kit;
  exports io.gomap4j.tck.vectors;
}
