package io.gomap4j.tck.kit;

import io.gomap4j.engine.PluginKind;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import io.gomap4j.tck.TckCheck;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;

/**
 * The kit for a {@link HashProvider} plugin. Subclass it in a test and implement
 * {@link #createHashProvider()}.
 *
 * <p>Every check runs on each of {@link #platforms()} the provider {@linkplain
 * HashProvider#supports supports}, with key material drawn from the check's seed. The statistical
 * checks have fixed bounds, wide enough that a sound hash fails them with negligible probability:
 * avalanche within {@link #avalancheTolerance()} of one half, chi-square below its mean plus
 * {@link #CHI_SQUARE_SIGMAS} standard deviations.
 */
public abstract class HashProviderVerification extends Verification {

  /** How many standard deviations above its mean a bucket chi-square statistic may lie. */
  public static final double CHI_SQUARE_SIGMAS = 6;

  /** The longest input the length check hashes. */
  public static final int MAX_LENGTH = 1024;

  /** The plugin under test; called once per check, so return a fresh or an immutable instance. */
  protected abstract HashProvider createHashProvider();

  /**
   * The platforms to check on. By default, one of each word size and byte order among the Go 1.19
   * GOARCHes the provider {@linkplain HashProvider#supports supports}: amd64, 386, s390x and mips
   * where it supports them, else the first GOARCH of the same word size and byte order that it
   * does (arm64 for a hash made for arm64 alone). Override to check on other platforms, such as
   * one that is not a GOARCH.
   */
  protected List<Platform> platforms() {
    HashProvider provider = createHashProvider();
    List<Platform> out = new ArrayList<>();
    for (Platform r : GoArch.representatives()) {
      if (provider.supports(r)) {
        out.add(r);
        continue;
      }
      for (Platform p : GoArch.all()) {
        if (p.bits() == r.bits() && p.byteOrder().equals(r.byteOrder()) && provider.supports(p)) {
          out.add(p);
          break;
        }
      }
    }
    return out;
  }

  /**
   * How far from one half the average share of hash bits that flip may be, when one input or seed
   * bit flips: 0.15 by default, so between 35% and 65% of the bits.
   */
  protected double avalancheTolerance() {
    return 0.15;
  }

  @Override
  public String subject() {
    return "hash " + createHashProvider().name();
  }

  @Override
  public List<KitCheck> checks() {
    return List.of(
        KitCheck.of("hash.identity",
            "the provider has a non-blank name, reports SPI version " + HashProvider.SPI_VERSION
                + " and supports at least one of the kit's platforms",
            this::identity),
        KitCheck.of("hash.name", NAME_CONTRACT,
            seed -> assertName(createHashProvider().name())),
        KitCheck.of("hash.name.unique", NAME_UNIQUE_CONTRACT, seed -> {
          HashProvider plugin = createHashProvider();
          assertUnique(PluginKind.HASH, plugin, plugin.name());
        }),
        KitCheck.of("hash.determinism",
            "the same platform, key material, seed and bytes always give the same hash, from one"
                + " hasher and from another created alike",
            this::determinism),
        KitCheck.of("hash.wordsize",
            "bits() is the platform's pointer width and every hash fits it and uses all of it",
            this::wordSize),
        KitCheck.of("hash.seed",
            "every bit of the 32-bit map seed changes the hash, flipping about half its bits",
            this::seedMatters),
        KitCheck.of("hash.bytes",
            "every input byte changes the hash, flipping about half its bits, and so does every"
                + " bit of a memhash32 or memhash64 value",
            this::bytesMatter),
        KitCheck.of("hash.lengths",
            "memhash over every length 0 to " + MAX_LENGTH + " at offsets 0 to 7 reads exactly its"
                + " range: it equals the hash of a copy, ignores the bytes around it, and the"
                + " length itself changes the hash",
            this::lengths),
        KitCheck.of("hash.entrypoints",
            "strhash is memhash over the string's bytes; f32hash and f64hash hash ordinary values"
                + " as memhash over their bytes, +0 and -0 alike and NaN randomly",
            this::entryPoints),
        KitCheck.of("hash.distribution.sequential",
            "sequential keys spread evenly over 1024 buckets and over the 256 top-byte values"
                + " (chi-square)",
            this::sequentialDistribution),
        KitCheck.of("hash.distribution.structured",
            "structured keys (strings with a shared prefix, powers of two, multiples of 2^20,"
                + " pairs, floats) spread evenly over 1024 buckets (chi-square)",
            this::structuredDistribution),
        KitCheck.of("hash.threads",
            "one hasher used by several threads at once gives the hashes it gives alone, through"
                + " every entry point",
            this::threadSafety),
        KitCheck.of("hash.unsupported",
            "create refuses a platform that supports() rejects with an IllegalArgumentException",
            this::unsupported));
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** The supported platforms, with a hasher each; skips when there is none. */
  private List<Hasher> hashers(long seed) {
    HashProvider provider = createHashProvider();
    KeyMaterial km = KeyMaterial.random(new Random(seed));
    List<Hasher> out = new ArrayList<>();
    for (Platform p : platforms()) {
      if (provider.supports(p)) {
        Hasher h;
        try {
          h = provider.create(p, km);
        } catch (RuntimeException e) {
          throw new AssertionError("supports(" + p + ") is true but create failed: " + e
              + ". Check create() or supports()", e);
        }
        if (h == null) {
          throw new AssertionError("create(" + p + ") returned null");
        }
        out.add(h);
      }
    }
    if (out.isEmpty()) {
      throw new TckCheck.CheckSkipped(provider.name() + " supports none of the kit's platforms "
          + platforms() + " (it supports " + provider.supportedPlatforms() + ")");
    }
    return out;
  }

  private List<Platform> supportedPlatforms() {
    HashProvider provider = createHashProvider();
    return platforms().stream().filter(provider::supports).toList();
  }

  private static String where(Platform p) {
    return " on " + p;
  }

  private static byte[] random(SplittableRandom r, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) r.nextInt();
    }
    return b;
  }

  private static long mask(Hasher h) {
    return h.bits() == 64 ? -1L : 0xFFFFFFFFL;
  }

  /** Runs {@code body} for each supported platform with its hasher. */
  private void forEach(long seed, PlatformBody body) throws Exception {
    List<Hasher> hashers = hashers(seed);
    List<Platform> platforms = supportedPlatforms();
    for (int i = 0; i < hashers.size(); i++) {
      body.run(platforms.get(i), hashers.get(i), new SplittableRandom(seed + i));
    }
  }

  @FunctionalInterface
  private interface PlatformBody {
    void run(Platform platform, Hasher hasher, SplittableRandom r) throws Exception;
  }

  /** Tracks the share of flipped hash bits over many pairs. */
  private final class Avalanche {
    final String what;
    final int bits;
    long flipped;
    long samples;
    long unchanged;

    Avalanche(String what, int bits) {
      this.what = what;
      this.bits = bits;
    }

    void add(long a, long b) {
      long d = a ^ b;
      if (d == 0) {
        unchanged++;
      }
      flipped += Long.bitCount(d);
      samples++;
    }

    void check(String rule, double tolerance) {
      double share = flipped / (double) (samples * bits);
      if (unchanged * 64 > samples || Math.abs(share - 0.5) > tolerance) {
        throw new AssertionError(String.format(
            "%s: flipping it left the hash unchanged in %d of %d cases and flipped %.1f%% of the"
                + " hash bits on average (expected %.0f%% to %.0f%%). Check that %s",
            what, unchanged, samples, 100 * share, 100 * (0.5 - tolerance),
            100 * (0.5 + tolerance), rule));
      }
    }
  }

  // ---- checks -----------------------------------------------------------------------------------

  private void identity(long seed) {
    HashProvider provider = createHashProvider();
    if (provider.name() == null || provider.name().isBlank()) {
      throw new AssertionError("name() is blank. Check name(): users select the provider by it");
    }
    if (provider.spiVersion() != HashProvider.SPI_VERSION) {
      throw new AssertionError("spiVersion() is " + provider.spiVersion() + ", this engine speaks "
          + HashProvider.SPI_VERSION + ". Check spiVersion(): return SPI_VERSION");
    }
    if (supportedPlatforms().isEmpty()) {
      throw new AssertionError(provider.name() + " supports none of the kit's platforms "
          + platforms() + " (it supports " + provider.supportedPlatforms() + "), so no other"
          + " check can run. Check supports(), or override platforms() in the kit with the"
          + " platforms it serves");
    }
  }

  private void determinism(long seed) throws Exception {
    HashProvider provider = createHashProvider();
    KeyMaterial km = KeyMaterial.random(new Random(seed));
    forEach(seed, (p, h, r) -> {
      Hasher again = provider.create(p, km);
      Hasher fresh = createHashProvider().create(p, KeyMaterial.random(new Random(seed)));
      for (int i = 0; i < 2000; i++) {
        byte[] data = random(r, r.nextInt(100));
        long s = r.nextLong() & 0xFFFFFFFFL;
        long first = h.memhash(data, 0, data.length, s);
        long[] others = {h.memhash(data, 0, data.length, s),
            again.memhash(data, 0, data.length, s), fresh.memhash(data, 0, data.length, s),
            h.memhash(data.clone(), 0, data.length, s)};
        for (long o : others) {
          if (o != first) {
            throw new AssertionError("memhash of the same " + data.length + " bytes with seed " + s
                + where(p) + " gave " + Long.toHexString(first) + " then " + Long.toHexString(o)
                + ". Check that the hash depends only on the key material, seed and bytes (no"
                + " shared mutable state, no identity hash codes, no clock)");
          }
        }
        int v32 = r.nextInt();
        long v64 = r.nextLong();
        double d = r.nextDouble() * 1e6;
        if (h.memhash32(v32, s) != fresh.memhash32(v32, s)
            || h.memhash64(v64, s) != fresh.memhash64(v64, s)
            || h.f64hash(d, s) != fresh.f64hash(d, s)
            || h.f32hash((float) d, s) != fresh.f32hash((float) d, s)) {
          throw new AssertionError("a typed hash (memhash32, memhash64, f32hash or f64hash) of one"
              + " value" + where(p) + " differed between two hashers of the same key material."
              + " Check that the typed hashes depend only on the key material, seed and value");
        }
      }
    });
  }

  private void wordSize(long seed) throws Exception {
    forEach(seed, (p, h, r) -> {
      if (h.bits() != p.bits()) {
        throw new AssertionError("bits() is " + h.bits() + where(p) + ", whose uintptr is "
            + p.bits() + " bits. Check that create() follows platform.bits()");
      }
      long mask = mask(h);
      long ones = 0;
      long zeros = 0;
      for (int i = 0; i < 512; i++) {
        byte[] data = random(r, r.nextInt(40));
        long s = r.nextLong() & 0xFFFFFFFFL;
        long[] hs = {h.memhash(data, 0, data.length, s), h.memhash32(r.nextInt(), s),
            h.memhash64(r.nextLong(), s), h.f64hash(r.nextDouble(), s),
            h.f32hash(r.nextFloat() + 1, s)};
        for (long v : hs) {
          if ((v & ~mask) != 0) {
            throw new AssertionError("a hash" + where(p) + " is 0x" + Long.toHexString(v)
                + ", outside [0, 2^" + p.bits() + "). Check that 32-bit platforms get 32-bit"
                + " hashes");
          }
          ones |= v;
          zeros |= ~v;
        }
      }
      long unused = (~ones | ~zeros) & mask;
      if (unused != 0) {
        throw new AssertionError("hash bits 0x" + Long.toHexString(unused) + where(p)
            + " never change over 2560 hashes. Check that the hash fills the platform's word"
            + " (the engine takes the bucket from the low bits and tophash from the top byte)");
      }
    });
  }

  private void seedMatters(long seed) throws Exception {
    forEach(seed, (p, h, r) -> {
      for (int bit = 0; bit < 32; bit++) {
        Avalanche a = new Avalanche("seed bit " + bit + where(p), h.bits());
        for (int i = 0; i < 64; i++) {
          long s = r.nextLong() & 0xFFFFFFFFL;
          long s2 = s ^ (1L << bit);
          byte[] data = random(r, i % 33);
          a.add(h.memhash(data, 0, data.length, s), h.memhash(data, 0, data.length, s2));
          int v = r.nextInt();
          a.add(h.memhash32(v, s), h.memhash32(v, s2));
          long w = r.nextLong();
          a.add(h.memhash64(w, s), h.memhash64(w, s2));
        }
        a.check("the seed (a map's hash0) enters the hash of every input and every length,"
            + " also 0, and is mixed well", avalancheTolerance());
      }
    });
  }

  private void bytesMatter(long seed) throws Exception {
    forEach(seed, (p, h, r) -> {
      double tol = Math.max(avalancheTolerance(), 0.25);
      Avalanche all = new Avalanche("an input bit", h.bits());
      for (int len = 1; len <= MAX_LENGTH; len = len < 96 ? len + 1 : len + 37) {
        List<Integer> positions = new ArrayList<>();
        if (len <= 96) {
          for (int i = 0; i < len; i++) {
            positions.add(i);
          }
        } else {
          positions.addAll(List.of(0, len / 2, len - 8, len - 1));
          for (int i = 0; i < 4; i++) {
            positions.add(r.nextInt(len));
          }
        }
        for (int pos : positions) {
          Avalanche a = new Avalanche("byte " + pos + " of a " + len + "-byte input" + where(p),
              h.bits());
          for (int i = 0; i < 16; i++) {
            byte[] data = random(r, len);
            long s = r.nextLong() & 0xFFFFFFFFL;
            long before = h.memhash(data, 0, len, s);
            data[pos] ^= (byte) (1 << r.nextInt(8));
            long after = h.memhash(data, 0, len, s);
            a.add(before, after);
            all.add(before, after);
          }
          a.check("memhash reads every byte of its range, the last one included", tol);
        }
      }
      all.check("memhash mixes every input byte well", avalancheTolerance());
      for (int bit = 0; bit < 64; bit++) {
        Avalanche a64 = new Avalanche("bit " + bit + " of a memhash64 value" + where(p), h.bits());
        Avalanche a32 = new Avalanche("bit " + bit + " of a memhash32 value" + where(p), h.bits());
        for (int i = 0; i < 32; i++) {
          long s = r.nextLong() & 0xFFFFFFFFL;
          long v = r.nextLong();
          a64.add(h.memhash64(v, s), h.memhash64(v ^ (1L << bit), s));
          if (bit < 32) {
            a32.add(h.memhash32((int) v, s), h.memhash32((int) v ^ (1 << bit), s));
          }
        }
        a64.check("memhash64 reads all 8 bytes of the value", tol);
        if (bit < 32) {
          a32.check("memhash32 reads all 4 bytes of the value", tol);
        }
      }
    });
  }

  private void lengths(long seed) throws Exception {
    forEach(seed, (p, h, r) -> {
      byte[] zeros = new byte[MAX_LENGTH];
      Set<Long> byLength = new HashSet<>();
      int collisions = 0;
      long s0 = r.nextLong() & 0xFFFFFFFFL;
      for (int len = 0; len <= MAX_LENGTH; len++) {
        if (!byLength.add(h.memhash(zeros, 0, len, s0))) {
          collisions++;
        }
        for (int off = 0; off < 8; off++) {
          byte[] big = random(r, off + len + 16);
          byte[] copy = Arrays.copyOfRange(big, off, off + len);
          long s = r.nextLong() & 0xFFFFFFFFL;
          long expected = h.memhash(copy, 0, len, s);
          long got = h.memhash(big, off, len, s);
          if (got != expected) {
            throw new AssertionError("memhash of " + len + " bytes at offset " + off + where(p)
                + " differs from memhash of the same bytes copied to offset 0. Check unaligned"
                + " reads: the offset must not change the hash");
          }
          for (int i = 0; i < off; i++) {
            big[i] ^= (byte) 0xA5;
          }
          for (int i = off + len; i < big.length; i++) {
            big[i] ^= (byte) 0x5A;
          }
          if (h.memhash(big, off, len, s) != expected) {
            throw new AssertionError("memhash of " + len + " bytes at offset " + off + where(p)
                + " changed when only the bytes outside its range changed. Check that reads"
                + " stop at offset + length, also in the tail handling");
          }
        }
      }
      if (collisions > (h.bits() == 32 ? 1 : 0)) {
        throw new AssertionError(collisions + " of the lengths 1 to " + MAX_LENGTH + " of zero"
            + " bytes hash like a shorter one" + where(p) + ". Check that the length enters the"
            + " hash");
      }
    });
  }

  private static byte[] bytes(Platform p, long value, int n) {
    ByteBuffer b = ByteBuffer.allocate(8).order(p.byteOrder());
    if (n == 4) {
      b.putInt((int) value);
    } else {
      b.putLong(value);
    }
    return Arrays.copyOf(b.array(), n);
  }

  private void entryPoints(long seed) throws Exception {
    forEach(seed, (p, h, r) -> {
      for (String str : new String[] {"", "a", "go", "gomap4j", "grüße, 世界", "x".repeat(300)}) {
        byte[] utf8 = str.getBytes(StandardCharsets.UTF_8);
        long s = r.nextLong() & 0xFFFFFFFFL;
        if (h.strhash(utf8, s) != h.memhash(utf8, 0, utf8.length, s)) {
          throw new AssertionError("strhash(\"" + str + "\") differs from memhash over its UTF-8"
              + " bytes" + where(p) + ". Check strhash: Go hashes a string as its bytes");
        }
      }
      for (int i = 0; i < 2000; i++) {
        long s = r.nextLong() & 0xFFFFFFFFL;
        float f = Float.intBitsToFloat(r.nextInt());
        double d = Double.longBitsToDouble(r.nextLong());
        if (f != 0 && !Float.isNaN(f)) {
          byte[] mem = bytes(p, Float.floatToRawIntBits(f), 4);
          if (h.f32hash(f, s) != h.memhash(mem, 0, 4, s)) {
            throw new AssertionError("f32hash(" + f + ") differs from memhash over the float's 4"
                + " bytes" + where(p) + ". Check f32hash's ordinary case and the byte order");
          }
        }
        if (d != 0 && !Double.isNaN(d)) {
          byte[] mem = bytes(p, Double.doubleToRawLongBits(d), 8);
          if (h.f64hash(d, s) != h.memhash(mem, 0, 8, s)) {
            throw new AssertionError("f64hash(" + d + ") differs from memhash over the double's 8"
                + " bytes" + where(p) + ". Check f64hash's ordinary case and the byte order");
          }
        }
      }
      long s = r.nextLong() & 0xFFFFFFFFL;
      if (h.f32hash(0.0f, s) != h.f32hash(-0.0f, s) || h.f64hash(0.0, s) != h.f64hash(-0.0, s)) {
        throw new AssertionError("+0 and -0 hash differently" + where(p) + ". Check the zero case"
            + " of f32hash and f64hash: Go's +0 == -0, so they must hash alike");
      }
      Set<Long> nan32 = new HashSet<>();
      Set<Long> nan64 = new HashSet<>();
      for (int i = 0; i < 16; i++) {
        nan32.add(h.f32hash(Float.NaN, s));
        nan64.add(h.f64hash(Double.NaN, s));
      }
      if (nan32.size() < 2 || nan64.size() < 2) {
        throw new AssertionError("16 hashes of NaN with one seed" + where(p) + " were all equal."
            + " Check the NaN case: Go hashes each NaN to a random value, so NaN keys spread");
      }
    });
  }

  private static double chiSquare(long[] counts, long total) {
    double expected = total / (double) counts.length;
    double chi = 0;
    for (long c : counts) {
      chi += (c - expected) * (c - expected) / expected;
    }
    return chi;
  }

  private static void spread(String keys, Platform p, int n, ToLongFunction<Integer> hash,
      int bits, boolean topByte) {
    int buckets = 1024;
    long[] low = new long[buckets];
    long[] top = new long[256];
    for (int i = 0; i < n; i++) {
      long v = hash.applyAsLong(i);
      low[(int) (v & (buckets - 1))]++;
      top[(int) (v >>> (bits - 8)) & 0xFF]++;
    }
    verdict(keys, p, "bucket (low 10 bits)", low, n);
    if (topByte) {
      verdict(keys, p, "top byte (tophash)", top, n);
    }
  }

  private static void verdict(String keys, Platform p, String what, long[] counts, long n) {
    double chi = chiSquare(counts, n);
    int df = counts.length - 1;
    double limit = df + CHI_SQUARE_SIGMAS * Math.sqrt(2.0 * df);
    if (chi > limit) {
      throw new AssertionError(String.format("%s: chi-square of the %s is %.0f over %d keys, above"
          + " %.0f (%d degrees of freedom)%s. Check that the hash's low and high bits depend on"
          + " every input bit", keys, what, chi, n, limit, df, where(p)));
    }
  }

  private void sequentialDistribution(long seed) throws Exception {
    forEach(seed, (p, h, r) -> {
      int n = 1024 * 16;
      long s = r.nextLong() & 0xFFFFFFFFL;
      int bits = h.bits();
      spread("sequential int64 keys", p, n, i -> h.memhash64(i, s), bits, true);
      spread("sequential int32 keys", p, n, i -> h.memhash32(i, s), bits, true);
      spread("sequential 8-byte keys via memhash", p, n,
          i -> h.memhash(bytes(p, i, 8), 0, 8, s), bits, true);
      spread("sequential int64 keys with seeds 0 to n", p, n, i -> h.memhash64(7, i), bits, true);
    });
  }

  private void structuredDistribution(long seed) throws Exception {
    forEach(seed, (p, h, r) -> {
      int n = 1024 * 16;
      long s = r.nextLong() & 0xFFFFFFFFL;
      int bits = h.bits();
      spread("strings user:000000 to user:016383", p, n,
          i -> h.strhash(String.format("user:%06d", i).getBytes(StandardCharsets.UTF_8), s), bits,
          true);
      spread("strings sharing a 40-byte prefix", p, n,
          i -> h.strhash(("/var/lib/gomap4j/data/shared/prefix/path/" + i)
              .getBytes(StandardCharsets.UTF_8), s), bits, true);
      spread("multiples of 2^20", p, n, i -> h.memhash64((long) i << 20, s), bits, true);
      spread("int64 values with one or two bits set", p, 64 * 63 / 2 + 64,
          i -> h.memhash64(i < 64 ? 1L << i : pair(i - 64), s), bits, false);
      spread("pairs of int32 (i/128, i%128) as 8 bytes", p, n,
          i -> h.memhash64(((long) (i / 128) << 32) | (i % 128), s), bits, true);
      spread("float64 values i/4", p, n, i -> h.f64hash(i / 4.0, s), bits, true);
    });
  }

  /** The k-th value with two distinct bits set. */
  private static long pair(int k) {
    for (int a = 0; a < 64; a++) {
      for (int b = a + 1; b < 64; b++) {
        if (k-- == 0) {
          return (1L << a) | (1L << b);
        }
      }
    }
    throw new IllegalArgumentException();
  }

  /** The hasher's entry points, in the order of {@link #everyPath}. */
  private static final String[] PATHS = {
    "memhash", "strhash", "memhash32", "memhash64", "f32hash", "f64hash"
  };

  /** Input {@code i}'s hash through every entry point; the floats are never NaN. */
  private static long[] everyPath(Hasher h, byte[] input, int i, long seed) {
    return new long[] {
      h.memhash(input, 0, input.length, seed),
      h.strhash(input, seed),
      h.memhash32(i * 0x9E3779B9, seed),
      h.memhash64(i * 31L, seed),
      h.f32hash(i * 0.75f - 100, seed),
      h.f64hash(i * 1.5e-3 - 1, seed)
    };
  }

  private void threadSafety(long seed) throws Exception {
    forEach(seed, (p, h, r) -> {
      int n = 3000;
      byte[][] inputs = new byte[n][];
      long[] seeds = new long[n];
      long[][] expected = new long[n][];
      for (int i = 0; i < n; i++) {
        inputs[i] = random(r, r.nextInt(64));
        seeds[i] = r.nextLong() & 0xFFFFFFFFL;
        expected[i] = everyPath(h, inputs[i], i, seeds[i]);
      }
      AtomicReference<String> wrong = new AtomicReference<>();
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int start = t * 97;
        Thread th = new Thread(() -> {
          try {
            for (int round = 0; round < 20 && wrong.get() == null; round++) {
              for (int k = 0; k < n; k++) {
                int i = (start + k) % n;
                long[] got = everyPath(h, inputs[i], i, seeds[i]);
                int path = Arrays.mismatch(got, expected[i]);
                if (path >= 0) {
                  wrong.compareAndSet(null, PATHS[path] + " of input " + i + " hashed"
                      + " differently on thread " + Thread.currentThread().getName());
                }
              }
            }
          } catch (Throwable e) {
            thrown.compareAndSet(null, e);
            wrong.compareAndSet(null, "the hasher threw " + e + " on thread "
                + Thread.currentThread().getName());
          }
        }, "hash-kit-" + t);
        threads.add(th);
        th.start();
      }
      for (Thread th : threads) {
        th.join();
      }
      if (wrong.get() != null) {
        throw new AssertionError(wrong.get() + where(p) + " while 4 threads shared the hasher."
            + " Check for mutable fields or shared buffers in the hasher, and for calls it refuses"
            + " off the thread that created it: it must be thread-safe", thrown.get());
      }
    });
  }

  private void unsupported(long seed) {
    HashProvider provider = createHashProvider();
    KeyMaterial km = KeyMaterial.random(new Random(seed));
    List<Platform> refused = GoArch.all().stream().filter(p -> !provider.supports(p)).toList();
    if (refused.isEmpty()) {
      throw new TckCheck.CheckSkipped(provider.name() + " supports every Go 1.19 GOARCH");
    }
    for (Platform p : refused) {
      try {
        provider.create(p, km);
      } catch (IllegalArgumentException expected) {
        continue;
      }
      throw new AssertionError("create(" + p + ") returned a hasher although supports() is false."
          + " Check create(): it must throw IllegalArgumentException for an unsupported"
          + " platform, naming the supported ones (" + provider.supportedPlatforms() + ")");
    }
  }
}
