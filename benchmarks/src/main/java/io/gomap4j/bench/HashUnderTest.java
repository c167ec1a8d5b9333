package io.gomap4j.bench;

import static java.util.Objects.requireNonNull;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import io.gomap4j.engine.Plugins;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * One hash function under test, reduced to the two calls the benchmarks make. A name starting
 * with {@code hash4j-} is a hash4j function; any other name is a gomap4j hash provider, looked up
 * in {@link Plugins#discovered()}.
 *
 * <p>Every hash is bound to the same fixed inputs: key material {@code KeyMaterial.random(new
 * Random(1))}, the platform {@link #AMD64}, and a 32-bit seed (Go's {@code hash0}) drawn next from
 * the same {@code Random}; the hash4j functions take that seed as theirs.
 */
abstract class HashUnderTest {

  /** The platform every gomap4j hasher is created for. */
  static final Platform AMD64 = new Platform("amd64", 8, 8, ByteOrder.LITTLE_ENDIAN);

  /** The name of the hash the tables compare against. */
  static final String BASELINE = "hash4j-wyhash";

  /** The hashes the benchmarks run by default, in table order. */
  static final String[] DEFAULT_NAMES = {
    "memhash-go119", "aeshash-go119", "hash4j-wyhash", "hash4j-komihash"
  };

  private final String name;

  private HashUnderTest(String name) {
    this.name = name;
  }

  /** The hash's name, as given to {@link #create}. */
  final String name() {
    return name;
  }

  /** The hash of all of {@code data}. */
  abstract long bytes(byte[] data);

  /** The hash of an 8-byte value. */
  abstract long int64(long value);

  /**
   * The hash named {@code name}, bound to the fixed key material, platform and seed.
   *
   * @throws IllegalStateException if no such hash is available, naming the ones that are
   */
  static HashUnderTest create(String name) {
    requireNonNull(name, "name is null");
    Random random = new Random(1);
    KeyMaterial keyMaterial = KeyMaterial.random(random);
    long seed = random.nextInt() & 0xffff_ffffL;
    switch (name) {
      case "hash4j-wyhash":
        return new Hash4j(name, Hashing.wyhashFinal4(seed));
      case "hash4j-komihash":
        return new Hash4j(name, Hashing.komihash5_0(seed));
      default:
        return new Go(name, provider(name).create(AMD64, keyMaterial), seed);
    }
  }

  private static HashProvider provider(String name) {
    try {
      return Plugins.discovered().hash(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "hash '" + name + "' is not available on this class path (" + e.getMessage()
              + "); leave it out with -p hash=<names>, such as -p hash=memhash-go119,"
              + "hash4j-wyhash,hash4j-komihash",
          e);
    }
  }

  /** A gomap4j hasher: {@code memhash} for bytes, {@code memhash64} for 8-byte values. */
  private static final class Go extends HashUnderTest {
    private final Hasher hasher;
    private final long seed;

    Go(String name, Hasher hasher, long seed) {
      super(name);
      this.hasher = hasher;
      this.seed = seed;
    }

    @Override
    long bytes(byte[] data) {
      return hasher.memhash(data, 0, data.length, seed);
    }

    @Override
    long int64(long value) {
      return hasher.memhash64(value, seed);
    }
  }

  /** A hash4j function: {@code hashBytesToLong} for bytes, {@code hashLongToLong} for values. */
  private static final class Hash4j extends HashUnderTest {
    private final Hasher64 hasher;

    Hash4j(String name, Hasher64 hasher) {
      super(name);
      this.hasher = hasher;
    }

    @Override
    long bytes(byte[] data) {
      return hasher.hashBytesToLong(data);
    }

    @Override
    long int64(long value) {
      return hasher.hashLongToLong(value);
    }
  }
}
