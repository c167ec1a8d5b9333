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
 * <h2 id="plugin-names">Plugin names</h2>
 *
 * <p>Users select a plugin by its {@code name()}: in a comma-separated list ({@code gomap4j.hash},
 * {@code gomap4j tck --hash a,b}), inside a combination id {@code hash/layout/growth}, and in a
 * reproduce line pasted into a shell. So a name is one or more ASCII letters, digits, dots,
 * underscores and hyphens ({@code [A-Za-z0-9._-]}), starting with a letter or digit, as every
 * bundled name is ({@code memhash-go119}, {@code 386}, {@code go119-shrink}); no spaces, commas,
 * slashes or other characters. It is unique among the plugins of its kind, and it never changes
 * for a given behaviour. The engine's registry refuses to start with a plugin whose name breaks
 * this rule, or with two plugins of one kind of one name, naming the classes; the TCK's
 * {@code *.name} and {@code *.name.unique} checks report both.
 *
 * <h2 id="threads">Threads</h2>
 *
 * <p>{@link java.util.ServiceLoader} makes one instance of each discovered plugin, and that
 * instance serves every builder and every map in the JVM, from whichever threads build or use
 * them. So a plugin is thread-safe: its methods may be called from several threads at once. The
 * bundled plugins are immutable apart from caches that are safe to race on: a volatile field or a
 * thread-local holding an immutable value, or (in the AES hashers) a plain field holding either a
 * primitive that only decides whether to cache or an object whose fields are all final, so that
 * a thread sees it whole or not at all. A {@link io.gomap4j.spi.Hasher} is thread-safe too, as
 * its documentation says, although each map gets its own. The TCK's {@code hash.threads} check
 * uses one hasher from several threads at once and compares the hashes with those it gives alone;
 * layouts and growth policies it calls from one thread at a time, except that a check that timed
 * out and ignored its interrupt may still be running beside the checks after it.
 *
 * <p>Each kind carries an {@code SPI_VERSION} constant. A plugin returns that constant from
 * {@code spiVersion()}; the compiler copies its value into the plugin's class, so the engine sees the
 * version the plugin was built against and refuses a plugin built for another one.
 */
package io.gomap4j.spi;
