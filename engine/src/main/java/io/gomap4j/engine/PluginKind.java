package io.gomap4j.engine;

import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.PlatformLayout;
import java.util.Locale;

/** The three kinds of plugin, with their service interface and the SPI version they must carry. */
public enum PluginKind {
  /** {@link HashProvider}. */
  HASH(HashProvider.class, HashProvider.SPI_VERSION),
  /** {@link PlatformLayout}. */
  LAYOUT(PlatformLayout.class, PlatformLayout.SPI_VERSION),
  /** {@link GrowthPolicy}. */
  GROWTH(GrowthPolicy.class, GrowthPolicy.SPI_VERSION);

  private final Class<?> service;
  private final int spiVersion;
  private final String label;

  PluginKind(Class<?> service, int spiVersion) {
    this.service = service;
    this.spiVersion = spiVersion;
    this.label = name().toLowerCase(Locale.ROOT);
  }

  /** The service interface. */
  public Class<?> service() {
    return service;
  }

  /** The SPI version this engine supports. */
  public int spiVersion() {
    return spiVersion;
  }

  /** A lower-case label: {@code hash}, {@code layout} or {@code growth}. */
  public String label() {
    return label;
  }
}
