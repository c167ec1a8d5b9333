package io.gomap4j.layout64;

import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import java.nio.ByteOrder;

/**
 * The {@code loong64} target: 8-byte pointers and registers (so {@code int64},
 * {@code float64} and {@code complex128} align to 8), little-endian. Its name is
 * {@code loong64}.
 */
public final class Loong64Layout extends GcPlatformLayout {

  /** The loong64 layout; {@link java.util.ServiceLoader} calls this constructor. */
  public Loong64Layout() {
    super(new Platform("loong64", 8, 8, ByteOrder.LITTLE_ENDIAN), MAX_WIDTH_64);
  }

  @Override
  public int spiVersion() {
    return PlatformLayout.SPI_VERSION;
  }
}
