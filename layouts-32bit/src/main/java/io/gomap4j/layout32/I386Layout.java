package io.gomap4j.layout32;

import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import java.nio.ByteOrder;

/**
 * The {@code 386} target: 4-byte pointers, 4-byte registers (so {@code int64}, {@code float64} and
 * {@code complex128} align to only 4), little-endian. Its name is {@code 386}.
 */
public final class I386Layout extends GcPlatformLayout {

  /** The 386 layout; {@link java.util.ServiceLoader} calls this constructor. */
  public I386Layout() {
    super(new Platform("386", 4, 4, ByteOrder.LITTLE_ENDIAN), MAX_WIDTH_32);
  }

  @Override
  public int spiVersion() {
    return PlatformLayout.SPI_VERSION;
  }
}
