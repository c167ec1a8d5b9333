/**
 * Platform layouts of Go's 64-bit targets: every 64-bit GOARCH Go 1.19 supports (amd64, arm64,
 * loong64, mips64, mips64le, ppc64, ppc64le, riscv64, s390x and wasm).
 */
module io.gomap4j.layout64 {
  requires transitive io.gomap4j.api;

  exports io.gomap4j.layout64;

  provides io.gomap4j.spi.PlatformLayout with
      io.gomap4j.layout64.Amd64Layout,
      io.gomap4j.layout64.Arm64Layout,
      io.gomap4j.layout64.Loong64Layout,
      io.gomap4j.layout64.Mips64Layout,
      io.gomap4j.layout64.Mips64leLayout,
      io.gomap4j.layout64.Ppc64Layout,
      io.gomap4j.layout64.Ppc64leLayout,
      io.gomap4j.layout64.Riscv64Layout,
      io.gomap4j.layout64.S390xLayout,
      io.gomap4j.layout64.WasmLayout;
}
