package io.gomap4j.layout64;

import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import java.nio.ByteOrder;

/**
 * The {@code wasm} target: 8-byte pointers and registers (so {@code int64},
 * {@code float64} and {@code complex128} align to 8), little-endian. Its name is
 * {@code wasm}.
 */
public final class WasmLayout extends GcPlatformLayout {

  /** The wasm layout; {@link java.util.ServiceLoader} calls this constructor. */
  public WasmLayout() {
    super(new Platform("wasm", 8, 8, ByteOrder.LITTLE_ENDIAN), MAX_WIDTH_64);
  }

  @Override
  public int spiVersion() {
    return PlatformLayout.SPI_VERSION;
  }

  /** Go 1.19's {@code maxAlloc} on wasm: {@link PlatformLayout#MAX_ALLOC_WASM}. */
  @Override
  public long maxAlloc() {
    return PlatformLayout.MAX_ALLOC_WASM;
  }
}
