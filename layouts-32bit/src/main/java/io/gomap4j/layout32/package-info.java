/**
 * {@link io.gomap4j.spi.PlatformLayout} plugins for Go's 32-bit targets.
 *
 * <p>{@link io.gomap4j.layout32.I386Layout} ({@code 386}) has 4-byte pointers and registers and
 * little-endian memory. It applies the gc compiler's rules through
 * {@link io.gomap4j.spi.GcPlatformLayout}: 8-byte scalars align to 4 there, so
 * {@code map[int64]int64} has a 140-byte bucket and {@code map[string]int} a 108-byte one. Types
 * Go 1.19's compiler refuses as too large are refused: on every 32-bit target no type and no array
 * length may pass 2^31-1, and arrays on {@code mips} and {@code mipsle} may be at most 2^31-2 bytes
 * (their {@code MAXWIDTH} is {@link io.gomap4j.spi.GcPlatformLayout#MAX_WIDTH_MIPS}). Their
 * {@code maxAlloc}, above which Go's {@code makemap} takes a size hint as 0, is 2^32-1
 * ({@link io.gomap4j.spi.PlatformLayout#MAX_ALLOC_32}), but 2^31-1 on {@code mips} and
 * {@code mipsle} ({@link io.gomap4j.spi.PlatformLayout#MAX_ALLOC_MIPS}). Each layout is
 * registered both in {@code module-info.java} and in {@code META-INF/services}, and is found
 * through {@link java.util.ServiceLoader} by its GOARCH.
 */
package io.gomap4j.layout32;
