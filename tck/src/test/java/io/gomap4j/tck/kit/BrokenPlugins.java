package io.gomap4j.tck.kit;

import io.gomap4j.api.GoType;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.spi.TypeLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntSupplier;

/**
 * Deliberately broken plugins, each with one fault, and the sound plugins they are made from. The
 * kits must reject every broken one and name the rule it breaks.
 */
final class BrokenPlugins {

  private BrokenPlugins() {}

  // ---- hashes -----------------------------------------------------------------------------------

  /** A hash that passes every call through to the sound reference hash, after {@link #adapt}. */
  abstract static class WrappedHash implements HashProvider {
    private final String name;

    WrappedHash(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int spiVersion() {
      return SPI_VERSION;
    }

    @Override
    public Hasher create(Platform platform, KeyMaterial keyMaterial) {
      Hasher base = ReferenceHash.INSTANCE.create(platform, keyMaterial);
      return new Hasher() {
        @Override
        public int bits() {
          return base.bits();
        }

        @Override
        public long memhash(byte[] data, int offset, int length, long seed) {
          byte[] copy = Arrays.copyOfRange(data, offset, offset + length);
          return adaptHash(base.memhash(adaptBytes(copy), 0, length, adaptSeed(seed)), platform);
        }

        @Override
        public long memhash32(int value, long seed) {
          return adaptHash(base.memhash32(value, adaptSeed(seed)), platform);
        }

        @Override
        public long memhash64(long value, long seed) {
          return adaptHash(base.memhash64(value, adaptSeed(seed)), platform);
        }

        @Override
        public long f32hash(float value, long seed) {
          return adaptHash(base.f32hash(value, adaptSeed(seed)), platform);
        }

        @Override
        public long f64hash(double value, long seed) {
          return adaptHash(base.f64hash(value, adaptF64Seed(seed)), platform);
        }
      };
    }

    long adaptSeed(long seed) {
      return seed;
    }

    /** The seed f64hash uses: {@link #adaptSeed}'s unless a broken plugin breaks f64hash alone. */
    long adaptF64Seed(long seed) {
      return adaptSeed(seed);
    }

    byte[] adaptBytes(byte[] data) {
      return data;
    }

    long adaptHash(long hash, Platform platform) {
      return hash;
    }
  }

  /** The sound reference hash under a name of its own, such as one users could not select. */
  static final class Renamed extends WrappedHash {
    Renamed(String name) {
      super(name);
    }
  }

  /** The sound reference hash for some GOARCHes only; create refuses the others. */
  static final class OnlyOn extends WrappedHash {
    private final Set<String> goarchs;

    OnlyOn(String name, String... goarchs) {
      super(name);
      this.goarchs = Set.of(goarchs);
    }

    @Override
    public boolean supports(Platform platform) {
      return goarchs.contains(platform.goarch());
    }

    @Override
    public String supportedPlatforms() {
      return String.join(", ", new TreeSet<>(goarchs));
    }

    @Override
    public Hasher create(Platform platform, KeyMaterial keyMaterial) {
      if (!supports(platform)) {
        throw new IllegalArgumentException(name() + " supports " + supportedPlatforms()
            + ", not " + platform);
      }
      return super.create(platform, keyMaterial);
    }
  }

  /** Returns 64-bit hashes on 32-bit platforms too, as if it ignored the word size. */
  static final class IgnoresWordSize extends WrappedHash {
    IgnoresWordSize() {
      super("broken-ignores-word-size");
    }

    @Override
    long adaptHash(long hash, Platform platform) {
      return platform.bits() == 32 ? hash | (ReferenceHash.mix(hash) << 32) : hash;
    }
  }

  /** Hashes every input as if the seed were 0: every map then has the same bucket order. */
  static final class IgnoresSeed extends WrappedHash {
    IgnoresSeed() {
      super("broken-ignores-seed");
    }

    @Override
    long adaptSeed(long seed) {
      return 0;
    }
  }

  /** Never reads the last byte of a memhash input (a classic tail-loop off-by-one). */
  static final class IgnoresLastByte extends WrappedHash {
    IgnoresLastByte() {
      super("broken-ignores-last-byte");
    }

    @Override
    byte[] adaptBytes(byte[] data) {
      if (data.length > 0) {
        data[data.length - 1] = 0;
      }
      return data;
    }
  }

  /**
   * Refuses to hash off the thread that created it, as a hasher that keeps per-thread scratch
   * state might: sound on one thread, broken when maps share it across threads. With
   * {@code f64Only}, only {@code f64hash} refuses, as one that formats doubles into a shared
   * buffer would be unsafe there alone.
   */
  static final class ThreadConfined extends WrappedHash {
    private final boolean f64Only;
    private volatile Thread creator;

    ThreadConfined() {
      this("broken-thread-confined", false);
    }

    ThreadConfined(String name, boolean f64Only) {
      super(name);
      this.f64Only = f64Only;
    }

    @Override
    public Hasher create(Platform platform, KeyMaterial keyMaterial) {
      creator = Thread.currentThread();
      return super.create(platform, keyMaterial);
    }

    @Override
    long adaptSeed(long seed) {
      return f64Only ? seed : confined(seed);
    }

    @Override
    long adaptF64Seed(long seed) {
      return confined(seed);
    }

    private long confined(long seed) {
      if (Thread.currentThread() != creator) {
        throw new IllegalStateException("hasher used off its creating thread "
            + Thread.currentThread().getName());
      }
      return seed;
    }
  }

  // ---- layouts ----------------------------------------------------------------------------------

  /** A sound gc layout on a 64-bit platform that is not a GOARCH. */
  static class SoundLayout extends GcPlatformLayout {
    SoundLayout(String name) {
      super(new Platform(name, 8, 8, ByteOrder.LITTLE_ENDIAN));
    }

    @Override
    public int spiVersion() {
      return SPI_VERSION;
    }
  }

  /** Aligns 8-byte scalars to 4 on a 64-bit platform, as a packed layout would. */
  static final class MisalignsEightByteFields extends SoundLayout {
    MisalignsEightByteFields() {
      super("broken-misaligned");
    }

    @Override
    public TypeLayout typeLayout(GoType type) {
      TypeLayout t = super.typeLayout(type);
      if (type instanceof GoType.Basic && t.size() >= 8 && t.align() == 8
          && type != GoType.STRING && type != GoType.INT && type != GoType.UINT
          && type != GoType.UINTPTR && type != GoType.UNSAFE_POINTER) {
        return new TypeLayout(t.size(), 4);
      }
      return t;
    }
  }

  /** Starts the elems one key slot early, so the last key slot and the first elem slot overlap. */
  static final class OverlappingSlots extends SoundLayout {
    OverlappingSlots() {
      super("broken-overlapping");
    }

    @Override
    public BucketLayout bucketLayout(GoType key, GoType elem) {
      BucketLayout b = super.bucketLayout(key, elem);
      return new BucketLayout(b.key(), b.elem(), b.keyType(), b.elemType(), b.keySlotSize(),
          b.elemSlotSize(), b.indirectKey(), b.indirectElem(), b.keysOffset(),
          b.elemsOffset() - b.keySlotSize(), b.overflowOffset(), b.overflowSize(),
          b.bucketSize(), b.bucketAlign());
    }
  }

  /**
   * Lays out a map of any key type, as a layout that never asks {@link GoType#isComparable()}
   * would: a key that is not comparable gets the slots of a comparable key of its size.
   */
  static final class AcceptsAnyKey extends SoundLayout {
    AcceptsAnyKey() {
      super("broken-any-key");
    }

    @Override
    public BucketLayout bucketLayout(GoType key, GoType elem) {
      if (key.isComparable()) {
        return super.bucketLayout(key, elem);
      }
      TypeLayout k = typeLayout(key); // every type that is not comparable aligns to 8 here
      BucketLayout b = super.bucketLayout(new GoType.Array(GoType.UINT64, k.size() / 8), elem);
      return new BucketLayout(key, elem, k, b.elemType(), b.keySlotSize(), b.elemSlotSize(),
          b.indirectKey(), b.indirectElem(), b.keysOffset(), b.elemsOffset(), b.overflowOffset(),
          b.overflowSize(), b.bucketSize(), b.bucketAlign());
    }
  }

  /**
   * Sizes arrays and structs in plain {@code long} arithmetic, as a layout written without a
   * limit might: a type past 2^63-1 bytes wraps to a wrong size, or below 0, where {@link
   * TypeLayout} then refuses it without naming it. Every smaller type is laid out right.
   */
  static class WrapsHugeSizes extends SoundLayout {
    WrapsHugeSizes() {
      super("broken-wraps-sizes");
    }

    @Override
    public TypeLayout typeLayout(GoType type) {
      if (type instanceof GoType.Array a) {
        TypeLayout e = typeLayout(a.elem());
        return new TypeLayout(a.length() * e.size(), e.align());
      }
      if (type instanceof GoType.Struct s) {
        long off = 0;
        int align = 1;
        long lastZero = -1;
        for (GoType.Field f : s.fields()) {
          TypeLayout t = typeLayout(f.type());
          align = Math.max(align, t.align());
          off = (off + t.align() - 1) & -t.align();
          if (t.size() == 0) {
            lastZero = off;
          }
          off += t.size();
        }
        if (off > 0 && off == lastZero) {
          off++;
        }
        return new TypeLayout((off + align - 1) & -align, align);
      }
      return super.typeLayout(type);
    }
  }

  /** Claims to be Go's 386 but aligns 8-byte scalars to 8, as amd64 does. */
  static final class WrongRegisterSize extends GcPlatformLayout {
    WrongRegisterSize() {
      super(new Platform("386", 4, 8, ByteOrder.LITTLE_ENDIAN));
    }

    @Override
    public int spiVersion() {
      return SPI_VERSION;
    }
  }

  /** Claims to be Go's mips but keeps the default maxAlloc of 32-bit layouts, 2^32-1. */
  static final class MipsWithDefaultMaxAlloc extends GcPlatformLayout {
    MipsWithDefaultMaxAlloc() {
      super(new Platform("mips", 4, 4, ByteOrder.BIG_ENDIAN), MAX_WIDTH_MIPS);
    }

    @Override
    public int spiVersion() {
      return SPI_VERSION;
    }
  }

  /** A sound layout but for a maxAlloc of 0, below any allocation. */
  static final class ZeroMaxAlloc extends SoundLayout {
    ZeroMaxAlloc() {
      super("broken-zero-maxalloc");
    }

    @Override
    public long maxAlloc() {
      return 0;
    }
  }

  // ---- growth policies --------------------------------------------------------------------------

  /** Go's rules, to be broken one at a time. */
  static class SoundGrowth implements GrowthPolicy {
    private final String name;

    SoundGrowth(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int spiVersion() {
      return SPI_VERSION;
    }

    static boolean over(long count, int b) {
      return count > 8 && count > 13 * ((1L << b) / 2);
    }

    @Override
    public int initialB(long hint) {
      int b = 0;
      while (over(hint, b)) {
        b++;
      }
      return b;
    }

    @Override
    public Grow onInsert(long countAfter, int b, int noverflow) {
      if (over(countAfter, b)) {
        return Grow.DOUBLE;
      }
      return noverflow >= 1 << Math.min(b, 15) ? Grow.SAME_SIZE : Grow.NONE;
    }

    @Override
    public int extraEvacuationsPerWrite() {
      return 1;
    }

    @Override
    public boolean countOverflow(int b, IntSupplier random) {
      return b < 16 || (random.getAsInt() & ((1 << (b - 15)) - 1)) == 0;
    }
  }

  /** Never doubles: the load grows without bound and lookups become scans. */
  static final class NeverGrows extends SoundGrowth {
    NeverGrows() {
      super("broken-never-grows");
    }

    @Override
    public Grow onInsert(long countAfter, int b, int noverflow) {
      return Grow.NONE;
    }
  }

  /** Evacuates one bucket too few per write: only the bucket the write touches. */
  static final class EvacuatesTooFew extends SoundGrowth {
    EvacuatesTooFew() {
      super("broken-evacuates-too-few");
    }

    @Override
    public int extraEvacuationsPerWrite() {
      return 0;
    }
  }

  /** Halves whenever the map is under 8 entries per bucket, which overloads the halved map. */
  static final class ShrinksBelowCount extends SoundGrowth {
    ShrinksBelowCount() {
      super("broken-shrinks-below-count");
    }

    @Override
    public Grow onDelete(long countAfter, int b, int noverflow) {
      return b > 0 && countAfter < 8L << b ? Grow.HALVE : Grow.NONE;
    }
  }

  /**
   * Halves at 3.4 entries per bucket: just above half the load bound (3.25), so the halved map is
   * overloaded by a few entries, a threshold between 2 and 4 entries per bucket.
   */
  static final class ShrinksJustAboveHalfBound extends SoundGrowth {
    ShrinksJustAboveHalfBound() {
      super("broken-shrinks-at-3.4");
    }

    @Override
    public Grow onDelete(long countAfter, int b, int noverflow) {
      return b > 0 && countAfter * 10 <= 34L << b ? Grow.HALVE : Grow.NONE;
    }
  }

  /**
   * Can shrink, but only a map of 2^10 buckets holding one entry: the map contract's drains never
   * get there, so map.iteration.shrink sees no shrink although the policy has a HALVE.
   */
  static final class HalvesOnlyOutOfReach extends SoundGrowth {
    HalvesOnlyOutOfReach() {
      super("halves-out-of-reach");
    }

    @Override
    public Grow onDelete(long countAfter, int b, int noverflow) {
      return b == 10 && countAfter == 1 ? Grow.HALVE : Grow.NONE;
    }
  }

  /** A shrinking policy with a margin: halves when a quarter of the bound is left. */
  static final class SoundShrinker extends SoundGrowth {
    SoundShrinker() {
      super("sound-shrinker");
    }

    @Override
    public Grow onDelete(long countAfter, int b, int noverflow) {
      return b > 0 && countAfter <= 13L * (1L << b) / 8 ? Grow.HALVE : Grow.NONE;
    }
  }

  static PlatformLayout soundLayout() {
    return new SoundLayout("sound-64");
  }
}
