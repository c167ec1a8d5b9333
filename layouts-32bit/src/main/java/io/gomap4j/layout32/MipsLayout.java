package io.gomap4j.layout32;

import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import java.nio.ByteOrder;

/**
 * The {@code mips} target: 4-byte pointers and registers (so {@code int64},
 * {@code float64} and {@code complex128} align to 4), big-endian. Its name is
 * {@code mips}.
 */
public final class MipsLayout extends GcPlatformLayout {

  /** The mips layout; {@link java.util.ServiceLoader} calls this constructor. */
  public MipsLayout() {
    super(new Platform("mips", 4, 4, ByteOrder.BIG_ENDIAN), MAX_WIDTH_MIPS);
  }

  @Override
  public int spiVersion() {
    return PlatformLayout.SPI_VERSION;
  }

  /** Go 1.19's {@code maxAlloc} on mips: {@link PlatformLayout#MAX_ALLOC_MIPS}. */
  @Override
  public long maxAlloc() {
    return PlatformLayout.MAX_ALLOC_MIPS;
  }
}
