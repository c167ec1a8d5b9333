/**
 * Platform layouts of Go's 32-bit targets: every 32-bit GOARCH Go 1.19 supports (386, arm, mips
 * and mipsle).
 */
module io.gomap4j.layout32 {
  requires transitive io.gomap4j.api;

  exports io.gomap4j.layout32;

  provides io.gomap4j.spi.PlatformLayout with
      io.gomap4j.layout32.I386Layout,
      io.gomap4j.layout32.ArmLayout,
      io.gomap4j.layout32.MipsLayout,
      io.gomap4j.layout32.MipsleLayout;
}
