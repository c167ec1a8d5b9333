package io.gomap4j.layout64;

import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import java.nio.ByteOrder;

/**
 * The {@code s390x} target: 8-byte pointers and registers (so {@code int64},
 * {@code float64} and {@code complex128} align to 8), big-endian. Its name is
 * {@code s390x}.
 */
public final class S390xLayout extends GcPlatformLayout {

  /** The s390x layout; {@link java.util.ServiceLoader} calls this constructor. */
  public S390xLayout() {
    super(new Platform("s390x", 8, 8, ByteOrder.BIG_ENDIAN), MAX_WIDTH_64);
  }

  @Override
  public int spiVersion() {
    return PlatformLayout.SPI_VERSION;
  }
}
