/**
 * Platform layouts of Go's 32-bit targets. This version has {@code 386}.
 */
module io.gomap4j.layout32 {
  requires transitive io.gomap4j.api;

  exports io.gomap4j.layout32;

  provides io.gomap4j.spi.PlatformLayout with
      io.gomap4j.layout32.I386Layout;
}
