/**
 * {@link io.gomap4j.spi.PlatformLayout} plugins for Go's 64-bit targets.
 *
 * <p>{@link io.gomap4j.layout64.Amd64Layout} ({@code amd64}) has 8-byte pointers and registers
 * and little-endian memory. It applies the gc compiler's rules through
 * {@link io.gomap4j.spi.GcPlatformLayout}, so {@code map[int64]int64} has a 144-byte bucket and
 * {@code map[string]int} a 208-byte one. Every 64-bit target has Go 1.19's {@code MAXWIDTH} of
 * 2^50 ({@link io.gomap4j.spi.GcPlatformLayout#MAX_WIDTH_64}): an array may be at most 2^50-1
 * bytes and struct fields must end below 2^50. Their {@code maxAlloc}, above which Go's
 * {@code makemap} takes a size hint as 0, is 2^48
 * ({@link io.gomap4j.spi.PlatformLayout#MAX_ALLOC_64}), but 2^32 on {@code wasm}
 * ({@link io.gomap4j.spi.PlatformLayout#MAX_ALLOC_WASM}). Each layout is registered both in
 * {@code module-info.java} and in {@code META-INF/services}, and is found through
 * {@link java.util.ServiceLoader} by its GOARCH.
 */
package io.gomap4j.layout64;
