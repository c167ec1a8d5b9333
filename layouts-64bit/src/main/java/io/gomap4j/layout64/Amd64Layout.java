package io.gomap4j.layout64;

import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import java.nio.ByteOrder;

/**
 * The {@code amd64} target: 8-byte pointers, 8-byte registers (so {@code int64}, {@code float64}
 * and {@code complex128} align to 8), little-endian. Its name is {@code amd64}.
 */
public final class Amd64Layout extends GcPlatformLayout {

  /** The amd64 layout; {@link java.util.ServiceLoader} calls this constructor. */
  public Amd64Layout() {
    super(new Platform("amd64", 8, 8, ByteOrder.LITTLE_ENDIAN), MAX_WIDTH_64);
  }

  @Override
  public int spiVersion() {
    return PlatformLayout.SPI_VERSION;
  }
}
