/**
 * Platform layouts of Go's 64-bit targets. This version has {@code amd64}.
 */
module io.gomap4j.layout64 {
  requires transitive io.gomap4j.api;

  exports io.gomap4j.layout64;

  provides io.gomap4j.spi.PlatformLayout with
      io.gomap4j.layout64.Amd64Layout;
}
