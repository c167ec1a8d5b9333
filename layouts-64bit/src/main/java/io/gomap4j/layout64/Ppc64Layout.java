package io.gomap4j.layout64;

import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import java.nio.ByteOrder;

/**
 * The {@code ppc64} target: 8-byte pointers and registers (so {@code int64},
 * {@code float64} and {@code complex128} align to 8), big-endian. Its name is
 * {@code ppc64}.
 */
public final class Ppc64Layout extends GcPlatformLayout {

  /** The ppc64 layout; {@link java.util.ServiceLoader} calls this constructor. */
  public Ppc64Layout() {
    super(new Platform("ppc64", 8, 8, ByteOrder.BIG_ENDIAN), MAX_WIDTH_64);
  }

  @Override
  public int spiVersion() {
    return PlatformLayout.SPI_VERSION;
  }
}
