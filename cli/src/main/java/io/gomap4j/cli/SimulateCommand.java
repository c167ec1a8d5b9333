package io.gomap4j.cli;

import io.gomap4j.api.GoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.api.MapStats;
import io.gomap4j.engine.GoMaps;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.internal.GoAlloc;
import io.gomap4j.engine.internal.SaturatingMath;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.PlatformLayout;
import java.io.PrintWriter;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gomap4j simulate}: fills a map modelled on {@code map[K]V} of one GOARCH and prints its
 * shape and the memory Go would use for it.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
        "Inserts N distinct keys into a map whose buckets model Go 1.19's map[KEY]ELEM on GOARCH "
            + "(Go's make without a hint, unless --hint is given) and prints B, the number of "
            + "buckets, the overflow buckets, whether a grow is still in progress, the load factor, "
            + "the bytes Go itself would hold for the map (hmap, bucket arrays with their "
            + "preallocated overflow buckets, overflow buckets, mapextra; not what keys and elems "
            + "point to, such as string bytes), whether those pass the GOARCH's maxAlloc, which "
            + "bounds Go's heap there (Go could not hold the map), and, for comparison, the Java "
            + "heap bytes of this simulation's bucket storage.",
        "The keys are random 64-bit values standing in for the key type, hashed with "
            + "memhash-go119 under key material derived from --seed, so a run is reproducible. "
            + "B, the overflow buckets and the grow state depend on the hash and the number of "
            + "entries, not on the key bytes; the bucket size and the preallocation follow the "
            + "modelled types."
    })
final class SimulateCommand implements Callable<Integer> {

  static final String HASH = "memhash-go119";

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--goarch", required = true, paramLabel = "GOARCH",
      description = "The platform layout, e.g. amd64, 386, arm.")
  String goarch;

  @Option(names = "--key", required = true, paramLabel = "TYPE",
      description = "The Go key type, e.g. string, int64, [16]byte; as Go requires, "
          + GcPlatformLayout.KEY_RULE + ".")
  String key;

  @Option(names = "--elem", required = true, paramLabel = "TYPE",
      description = "The Go elem (value) type, e.g. '[64]byte', int.")
  String elem;

  @Option(names = "--entries", required = true, paramLabel = "N",
      description = "How many distinct keys to insert; at most the number of distinct values of "
          + "the key type (2 for bool, 256 for int8, 1 for struct{}, the product for arrays and "
          + "structs), at most " + Integer.MAX_VALUE + ", and, when keys or elems over 128 bytes "
          + "are separate objects, at most as many as keep the Go bytes within 2^63-1.")
  long entries;

  @Option(names = "--hint", paramLabel = "N",
      description = "Make the map with this size hint (make(map[K]V, N)); default: no hint. As "
          + "Go's makemap does, a hint is taken as 0 (B=0) when it is negative (uintptr(N) * "
          + "bucket size overflows) or when N * bucket size passes the GOARCH's maxAlloc: 2^48 "
          + "bytes on 64-bit GOARCHes but wasm, 2^32 on wasm, 2^32-1 on 386 and arm, 2^31-1 on "
          + "mips and mipsle. A smaller hint that needs more than 2^30 buckets is refused; Go "
          + "would try to allocate them.")
  Long hint;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
      converter = SeedConverter.class,
      description = "Seeds the keys, the key material and the map's random source, decimal "
          + "(-2^63 to 2^64-1) or 0x hex (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    if (entries < 0) {
      throw new CliException(Main.USAGE, "--entries must be 0 or more, got " + entries);
    }
    if (entries > Integer.MAX_VALUE) {
      throw new CliException(Main.USAGE, "--entries must be at most " + Integer.MAX_VALUE
          + ", got " + entries);
    }
    GoType keyType = parse("--key", key);
    GoType elemType = parse("--elem", elem);
    if (!keyType.isComparable()) {
      // Checked here, not left to the layout: Go refuses such a key on every GOARCH, whatever a
      // layout plugin does with it.
      throw new CliException(Main.USAGE,
          "--key: " + GcPlatformLayout.invalidKeyType(keyType, elemType));
    }
    Plugins plugins = main.plugins();
    if (!plugins.contains(PluginKind.LAYOUT, goarch)) {
      throw new CliException(Main.USAGE, "unknown GOARCH '" + goarch + "'; available layouts: "
          + String.join(", ", plugins.names(PluginKind.LAYOUT)));
    }
    PlatformLayout layout = plugins.layout(goarch);
    BucketLayout bucket;
    try {
      bucket = layout.bucketLayout(keyType, elemType);
    } catch (IllegalArgumentException e) {
      // The key is comparable; the layout says why it refuses (a bundled one: a type too large
      // for the GOARCH, as Go's compiler refuses it).
      throw LayoutCommand.refused(goarch,
          "map[" + keyType.abbreviated() + "]" + elemType.abbreviated(), e);
    }
    long distinct = distinctValues(keyType, layout.platform().ptrSize());
    if (entries > distinct) {
      throw new CliException(Main.USAGE, "--entries " + entries + " is more than the "
          + Words.count(distinct, "distinct value") + " of key type " + keyType.abbreviated()
          + " on " + goarch + ": a map[" + keyType.abbreviated() + "]" + elemType.abbreviated()
          + " holds at most " + Words.count(distinct, "entry", "entries") + "; give --entries "
          + distinct + " or fewer");
    }
    long perEntry = GoAlloc.indirectBytesPerEntry(bucket);
    if (perEntry > 0 && entries > Long.MAX_VALUE / perEntry) {
      String what = bucket.indirectKey() && bucket.indirectElem() ? "its key and its elem"
          : bucket.indirectKey() ? "its key" : "its elem";
      throw new CliException(Main.USAGE, "--entries " + entries + " is too many for map["
          + keyType.abbreviated() + "]" + elemType.abbreviated() + " on " + goarch + ": Go stores "
          + what + " outside the bucket (types over 128 bytes are stored indirectly), "
          + perEntry + " bytes of objects per entry, so " + entries + " entries need more than "
          + Long.MAX_VALUE + " bytes (2^63-1), more than simulate counts; give --entries "
          + Long.MAX_VALUE / perEntry + " or fewer");
    }
    GoMaps.Builder builder = GoMaps.builder()
        .plugins(plugins)
        .hash(HASH)
        .layout(goarch)
        .keyType(keyType)
        .elemType(elemType)
        .seed(seed)
        .keyMaterial(KeyMaterial.random(new Random(seed)));
    if (hint != null) {
      // Go's makemap takes a negative hint as 0 (uintptr(hint) * bucketsize overflows); the
      // builder refuses a negative size, as Java does, and takes the other hints as makemap does.
      builder.expectedSize(Math.max(hint, 0));
    }
    GoMap<Long, Boolean> map = builder.build();
    // The layout's maxAlloc and bucket size, checked as the builder just checked them.
    GoAlloc.HintCutoff cutoff = GoAlloc.HintCutoff.of(layout, bucket);
    long salt = new Random(~seed).nextLong();
    for (long i = 0; i < entries; i++) {
      map.put(mix(i + salt), Boolean.TRUE);
    }
    MapStats s = map.stats();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("map[%s]%s on %s, %s, %s, seed %d%n", keyType, elemType, goarch,
        hint == null ? "make without a hint" : "make with hint " + hint,
        Words.count(entries, "entry", "entries"), seed);
    if (hint != null && hint < 0) {
      out.printf("hint              taken as 0, as Go's makemap does: a negative hint is a huge"
          + " uintptr, and hint * bucket size (%d bytes) overflows%n", bucket.bucketSize());
    } else if (hint != null && hint > 0 && cutoff.hint(hint) == 0) {
      out.printf("hint              taken as 0: %s%n", cutoff.explanation());
    }
    out.printf("B                 %d%n", s.B());
    out.printf("buckets           %d (2^B)%n", s.buckets());
    out.printf("overflow buckets  %d in the chains (noverflow %d%s)%n", s.overflowBuckets(),
        s.noverflow(), s.B() >= 16 ? ", approximate above B=15" : "");
    out.printf("growing           %s%n", s.growing()
        ? "yes (" + Words.count(s.nevacuate(), "old bucket") + " evacuated"
            + (s.sameSizeGrow() ? ", same size" : "") + ")"
        : "no");
    out.printf(Locale.ROOT, "load factor       %.2f entries per bucket%n", s.loadFactor());
    if (s.goBytes() == Long.MAX_VALUE) {
      out.printf("Go bytes          at least %s (%d bytes, the most a long counts)%n",
          human(s.goBytes()), s.goBytes());
    } else {
      out.printf("Go bytes          %s (%d bytes)%n", human(s.goBytes()), s.goBytes());
    }
    if (s.goBytes() > cutoff.maxAlloc()) {
      // maxAlloc is 2^heapAddrBits (less one on 32-bit GOARCHes): it bounds the addresses of Go's
      // whole heap on the GOARCH, not only one allocation.
      out.printf("limit             more than %s's maxAlloc of %d bytes, which bounds Go's heap"
          + " there: Go could not hold this map on %s%n", goarch, cutoff.maxAlloc(), goarch);
    }
    out.printf("Java heap bytes   %s (%d bytes, this simulation's bucket storage)%n",
        human(s.javaHeapBytes()), s.javaHeapBytes());
    out.flush();
    return Main.OK;
  }

  private static GoType parse(String option, String type) {
    try {
      return GoType.parse(type);
    } catch (IllegalArgumentException e) {
      throw new CliException(Main.USAGE, option + ": " + e.getMessage());
    }
  }

  /**
   * How many values of {@code type} Go's {@code ==} tells apart, that is how many distinct keys a
   * {@code map[type]V} can hold, on a platform with {@code ptrSize}-byte pointers ({@code int},
   * {@code uint} and {@code uintptr} have that size), saturating at {@link Long#MAX_VALUE}: 2 for
   * {@code bool}, 2^n for an n-bit integer, 1 for {@code struct{}} and {@code [0]T}, the product
   * over the fields of a struct ({@code _} fields are not compared, so they do not count) and the
   * element's count to the power of the length for an array. Floats, complex numbers, strings,
   * pointers, channels and interfaces count as unbounded ({@link Long#MAX_VALUE}; a float NaN is
   * a new key each time in Go). Each array and struct type is counted once, however often the
   * type uses it, so {@code struct{a T; b T}} doubled again and again takes one count per level.
   */
  static long distinctValues(GoType type, int ptrSize) {
    return distinctValues(type, ptrSize, new IdentityHashMap<>());
  }

  /** {@link #distinctValues(GoType, int)}, with the arrays and structs already {@code counted}. */
  private static long distinctValues(GoType type, int ptrSize, Map<GoType, Long> counted) {
    if (type instanceof GoType.Basic) {
      switch (((GoType.Basic) type).kind()) {
        case BOOL:
          return 2;
        case INT8:
        case UINT8:
          return 1L << 8;
        case INT16:
        case UINT16:
          return 1L << 16;
        case INT32:
        case UINT32:
          return 1L << 32;
        case INT:
        case UINT:
        case UINTPTR:
          return ptrSize == 4 ? 1L << 32 : Long.MAX_VALUE;
        default:
          return Long.MAX_VALUE;
      }
    }
    if (!(type instanceof GoType.Array) && !(type instanceof GoType.Struct)) {
      return Long.MAX_VALUE;
    }
    Long known = counted.get(type);
    if (known != null) {
      return known;
    }
    long n = 1;
    if (type instanceof GoType.Array) {
      GoType.Array array = (GoType.Array) type;
      long elem = distinctValues(array.elem(), ptrSize, counted);
      for (long i = 0; i < array.length() && n < Long.MAX_VALUE && elem > 1; i++) {
        n = SaturatingMath.multiply(n, elem);
      }
    } else {
      for (GoType.Field f : ((GoType.Struct) type).fields()) {
        if (!f.name().equals("_")) {
          n = SaturatingMath.multiply(n, distinctValues(f.type(), ptrSize, counted));
        }
      }
    }
    counted.put(type, n);
    return n;
  }

  /** splitmix64's finalizer: a bijection, so distinct counters give distinct random keys. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Bytes in binary units with one decimal: 1.5 KiB, 80.3 MiB. */
  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
