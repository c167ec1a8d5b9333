package io.gomap4j.layout32;

import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import java.nio.ByteOrder;

/**
 * The {@code arm} target: 4-byte pointers and registers (so {@code int64},
 * {@code float64} and {@code complex128} align to 4), little-endian. Its name is
 * {@code arm}.
 */
public final class ArmLayout extends GcPlatformLayout {

  /** The arm layout; {@link java.util.ServiceLoader} calls this constructor. */
  public ArmLayout() {
    super(new Platform("arm", 4, 4, ByteOrder.LITTLE_ENDIAN), MAX_WIDTH_32);
  }

  @Override
  public int spiVersion() {
    return PlatformLayout.SPI_VERSION;
  }
}
