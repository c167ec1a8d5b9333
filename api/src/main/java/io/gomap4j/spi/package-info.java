/**
 * The three plugin kinds, found through {@link java.util.ServiceLoader} by a stable name.
 *
 * <ul>
 *   <li>{@link io.gomap4j.spi.HashProvider} makes a {@link io.gomap4j.spi.Hasher} for a
 *       {@link io.gomap4j.spi.Platform} and {@link io.gomap4j.spi.KeyMaterial};</li>
 *   <li>{@link io.gomap4j.spi.PlatformLayout} describes one GOARCH: its {@link io.gomap4j.spi.Platform},
 *       the size and alignment of Go types ({@link io.gomap4j.spi.TypeLayout}) and the bucket Go's
 *       compiler builds from them ({@link io.gomap4j.spi.BucketLayout});</li>
 *   <li>{@link io.gomap4j.spi.GrowthPolicy} decides the initial size, when to grow and how much
 *       evacuation work each write does.</li>
 * </ul>
 *
 * <p>Each kind carries an {@code SPI_VERSION} constant. A plugin returns that constant from
 * {@code spiVersion()}; the compiler copies its value into the plugin's class, so the engine sees the
 * version the plugin was built against and refuses a plugin built for another one.
 */
package io.gomap4j.spi;
