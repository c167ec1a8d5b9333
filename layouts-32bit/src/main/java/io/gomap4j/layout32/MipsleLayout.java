package io.gomap4j.layout32;

import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import java.nio.ByteOrder;

/**
 * The {@code mipsle} target: 4-byte pointers and registers (so {@code int64},
 * {@code float64} and {@code complex128} align to 4), little-endian. Its name is
 * {@code mipsle}.
 */
public final class MipsleLayout extends GcPlatformLayout {

  /** The mipsle layout; {@link java.util.ServiceLoader} calls this constructor. */
  public MipsleLayout() {
    super(new Platform("mipsle", 4, 4, ByteOrder.LITTLE_ENDIAN), MAX_WIDTH_MIPS);
  }

  @Override
  public int spiVersion() {
    return PlatformLayout.SPI_VERSION;
  }

  /** Go 1.19's {@code maxAlloc} on mipsle: {@link PlatformLayout#MAX_ALLOC_MIPS}. */
  @Override
  public long maxAlloc() {
    return PlatformLayout.MAX_ALLOC_MIPS;
  }
}
