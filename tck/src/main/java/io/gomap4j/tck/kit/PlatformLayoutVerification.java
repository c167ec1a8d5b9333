package io.gomap4j.tck.kit;

import io.gomap4j.api.GoType;
import io.gomap4j.api.internal.Printable;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.spi.StructLayout;
import io.gomap4j.spi.TypeLayout;
import io.gomap4j.tck.TckCheck;
import io.gomap4j.tck.vectors.LayoutVectors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;

/**
 * The kit for a {@link PlatformLayout} plugin. Subclass it in a test and implement
 * {@link #createPlatformLayout()}.
 *
 * <p>The checks lay out {@link #types()} and every map of two of them, and judge the results
 * against the gc compiler's rules derived from the layout's own {@link Platform}: the sizes a
 * pointer size implies, the alignment of 8-byte scalars to the register size, Go's bucket shape
 * and its 128-byte indirection rule. A layout named after a Go 1.19 GOARCH must also have that
 * GOARCH's platform and agree with every bucket layout Go recorded for it.
 *
 * <p>A layout must also refuse what Go's compiler refuses, with an {@link
 * IllegalArgumentException} that names the type: a map key type that is not comparable
 * ({@code layout.key.comparable}), and a type whose size passes 2^63-1 bytes, which no
 * {@code long} holds ({@code layout.size.overflow}). {@link io.gomap4j.spi.GcPlatformLayout} does
 * both; a layout written without it must check them itself.
 */
public abstract class PlatformLayoutVerification extends Verification {

  private static final List<String> DEFAULT_TYPES = List.of(
      "bool", "int8", "int16", "int32", "int64", "int", "uint8", "uint16", "uint32", "uint64",
      "uint", "uintptr", "float32", "float64", "complex64", "complex128", "string",
      "unsafe.Pointer", "*int64", "[]int", "interface{}", "map[int]int", "chan int", "func()",
      "[0]int64", "[3]byte", "[16]byte", "[128]byte", "[129]byte", "[16]int64", "[17]int64",
      "struct{}", "struct{a int8; b int64}", "struct{a int32; b int64; c int8}",
      "struct{a int64; b [0]int8}", "struct{a int8; b complex128}",
      "struct{a [3]byte; b float64; c int16}", "[4]struct{a int8; b int64}",
      "struct{a string; b [15]int64}", "struct{a int32; b [31]int32}");

  /**
   * go-map-spec 2.5's measured buckets, as {@code key | elem | amd64 | 386}, each side {@code size}
   * or {@code keysize elemsize keys@ elems@ overflow@ size}; every 64-bit GOARCH agrees with amd64
   * and every 32-bit one with 386.
   */
  private static final List<String> SPEC_EXAMPLES = List.of(
      "int64 | int64 | 8 8 8 72 136 144 | 8 8 8 72 136 140",
      "int32 | int8 | 4 1 8 40 48 56 | 4 1 8 40 48 52",
      "string | int | 16 8 8 136 200 208 | 8 4 8 72 104 108",
      "int64 | string | 8 16 8 72 200 208 | 8 8 8 72 136 140",
      "[200]byte | int | 8 8 8 72 136 144 | 4 4 8 40 72 76",
      "int64 | int8 | 88 | 84",
      "int8 | struct{} | 24 | 20",
      "[128]byte | int | 1104 | 1068",
      "[129]byte | int | 144 | 76",
      "int64 | [200]byte | 144 | 108",
      "float64 | int | 144 | 108",
      "interface{} | int | 208 | 108",
      "struct{a int8; b int64} | bool | 152 | 116");

  /**
   * Key types Go's compiler refuses ("invalid map key type"): not comparable, or holding a type
   * that is not.
   */
  private static final List<String> NON_COMPARABLE_KEYS = List.of(
      "[]int", "map[int]int", "func()", "[2]func()", "[0]map[string]int",
      "struct{a int64; b []byte}", "struct{a [1]struct{b map[int]bool}}");

  /**
   * Types whose size passes 2^63-1 bytes, so no {@code long} holds it; in plain {@code long}
   * arithmetic each wraps: to a positive size (an array of int64, three struct fields), to 0 (an
   * array of arrays) or below 0 (a struct field aligned past 2^63-1).
   */
  private static final List<String> OVERSIZED_TYPES = List.of(
      "[3074457345618258603]int64", "[4][4611686018427387904]byte",
      "struct{a [9223372036854775807]byte; b int64}",
      "struct{a [6917529027641081856]byte; b [6917529027641081856]byte;"
          + " c [6917529027641081856]byte}");

  /** The plugin under test; called once per check, so return a fresh or an immutable instance. */
  protected abstract PlatformLayout createPlatformLayout();

  /**
   * The kit for each of several layouts, one JUnit container per layout named by it: for a module
   * that ships more than one. Return it from a {@code @TestFactory} method.
   */
  public static Stream<DynamicContainer> forEach(Collection<? extends PlatformLayout> layouts) {
    return layouts.stream().map(layout -> {
      PlatformLayoutVerification kit = new PlatformLayoutVerification() {
        @Override
        protected PlatformLayout createPlatformLayout() {
          return layout;
        }
      };
      return DynamicContainer.dynamicContainer(Printable.of(layout.name()), kit.verify());
    });
  }

  /**
   * The types laid out, alone and as every key and elem pair (each comparable one as a key):
   * scalars, pointer-shaped types, arrays and structs on both sides of the 128-byte line. Those
   * that are not comparable are also keys {@code layout.key.comparable} expects refused. Override
   * to add the author's own.
   */
  protected List<GoType> types() {
    return DEFAULT_TYPES.stream().map(GoType::parse).toList();
  }

  @Override
  public String subject() {
    return "layout " + createPlatformLayout().name();
  }

  @Override
  public List<KitCheck> checks() {
    return List.of(
        KitCheck.of("layout.identity",
            "the layout has a non-blank name, reports SPI version " + PlatformLayout.SPI_VERSION
                + " and one platform",
            this::identity),
        KitCheck.of("layout.name", NAME_CONTRACT,
            seed -> assertName(createPlatformLayout().name())),
        KitCheck.of("layout.name.unique", NAME_UNIQUE_CONTRACT, seed -> {
          PlatformLayout plugin = createPlatformLayout();
          assertUnique(PluginKind.LAYOUT, plugin, plugin.name());
        }),
        KitCheck.of("layout.platform.goarch",
            "a layout named after a Go 1.19 GOARCH has that GOARCH's pointer size, register size"
                + " and byte order",
            this::goarchPlatform),
        KitCheck.of("layout.types.sizes",
            "pointers, maps, chans, funcs and uintptr take one pointer, strings and interfaces two,"
                + " slices three; scalars their natural size; arrays n elements; a struct its"
                + " fields, padded to a multiple of its alignment",
            this::typeSizes),
        KitCheck.of("layout.types.aligned",
            "every alignment is a power of two, 8-byte scalars align to the register size and"
                + " pointer-shaped types to the pointer size, and every struct field lands at an"
                + " offset aligned for its type",
            this::typeAlignment),
        KitCheck.of("layout.size.overflow",
            "typeLayout and bucketLayout refuse a type larger than 2^63-1 bytes with an"
                + " IllegalArgumentException naming it or the part of it that is too large, never"
                + " giving it a size that wrapped",
            this::sizeOverflow),
        KitCheck.of("layout.bucket.overlap",
            "a bucket is tophash [8]uint8 at 0, then 8 key slots, 8 elem slots and the overflow"
                + " pointer as its last word, none overlapping another",
            this::bucketOverlap),
        KitCheck.of("layout.bucket.aligned",
            "every key slot, elem slot and the overflow pointer of a bucket is aligned for its"
                + " type, and the bucket size is a multiple of the bucket alignment",
            this::bucketAlignment),
        KitCheck.of("layout.bucket.indirect",
            "a key or elem larger than 128 bytes is stored through a pointer-sized slot, one of"
                + " 128 bytes or less inline in a slot of its size",
            this::bucketIndirection),
        KitCheck.of("layout.key.comparable",
            "bucketLayout refuses a key type that is not comparable (a slice, map or func, or an"
                + " array or struct holding one) with an IllegalArgumentException naming it, as"
                + " Go's compiler refuses it (invalid map key type)",
            this::keyComparable),
        KitCheck.of("layout.runtime.structs",
            "hmap, mapextra and hiter have Go's fields in Go's order, aligned and not"
                + " overlapping, and are 6 (64-bit) or 7 (32-bit) words, 3 words and 12 words",
            this::runtimeStructs),
        KitCheck.of("layout.go.vectors",
            "a layout named after a Go 1.19 GOARCH agrees field by field with every bucket layout"
                + " Go 1.19 recorded for that GOARCH or its word size, and with go-map-spec 2.5's"
                + " measured examples",
            this::goVectors),
        KitCheck.of("layout.maxalloc",
            "maxAlloc is at least 1 and, with 4-byte pointers, at most 2^32-1; a layout named"
                + " after a Go 1.19 GOARCH keeps the size hints Go 1.19's makemap keeps there"
                + " (hint * bucket size up to maxAlloc), for every bucket size",
            this::maxAlloc),
        KitCheck.of("layout.nulls",
            "typeLayout and bucketLayout refuse a null type with a NullPointerException naming"
                + " the argument",
            this::nulls));
  }

  // ---- the gc rules, from the platform alone ----------------------------------------------------

  /** The alignment Go's gc compiler gives {@code t} on {@code p}. */
  static int goAlign(GoType t, Platform p) {
    if (t instanceof GoType.Basic) {
      switch (((GoType.Basic) t).kind()) {
        case BOOL:
        case INT8:
        case UINT8:
          return 1;
        case INT16:
        case UINT16:
          return 2;
        case INT32:
        case UINT32:
        case FLOAT32:
        case COMPLEX64:
          return 4;
        case INT64:
        case UINT64:
        case FLOAT64:
        case COMPLEX128:
          return p.regSize();
        default:
          return p.ptrSize();
      }
    }
    if (t instanceof GoType.Array) {
      return goAlign(((GoType.Array) t).elem(), p);
    }
    if (t instanceof GoType.Struct) {
      int a = 1;
      for (GoType.Field f : ((GoType.Struct) t).fields()) {
        a = Math.max(a, goAlign(f.type(), p));
      }
      return a;
    }
    return p.ptrSize();
  }

  /** The size the pointer size implies for a non-struct {@code t}, or -1 for a struct. */
  private static long impliedSize(GoType t, Platform p, PlatformLayout layout) {
    int ptr = p.ptrSize();
    if (t instanceof GoType.Basic) {
      switch (((GoType.Basic) t).kind()) {
        case BOOL:
        case INT8:
        case UINT8:
          return 1;
        case INT16:
        case UINT16:
          return 2;
        case INT32:
        case UINT32:
        case FLOAT32:
          return 4;
        case INT64:
        case UINT64:
        case FLOAT64:
        case COMPLEX64:
          return 8;
        case COMPLEX128:
          return 16;
        case STRING:
          return 2L * ptr;
        default:
          return ptr;
      }
    }
    if (t instanceof GoType.Array) {
      GoType.Array a = (GoType.Array) t;
      return a.length() * layout.typeLayout(a.elem()).size();
    }
    if (t instanceof GoType.Interface) {
      return 2L * ptr;
    }
    if (t instanceof GoType.Slice) {
      return 3L * ptr;
    }
    if (t instanceof GoType.Struct) {
      return -1;
    }
    return ptr;
  }

  private static String kind(GoType t) {
    return t.abbreviated();
  }

  private List<BucketLayout> buckets(PlatformLayout layout) {
    List<BucketLayout> out = new ArrayList<>();
    for (GoType k : types()) {
      if (!k.isComparable()) {
        continue;
      }
      for (GoType e : types()) {
        try {
          out.add(layout.bucketLayout(k, e));
        } catch (IllegalArgumentException refused) {
          throw new AssertionError("bucketLayout refused map[" + k.abbreviated() + "]"
              + e.abbreviated() + ", which Go builds: " + refused.getMessage()
              + ". Check bucketLayout's rules for these types", refused);
        }
      }
    }
    return out;
  }

  private static String map(BucketLayout b) {
    return "map[" + b.key().abbreviated() + "]" + b.elem().abbreviated();
  }

  // ---- checks -----------------------------------------------------------------------------------

  private void identity(long seed) {
    PlatformLayout layout = createPlatformLayout();
    if (layout.name() == null || layout.name().isBlank()) {
      throw new AssertionError("name() is blank. Check name(): users select the layout by it");
    }
    if (layout.spiVersion() != PlatformLayout.SPI_VERSION) {
      throw new AssertionError("spiVersion() is " + layout.spiVersion() + ", this engine speaks "
          + PlatformLayout.SPI_VERSION + ". Check spiVersion(): return SPI_VERSION");
    }
    Platform p = layout.platform();
    if (p == null || !p.equals(layout.platform())) {
      throw new AssertionError("platform() is null or changes between calls. Check platform()");
    }
  }

  private void goarchPlatform(long seed) {
    PlatformLayout layout = createPlatformLayout();
    Optional<Platform> go = GoArch.of(layout.name());
    if (go.isEmpty()) {
      throw new TckCheck.CheckSkipped("'" + layout.name() + "' is not a Go 1.19 GOARCH");
    }
    if (!go.get().equals(layout.platform())) {
      throw new AssertionError("layout " + layout.name() + " has platform " + layout.platform()
          + " with register size " + layout.platform().regSize() + ", but Go's " + layout.name()
          + " is " + go.get() + " with register size " + go.get().regSize()
          + ". Check the Platform the layout is built on, or rename a layout that is not "
          + layout.name());
    }
  }

  private void typeSizes(long seed) {
    PlatformLayout layout = createPlatformLayout();
    Platform p = layout.platform();
    for (GoType t : types()) {
      TypeLayout got = layout.typeLayout(t);
      long implied = impliedSize(t, p, layout);
      if (implied >= 0 && got.size() != implied) {
        throw new AssertionError("typeLayout(" + kind(t) + ").size is " + got.size() + " with "
            + p.ptrSize() + "-byte pointers; Go's size is " + implied + ". Check the size rule"
            + " for this kind of type");
      }
      if (t instanceof GoType.Struct) {
        long sum = 0;
        for (GoType.Field f : ((GoType.Struct) t).fields()) {
          sum += layout.typeLayout(f.type()).size();
        }
        if (got.size() < sum || got.size() % got.align() != 0) {
          throw new AssertionError("typeLayout(" + kind(t) + ") is " + got.size() + " bytes with"
              + " alignment " + got.align() + ", its fields take " + sum + ". Check that a struct"
              + " holds its fields and rounds its size up to its alignment");
        }
      }
    }
  }

  private void typeAlignment(long seed) {
    PlatformLayout layout = createPlatformLayout();
    Platform p = layout.platform();
    for (GoType t : types()) {
      TypeLayout got = layout.typeLayout(t);
      int want = goAlign(t, p);
      if (got.align() != want) {
        throw new AssertionError("typeLayout(" + kind(t) + ").align is " + got.align() + " on "
            + p + " (register size " + p.regSize() + ", pointer size " + p.ptrSize()
            + "); Go aligns it to " + want + ". Check the alignment of "
            + (want == p.regSize() && !(t instanceof GoType.Struct) ? "8-byte scalars (the"
                + " register size)" : "this kind of type"));
      }
      if (t instanceof GoType.Struct) {
        List<StructLayout.Member> members = new ArrayList<>();
        for (GoType.Field f : ((GoType.Struct) t).fields()) {
          members.add(StructLayout.Member.of(f.name(), f.type()));
        }
        StructLayout s = StructLayout.of(kind(t), members, layout::typeLayout);
        checkFields(s, p, ((GoType.Struct) t).fields().stream().map(GoType.Field::type).toList(),
            "struct " + kind(t));
      }
    }
  }

  /** The declared fields of {@code s} are aligned per the gc rules and do not overlap. */
  private static void checkFields(StructLayout s, Platform p, List<GoType> types, String what) {
    List<StructLayout.Field> fields = s.declaredFields();
    long end = 0;
    for (int i = 0; i < fields.size(); i++) {
      StructLayout.Field f = fields.get(i);
      int want = goAlign(types.get(i), p);
      if (f.offset() % want != 0) {
        throw new AssertionError("field " + f.name() + " " + f.goType() + " of " + what
            + " is at offset " + f.offset() + ", not a multiple of " + want + " (Go's alignment of"
            + " the type on " + p + "). Check the alignment typeLayout gives "
            + types.get(i).abbreviated());
      }
      if (f.offset() < end) {
        throw new AssertionError("field " + f.name() + " of " + what + " at offset "
            + f.offset() + " overlaps the previous field, which ends at " + end
            + ". Check the sizes typeLayout gives");
      }
      end = f.end();
    }
    if (end > s.size()) {
      throw new AssertionError(what + " is " + s.size() + " bytes but its fields end at " + end
          + ". Check the struct size rule");
    }
  }

  private void bucketOverlap(long seed) {
    PlatformLayout layout = createPlatformLayout();
    int ptr = layout.platform().ptrSize();
    for (BucketLayout b : buckets(layout)) {
      String m = map(b) + " on " + layout.platform();
      long keysEnd = b.keysOffset() + 8L * b.keySlotSize();
      long elemsEnd = b.elemsOffset() + 8L * b.elemSlotSize();
      String regions = " (tophash 0..8, keys " + b.keysOffset() + ".." + keysEnd + ", elems "
          + b.elemsOffset() + ".." + elemsEnd + ", overflow " + b.overflowOffset() + ".."
          + (b.overflowOffset() + b.overflowSize()) + ", bucket " + b.bucketSize() + " bytes)";
      long keySize = b.indirectKey() ? ptr : b.keyType().size();
      long elemSize = b.indirectElem() ? ptr : b.elemType().size();
      if (b.keySlotSize() < keySize || b.elemSlotSize() < elemSize) {
        throw new AssertionError(m + ": a key slot of " + b.keySlotSize() + " bytes or an elem"
            + " slot of " + b.elemSlotSize() + " bytes is smaller than what it holds (" + keySize
            + ", " + elemSize + "), so slots overlap" + regions + ". Check the slot sizes");
      }
      if (b.keysOffset() != BucketLayout.BUCKET_SLOTS) {
        throw new AssertionError(m + ": keys start at " + b.keysOffset() + ", Go's dataOffset is"
            + " 8, right after tophash" + regions + ". Check keysOffset");
      }
      if (b.elemsOffset() < keysEnd || b.overflowOffset() < elemsEnd) {
        throw new AssertionError(m + ": slots overlap" + regions + ". Check that elems start"
            + " after the 8th key slot and overflow after the 8th elem slot");
      }
      if (b.overflowSize() != ptr || b.overflowOffset() + ptr != b.bucketSize()) {
        throw new AssertionError(m + ": the overflow pointer must be the bucket's last "
            + ptr + "-byte word" + regions + ". Check overflowOffset, overflowSize and"
            + " bucketSize (Go: \"bad offset of overflow in bmap\")");
      }
    }
  }

  private void bucketAlignment(long seed) {
    PlatformLayout layout = createPlatformLayout();
    Platform p = layout.platform();
    int ptr = p.ptrSize();
    for (BucketLayout b : buckets(layout)) {
      String m = map(b) + " on " + p;
      int keyAlign = b.indirectKey() ? ptr : goAlign(b.key(), p);
      int elemAlign = b.indirectElem() ? ptr : goAlign(b.elem(), p);
      for (int i = 0; i < BucketLayout.BUCKET_SLOTS; i++) {
        if (b.keyOffset(i) % keyAlign != 0) {
          throw new AssertionError(m + ": key slot " + i + " is at offset " + b.keyOffset(i)
              + ", not a multiple of " + keyAlign + ", the key's alignment. Check the key slot"
              + " size (" + b.keySlotSize() + ") and keysOffset, and the key type's alignment");
        }
        if (b.elemOffset(i) % elemAlign != 0) {
          throw new AssertionError(m + ": elem slot " + i + " is at offset " + b.elemOffset(i)
              + ", not a multiple of " + elemAlign + ", the elem's alignment. Check the elem"
              + " slot size (" + b.elemSlotSize() + ") and elemsOffset");
        }
      }
      if (b.overflowOffset() % ptr != 0) {
        throw new AssertionError(m + ": the overflow pointer is at offset " + b.overflowOffset()
            + ", not a multiple of the pointer size " + ptr + ". Check overflowOffset");
      }
      int need = Math.max(ptr, Math.max(keyAlign, elemAlign));
      if (b.bucketAlign() < need || b.bucketSize() % b.bucketAlign() != 0) {
        throw new AssertionError(m + ": the bucket aligns to " + b.bucketAlign() + " with size "
            + b.bucketSize() + "; it must align to at least " + need + " and its size be a"
            + " multiple of its alignment, so that bucket arrays keep every slot aligned."
            + " Check bucketAlign and bucketSize");
      }
    }
  }

  private void bucketIndirection(long seed) {
    PlatformLayout layout = createPlatformLayout();
    int ptr = layout.platform().ptrSize();
    for (BucketLayout b : buckets(layout)) {
      String m = map(b) + " on " + layout.platform();
      TypeLayout k = layout.typeLayout(b.key());
      TypeLayout e = layout.typeLayout(b.elem());
      if (!k.equals(b.keyType()) || !e.equals(b.elemType())) {
        throw new AssertionError(m + ": the bucket's key or elem type layout (" + b.keyType()
            + ", " + b.elemType() + ") differs from typeLayout's (" + k + ", " + e + ")."
            + " Check that bucketLayout uses typeLayout");
      }
      boolean bigKey = k.size() > BucketLayout.MAX_INLINE_SIZE;
      boolean bigElem = e.size() > BucketLayout.MAX_INLINE_SIZE;
      if (b.indirectKey() != bigKey || b.keySlotSize() != (bigKey ? ptr : k.size())) {
        throw new AssertionError(m + ": a " + k.size() + "-byte key has indirectKey="
            + b.indirectKey() + " and a " + b.keySlotSize() + "-byte slot; Go stores keys over"
            + " 128 bytes through a " + ptr + "-byte pointer and others inline. Check the"
            + " 128-byte rule");
      }
      if (b.indirectElem() != bigElem || b.elemSlotSize() != (bigElem ? ptr : e.size())) {
        throw new AssertionError(m + ": a " + e.size() + "-byte elem has indirectElem="
            + b.indirectElem() + " and a " + b.elemSlotSize() + "-byte slot; Go stores elems"
            + " over 128 bytes through a " + ptr + "-byte pointer and others inline. Check the"
            + " 128-byte rule");
      }
    }
  }

  private void sizeOverflow(long seed) {
    PlatformLayout layout = createPlatformLayout();
    for (String syntax : OVERSIZED_TYPES) {
      GoType t = GoType.parse(syntax);
      expectRefused(() -> layout.typeLayout(t), "typeLayout(" + t.abbreviated() + ")", t,
          "a type whose size passes 2^63-1 bytes",
          "Check that sizes and offsets are computed without overflow (Math.multiplyExact,"
              + " Math.addExact) and that a type too large is refused naming it");
      expectRefused(() -> layout.bucketLayout(t, GoType.INT64),
          "bucketLayout(" + t.abbreviated() + ", int64)", t, "a key type whose size passes 2^63-1"
              + " bytes", "Check that bucketLayout lays its key out with typeLayout, which must"
              + " refuse it");
      expectRefused(() -> layout.bucketLayout(GoType.INT64, t),
          "bucketLayout(int64, " + t.abbreviated() + ")", t, "an elem type whose size passes 2^63-1"
              + " bytes", "Check that bucketLayout lays its elem out with typeLayout, which must"
              + " refuse it");
    }
  }

  private void keyComparable(long seed) {
    PlatformLayout layout = createPlatformLayout();
    List<GoType> keys = new ArrayList<>();
    NON_COMPARABLE_KEYS.forEach(k -> keys.add(GoType.parse(k)));
    types().stream().filter(t -> !t.isComparable() && !keys.contains(t)).forEach(keys::add);
    for (GoType key : keys) {
      String call = "bucketLayout(" + key.abbreviated() + ", int64)";
      BucketLayout b;
      try {
        b = layout.bucketLayout(key, GoType.INT64);
      } catch (IllegalArgumentException e) {
        if (e.getMessage() == null || !(e.getMessage().contains(key.abbreviated())
            || e.getMessage().contains(key.goSyntax()))) {
          throw new AssertionError(call + " threw an IllegalArgumentException whose message ("
              + e.getMessage() + ") does not name the key type " + key.abbreviated() + ". Check the"
              + " message: name the key type and say that a map key must be comparable", e);
        }
        continue;
      } catch (RuntimeException e) {
        throw new AssertionError(call + " threw " + e + ", not an IllegalArgumentException."
            + " Check that bucketLayout refuses a key type that is not comparable"
            + " (GoType.isComparable()) with an IllegalArgumentException", e);
      }
      throw new AssertionError(call + " returned a bucket of " + b.bucketSize() + " bytes, but"
          + " map[" + key.abbreviated() + "]int64 is not a Go map type: Go's compiler refuses it"
          + " (invalid map key type " + key.abbreviated() + "), as a key must be comparable. Check"
          + " that bucketLayout refuses a key type for which GoType.isComparable() is false");
    }
  }

  /**
   * Runs {@code call}, which must throw an {@link IllegalArgumentException} whose message names
   * {@code type} or an array or struct type inside it.
   */
  private static void expectRefused(Supplier<?> call, String what, GoType type, String why,
      String advice) {
    Object got;
    try {
      got = call.get();
    } catch (IllegalArgumentException e) {
      List<String> names = composites(type).stream().map(GoType::abbreviated).toList();
      if (e.getMessage() != null && names.stream().anyMatch(e.getMessage()::contains)) {
        return;
      }
      throw new AssertionError(what + " threw an IllegalArgumentException whose message ("
          + e.getMessage() + ") names neither the type nor a part of it (" + String.join(", ",
              names) + "). " + advice, e);
    } catch (RuntimeException e) {
      throw new AssertionError(what + " threw " + e + ", not an IllegalArgumentException, for "
          + why + ". " + advice, e);
    }
    String result = got instanceof TypeLayout t ? "size " + t.size() + ", align " + t.align()
        : got instanceof BucketLayout b ? "a bucket of " + b.bucketSize() + " bytes" : "" + got;
    throw new AssertionError(what + " returned " + result + " for " + why + ", a size that"
        + " wrapped around. " + advice);
  }

  /** {@code t} and every array and struct type inside it, outermost first. */
  private static List<GoType> composites(GoType t) {
    List<GoType> out = new ArrayList<>();
    if (t instanceof GoType.Array a) {
      out.add(t);
      out.addAll(composites(a.elem()));
    } else if (t instanceof GoType.Struct s) {
      out.add(t);
      s.fields().forEach(f -> out.addAll(composites(f.type())));
    }
    return out;
  }

  private void runtimeStructs(long seed) {
    PlatformLayout layout = createPlatformLayout();
    Platform p = layout.platform();
    int ptr = p.ptrSize();
    checkStruct(layout.hmapLayout(), p, ptr == 8 ? 48 : 28, List.of("count", "flags", "B",
        "noverflow", "hash0", "buckets", "oldbuckets", "nevacuate", "extra"));
    checkStruct(layout.mapextraLayout(), p, 3 * ptr, List.of("overflow", "oldoverflow",
        "nextOverflow"));
    checkStruct(layout.hiterLayout(), p, 12 * ptr, List.of("key", "elem", "t", "h", "buckets",
        "bptr", "overflow", "oldoverflow", "startBucket", "offset", "wrapped", "B", "i",
        "bucket", "checkBucket"));
  }

  private static void checkStruct(StructLayout s, Platform p, long size, List<String> names) {
    List<String> got = s.declaredFields().stream().map(StructLayout.Field::name).toList();
    if (!got.equals(names)) {
      throw new AssertionError(s.name() + " has fields " + got + ", Go 1.19's are " + names
          + ". Check the struct's field list");
    }
    if (s.size() != size) {
      throw new AssertionError(s.name() + " is " + s.size() + " bytes on " + p + ", Go 1.19's is "
          + size + ". Check the sizes of int, uintptr and pointers (" + p.ptrSize() + ")");
    }
    long end = 0;
    for (StructLayout.Field f : s.declaredFields()) {
      long align = Math.min(Math.max(f.size(), 1), p.ptrSize());
      if (f.offset() % align != 0 || f.offset() < end) {
        throw new AssertionError(s.name() + "." + f.name() + " is at offset " + f.offset()
            + " (previous field ends at " + end + "); it must not overlap and must be aligned to "
            + align + ". Check typeLayout's alignments");
      }
      end = f.end();
    }
  }

  private void goVectors(long seed) {
    PlatformLayout layout = createPlatformLayout();
    if (GoArch.of(layout.name()).isEmpty()) {
      throw new TckCheck.CheckSkipped("'" + layout.name() + "' is not a Go 1.19 GOARCH, so no"
          + " Go vectors apply");
    }
    List<String> wrong = LayoutVectors.check(layout);
    if (!wrong.isEmpty()) {
      throw new AssertionError(wrong.size() + " of " + LayoutVectors.reference(layout).size()
          + " Go 1.19 bucket layouts differ, first: " + String.join(" | ",
              wrong.subList(0, Math.min(3, wrong.size()))) + ". Check the layout against go"
          + " 1.19's compiler for " + layout.name());
    }
    int side = layout.platform().ptrSize() == 8 ? 2 : 3;
    for (String row : SPEC_EXAMPLES) {
      String[] cols = row.split("\\|");
      String key = cols[0].trim();
      String elem = cols[1].trim();
      String[] want = cols[side].trim().split(" ");
      BucketLayout b = layout.bucketLayout(GoType.parse(key), GoType.parse(elem));
      int[] got = want.length == 1 ? new int[] {b.bucketSize()}
          : new int[] {b.keySlotSize(), b.elemSlotSize(), b.keysOffset(), b.elemsOffset(),
              b.overflowOffset(), b.bucketSize()};
      String gotText = String.join(" ", java.util.Arrays.stream(got).mapToObj(String::valueOf)
          .toList());
      if (!gotText.equals(String.join(" ", want))) {
        throw new AssertionError("map[" + key + "]" + elem + " on " + layout.name() + " is "
            + gotText + ", go-map-spec 2.5 measured " + String.join(" ", want) + (want.length == 1
                ? " (bucket size)" : " (keysize elemsize keys@ elems@ overflow@ bucketsize)")
            + ". Check the layout against go 1.19's compiler");
      }
    }
  }

  private void maxAlloc(long seed) {
    PlatformLayout layout = createPlatformLayout();
    Platform p = layout.platform();
    long got = layout.maxAlloc();
    long most = p.ptrSize() == 4 ? 0xFFFF_FFFFL : Long.MAX_VALUE;
    if (got < 1 || got > most) {
      throw new AssertionError("maxAlloc() is " + got + "; with " + p.ptrSize() + "-byte pointers"
          + " it must be at least 1 and at most " + most + ", as Go's makemap compares a uintptr"
          + " (hint * bucket size) with it. Check maxAlloc()");
    }
    OptionalLong go = GoArch.maxAlloc(layout.name());
    if (go.isEmpty()) {
      return;
    }
    // Go's buckets are 8 + ptrSize + 8n bytes: tophash, then key and elem slots that are 8 times a
    // size, then the overflow pointer; the bucket size is a uint16.
    for (long size = 8 + p.ptrSize(); size <= 0xFFFF; size += 8) {
      if (got / size != go.getAsLong() / size) {
        throw new AssertionError("maxAlloc() is " + got + ", so a map with " + size + "-byte"
            + " buckets keeps size hints up to " + got / size + ", where Go 1.19's makemap on "
            + layout.name() + " keeps hints up to " + go.getAsLong() / size + " (maxAlloc "
            + go.getAsLong() + ") and takes larger ones as 0. Check maxAlloc()");
      }
    }
  }

  private void nulls(long seed) {
    PlatformLayout layout = createPlatformLayout();
    expectNpe(() -> layout.typeLayout(null), "typeLayout(null)", "type");
    expectNpe(() -> layout.bucketLayout(null, GoType.INT64), "bucketLayout(null, int64)", "key");
    expectNpe(() -> layout.bucketLayout(GoType.INT64, null), "bucketLayout(int64, null)", "elem");
  }

  private static void expectNpe(Runnable call, String what, String argument) {
    try {
      call.run();
    } catch (NullPointerException e) {
      if (e.getMessage() == null || !e.getMessage().contains(argument)) {
        throw new AssertionError(what + " threw a NullPointerException whose message ("
            + e.getMessage() + ") does not name '" + argument + "'. Check the argument checks:"
            + " requireNonNull(" + argument + ", \"" + argument + " is null\")");
      }
      return;
    }
    throw new AssertionError(what + " did not throw a NullPointerException. Check the argument"
        + " checks: requireNonNull(" + argument + ", \"" + argument + " is null\")");
  }
}
