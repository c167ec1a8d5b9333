package io.gomap4j.tck.kit;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;

import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Go 1.19's GOARCH values with their pointer size, register size and byte order. */
final class GoArch {

  private static final Map<String, Platform> ALL = new LinkedHashMap<>();

  static {
    add("386", 4, false);
    add("amd64", 8, false);
    add("arm", 4, false);
    add("arm64", 8, false);
    add("loong64", 8, false);
    add("mips", 4, true);
    add("mipsle", 4, false);
    add("mips64", 8, true);
    add("mips64le", 8, false);
    add("ppc64", 8, true);
    add("ppc64le", 8, false);
    add("riscv64", 8, false);
    add("s390x", 8, true);
    add("wasm", 8, false);
  }

  private static void add(String goarch, int ptr, boolean bigEndian) {
    ALL.put(goarch, new Platform(goarch, ptr, ptr, bigEndian ? BIG_ENDIAN : LITTLE_ENDIAN));
  }

  private GoArch() {}

  /** The platform Go gives {@code goarch}, if it is a Go 1.19 GOARCH. */
  static Optional<Platform> of(String goarch) {
    return Optional.ofNullable(ALL.get(goarch));
  }

  /**
   * Go 1.19's {@code maxAlloc} on {@code goarch}, if it is a Go 1.19 GOARCH: 2^48 on the 64-bit
   * ones but wasm (2^32), 2^32-1 on 386 and arm, 2^31-1 on mips and mipsle, as far as go1.19's
   * {@code make(map[K]V, hint)} shows it ({@code cli/src/test/go/makemaphint}).
   */
  static OptionalLong maxAlloc(String goarch) {
    Platform p = ALL.get(goarch);
    if (p == null) {
      return OptionalLong.empty();
    }
    switch (goarch) {
      case "wasm":
        return OptionalLong.of(PlatformLayout.MAX_ALLOC_WASM);
      case "mips":
      case "mipsle":
        return OptionalLong.of(PlatformLayout.MAX_ALLOC_MIPS);
      default:
        return OptionalLong.of(
            p.ptrSize() == 8 ? PlatformLayout.MAX_ALLOC_64 : PlatformLayout.MAX_ALLOC_32);
    }
  }

  /** Every Go 1.19 GOARCH's platform. */
  static List<Platform> all() {
    return List.copyOf(ALL.values());
  }

  /** One platform of each word size and byte order: amd64, 386, s390x, mips. */
  static List<Platform> representatives() {
    return List.of(ALL.get("amd64"), ALL.get("386"), ALL.get("s390x"), ALL.get("mips"));
  }
}
