package io.gomap4j.api;

import java.util.function.BiConsumer;

/**
 * A Go map for fixed-size key and elem types whose values hold no pointers, such as
 * {@code map[[12]byte][3]uint16} or {@code map[int32]struct{a int32; b int16}}, stored in flat
 * bucket memory laid out as Go's compiler lays out the map on the configured platform.
 *
 * <p>Keys and values are passed as byte arrays of exactly the Go type's size on the platform
 * ({@link #keySize()}, {@link #elemSize()}), holding the value's memory image <b>in the platform's
 * byte order</b>: little-endian on amd64 and 386, big-endian on s390x. A key or value of another
 * length is refused with an {@link IllegalArgumentException} that names the expected size and the Go
 * type, and a null key, value or action with a {@link NullPointerException}; the map is then left
 * unchanged.
 *
 * <p>Keys may be of any comparable Go type without pointers: booleans, integers, floats, complex
 * numbers, and arrays and structs of those, with padding and {@code _} fields. Strings, pointers,
 * chans and interfaces (anywhere in the key) are refused when the map is built. Keys are hashed and
 * compared exactly as Go 1.19 does, which is not always byte equality:
 * <ul>
 *   <li>floats compare as floats: {@code +0} and {@code -0} are one key, and when an entry is
 *       updated the key passed in replaces the stored one (Go's {@code needkeyupdate}), so
 *       iteration returns the last spelling stored; complex numbers compare part by part;</li>
 *   <li>structs compare field by field: padding bytes and {@code _} fields are ignored, so keys that
 *       differ only there are one key, and the stored key keeps the bytes it was first put
 *       with (unless it holds a float, as above); arrays compare element by element;</li>
 *   <li>a key holding a NaN (anywhere outside {@code _} fields) is equal to nothing, itself
 *       included, and hashes to a random value, as in Go: every {@link #put} of it adds a new
 *       entry, {@link #get}, {@link #containsKey} and {@link #remove} never find it, iteration
 *       visits each such entry once (also while the map grows), and only {@link #clear()}
 *       removes them.</li>
 * </ul>
 *
 * <p>Key and elem types of any size up to {@code Integer.MAX_VALUE - 8} bytes (the longest Java
 * byte array, since keys and values are passed as byte arrays) are accepted; a larger one is refused
 * when the map is built. One over 128 bytes is stored as Go's compiler
 * stores it, indirectly: its bucket slot is pointer-sized (4 or 8 bytes, so the bucket has Go's size
 * for the type) and holds a handle to the bytes, which live in a per-map side table; handles of
 * removed entries are reused, and {@link #clear()} empties the table. Hashing, comparison and the
 * rules above apply to the key's bytes, not to the handle, and {@link #stats()} counts the table in
 * {@link MapStats#javaHeapBytes()}.
 *
 * <p>Arrays passed in are copied; arrays returned are fresh copies that the caller owns. Iteration,
 * mutation during iteration and misuse detection follow {@link GoMap}.
 */
public interface BytesGoMap {

  /** The number of entries. */
  int size();

  /** Whether the map has no entries. */
  boolean isEmpty();

  /** The size in bytes of a key: the key type's size on the map's platform. */
  int keySize();

  /** The size in bytes of a value: the elem type's size on the map's platform. */
  int elemSize();

  /** The Go key type. */
  GoType keyType();

  /** The Go elem type. */
  GoType elemType();

  /**
   * A copy of the value for {@code key}, or {@code null} when the key is absent.
   *
   * @throws IllegalArgumentException if {@code key} is not {@link #keySize()} bytes long
   */
  byte[] get(byte[] key);

  /**
   * Whether {@code key} is present.
   *
   * @throws IllegalArgumentException if {@code key} is not {@link #keySize()} bytes long
   */
  boolean containsKey(byte[] key);

  /**
   * Associates a copy of {@code value} with a copy of {@code key}.
   *
   * @return a copy of the previous value, or {@code null} when the key was absent
   * @throws IllegalArgumentException if {@code key} or {@code value} has the wrong length
   */
  byte[] put(byte[] key, byte[] value);

  /**
   * Removes {@code key}.
   *
   * @return a copy of the removed value, or {@code null} when the key was absent
   * @throws IllegalArgumentException if {@code key} is not {@link #keySize()} bytes long
   */
  byte[] remove(byte[] key);

  /** Calls {@code action} with fresh copies of every key and value, in Go's iteration order. */
  void forEach(BiConsumer<byte[], byte[]> action);

  /** Removes every entry. As in Go, the bucket array is kept and B does not shrink. */
  void clear();

  /** The map's internal state. */
  MapStats stats();
}
