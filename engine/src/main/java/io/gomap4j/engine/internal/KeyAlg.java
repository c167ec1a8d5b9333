package io.gomap4j.engine.internal;

import io.gomap4j.api.GoType;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.spi.TypeLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Go 1.19's hash and equality for a fixed-size, pointer-free key type, over the key's memory image
 * in the platform's byte order: the key alg Go's compiler picks (spec 5.1,
 * {@code cmd/compile/internal/types.AlgType}) and, for {@code ASPECIAL} types, the function
 * {@code reflectdata.genhash} generates.
 *
 * <ul>
 *   <li>Plain memory ({@code AMEM}) is hashed whole: {@code memhash0} (the seed) for size 0,
 *       {@code memhash32} for 4 bytes, {@code memhash64} for 8, {@code memhash(p, h, n)}
 *       otherwise; equal keys are equal bytes.</li>
 *   <li>{@code float32}, {@code float64}: {@code f32hash}, {@code f64hash}; {@code complex64},
 *       {@code complex128}: the float hash over the real part, then the imaginary part. A
 *       one-element array and a struct of one non-blank field have their element's alg.</li>
 *   <li>Other arrays call the element's hash per element.</li>
 *   <li>Other structs go field by field, skipping {@code _} fields: a field that is not plain
 *       memory gets its type's hash; a maximal run of plain-memory fields ({@code compare.Memrun})
 *       one {@code memhash(p, h, size)}, always the variable-length memhash, never memhash32 or
 *       memhash64. A run stops after a field followed by padding (so padding is never hashed),
 *       before a blank or non-memory field, and, on platforms whose loads must be aligned
 *       (arm, mips, mipsle: 4; loong64, mips64, mips64le, riscv64: 8), before it would outgrow the
 *       struct's alignment (go.dev/issue/46283).</li>
 * </ul>
 *
 * <p>Equality follows the same walk: memory runs compare as bytes, floats as floats ({@code +0 ==
 * -0}, {@code NaN != NaN}); padding and blank fields are ignored. The whole thing is compiled once
 * into a flat list of operations.
 *
 * <p>Public for the hash-vector tests of the CLI module (which see real hash providers); not an
 * API.
 */
public final class KeyAlg {

  /** memhash over a run: {@code memhash(p, h, n)}. */
  private static final int MEM = 0;
  /** Whole key, 4 bytes: {@code memhash32}. */
  private static final int MEM32 = 1;
  /** Whole key, 8 bytes: {@code memhash64}. */
  private static final int MEM64 = 2;
  private static final int F32 = 3;
  private static final int F64 = 4;

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private final GoType type;
  private final boolean bigEndian;
  private final int size;
  /** Triples (op, offset, length). */
  private final int[] ops;
  private final boolean plainMemory;
  private final boolean hasFloats;
  private final boolean needKeyUpdate;

  private KeyAlg(GoType type, boolean bigEndian, int size, int[] ops, boolean plainMemory,
      boolean needKeyUpdate) {
    this.type = type;
    this.bigEndian = bigEndian;
    this.size = size;
    this.ops = ops;
    this.plainMemory = plainMemory;
    boolean floats = false;
    for (int k = 0; k < ops.length; k += 3) {
      floats |= ops[k] == F32 || ops[k] == F64;
    }
    this.hasFloats = floats;
    this.needKeyUpdate = needKeyUpdate;
  }

  /**
   * The most steps a key's hash may take: as many (op, offset, length) triples as one {@code int[]}
   * of {@link BytesMap#MAX_VALUE_BYTES} elements holds.
   */
  public static final int MAX_STEPS = BytesMap.MAX_VALUE_BYTES / 3;

  /**
   * The alg of {@code type} on {@code layout}'s platform. The type must be comparable and hold only
   * booleans, integers, floats, complex numbers, and arrays and structs of those.
   *
   * <p>Each distinct part of the type (by identity) is laid out, classified and planned once, so a
   * type built from shared parts ({@code struct{a T; b T}} made again and again) is compiled in
   * time proportional to its distinct parts, plus one op per step of its hash. The ops are per
   * path, one per step Go's generated hash takes at run time (an array of n floats is n steps), so
   * they cannot be shared as the parts are. Steps that read bytes read disjoint ones, so a key
   * takes at most as many as it has bytes, which BytesMap limits to
   * {@link BytesMap#MAX_VALUE_BYTES}; but a run of zero-size fields is a step that reads no bytes,
   * so a zero-size key of shared parts can take 2^99 steps. The steps are therefore counted
   * first, per distinct part, and a key of more than {@link #MAX_STEPS}, as many as one
   * {@code int[]} holds the ops of, is refused before any op is made.
   *
   * @throws IllegalArgumentException for any other type, or one Go hashes in more than
   *     {@link #MAX_STEPS} steps
   */
  public static KeyAlg of(GoType type, PlatformLayout layout) {
    Compiler c = new Compiler(layout);
    int size = Math.toIntExact(c.layout(type).size());
    boolean plain = c.alg(type) == Alg.MEM;
    int[] ops;
    if (plain) {
      if (size == 4) {
        ops = new int[] {MEM32, 0, 4};
      } else if (size == 8) {
        ops = new int[] {MEM64, 0, 8};
      } else if (size > 0) {
        ops = new int[] {MEM, 0, size};
      } else {
        ops = new int[0]; // size 0: memhash0, the seed
      }
    } else {
      long steps = c.steps(type);
      if (steps > MAX_STEPS) {
        throw new IllegalArgumentException("BytesGoMap key type " + type.abbreviated() + " is not"
            + " supported: Go hashes it in more than " + MAX_STEPS + " steps (one per float, per"
            + " half of a complex number and per run of plain memory outside _ fields, an array's"
            + " elements one by one), and a BytesGoMap holds keys hashed in at most " + MAX_STEPS
            + " steps");
      }
      ops = c.ops(type, (int) steps);
    }
    return new KeyAlg(type, layout.platform().bigEndian(), size, ops, plain,
        c.needKeyUpdate(type));
  }

  /** The key type. */
  public GoType type() {
    return type;
  }

  /** Whether Go hashes the whole key as plain memory, so equal keys are equal bytes. */
  public boolean plainMemory() {
    return plainMemory;
  }

  /**
   * Whether every key equals itself. False when the type holds floats or complex numbers outside
   * blank fields: a NaN anywhere in the key makes it unequal to itself.
   */
  public boolean reflexive() {
    return !hasFloats;
  }

  /**
   * Go's {@code needkeyupdate}: whether an assignment to a key already present overwrites the
   * stored key (true for any float or complex number in the type, blank fields included, since
   * {@code +0 == -0}).
   */
  public boolean needKeyUpdate() {
    return needKeyUpdate;
  }

  /**
   * The hash of the key at {@code key[at, at + size)} under {@code seed}. A NaN hashes as Go's
   * {@code c1 * (c0 ^ h ^ fastrand())}, with {@code random} as {@code fastrand}: that is the hash
   * of a zero under the seed {@code h ^ fastrand()}.
   */
  public long hash(Hasher hasher, byte[] key, int at, long seed, IntSupplier random) {
    long h = seed;
    int[] o = ops;
    for (int k = 0; k < o.length; k += 3) {
      int p = at + o[k + 1];
      switch (o[k]) {
        case MEM:
          h = hasher.memhash(key, p, o[k + 2], h);
          break;
        case MEM32:
          h = hasher.memhash32(readInt(key, p), h);
          break;
        case MEM64:
          h = hasher.memhash64(readLong(key, p), h);
          break;
        case F32: {
          float f = Float.intBitsToFloat(readInt(key, p));
          h = f != f
              ? hasher.f32hash(0f, h ^ (random.getAsInt() & 0xFFFFFFFFL))
              : hasher.f32hash(f, h);
          break;
        }
        default: {
          double d = Double.longBitsToDouble(readLong(key, p));
          h = d != d
              ? hasher.f64hash(0d, h ^ (random.getAsInt() & 0xFFFFFFFFL))
              : hasher.f64hash(d, h);
          break;
        }
      }
    }
    return h;
  }

  /** Go's {@code ==} on the keys at {@code a[ai, ai + size)} and {@code b[bi, bi + size)}. */
  public boolean equal(byte[] a, int ai, byte[] b, int bi) {
    int[] o = ops;
    for (int k = 0; k < o.length; k += 3) {
      int off = o[k + 1];
      switch (o[k]) {
        case F32:
          if (Float.intBitsToFloat(readInt(a, ai + off))
              != Float.intBitsToFloat(readInt(b, bi + off))) {
            return false;
          }
          break;
        case F64:
          if (Double.longBitsToDouble(readLong(a, ai + off))
              != Double.longBitsToDouble(readLong(b, bi + off))) {
            return false;
          }
          break;
        default:
          int n = o[k + 2];
          if (!Arrays.equals(a, ai + off, ai + off + n, b, bi + off, bi + off + n)) {
            return false;
          }
      }
    }
    return true;
  }

  /** Whether the key at {@code key[at, at + size)} equals itself (holds no NaN). */
  public boolean equalsItself(byte[] key, int at) {
    if (!hasFloats) {
      return true;
    }
    int[] o = ops;
    for (int k = 0; k < o.length; k += 3) {
      int p = at + o[k + 1];
      if (o[k] == F32) {
        float f = Float.intBitsToFloat(readInt(key, p));
        if (f != f) {
          return false;
        }
      } else if (o[k] == F64) {
        double d = Double.longBitsToDouble(readLong(key, p));
        if (d != d) {
          return false;
        }
      }
    }
    return true;
  }

  /** The key's size in bytes. */
  public int size() {
    return size;
  }

  /** The operations, for messages and tests: {@code memhash(off,len)}, {@code f64hash(off)}... */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(type.abbreviated()).append(':');
    if (ops.length == 0) {
      sb.append(" memhash0");
    }
    for (int k = 0; k < ops.length; k += 3) {
      String name = switch (ops[k]) {
        case MEM -> "memhash(" + ops[k + 1] + "," + ops[k + 2] + ")";
        case MEM32 -> "memhash32(" + ops[k + 1] + ")";
        case MEM64 -> "memhash64(" + ops[k + 1] + ")";
        case F32 -> "f32hash(" + ops[k + 1] + ")";
        default -> "f64hash(" + ops[k + 1] + ")";
      };
      sb.append(' ').append(name);
    }
    return sb.toString();
  }

  private int readInt(byte[] b, int at) {
    return bigEndian ? (int) INT_BE.get(b, at) : (int) INT_LE.get(b, at);
  }

  private long readLong(byte[] b, int at) {
    return bigEndian ? (long) LONG_BE.get(b, at) : (long) LONG_LE.get(b, at);
  }

  // ---- compiling ------------------------------------------------------------------------------

  /** Go's {@code AlgKind}, reduced to what pointer-free fixed-size types can have. */
  private enum Alg { MEM, F32, F64, C64, C128, SPECIAL }

  /**
   * One compilation: what it learns of each part is kept by identity, so each distinct part is
   * laid out, classified and planned once.
   */
  private static final class Compiler {
    /** The distinct parts the maps below are first sized for. */
    private static final int PARTS = 4;

    private final PlatformLayout layout;
    /** {@code sys.Arch.Alignment}: 1 where unaligned loads are fine. */
    private final int archAlignment;
    // Sized for a small key (IdentityHashMap's default has room for 21 parts); they grow as needed.
    private final Map<GoType, TypeLayout> layouts = new IdentityHashMap<>(PARTS);
    private final Map<GoType, Alg> algs = new IdentityHashMap<>(PARTS);
    private final Map<GoType, Boolean> keyUpdates = new IdentityHashMap<>(PARTS);
    // Made when first needed: only a struct has offsets and a plan, only a key that is not plain
    // memory is counted in steps.
    private Map<GoType.Struct, long[]> offsets;
    private Map<GoType.Struct, List<Step>> plans;
    private Map<GoType, Long> steps;
    private int[] ops;
    private int n;

    Compiler(PlatformLayout layout) {
      this.layout = layout;
      this.archAlignment = archAlignment(layout.platform().goarch());
    }

    static int archAlignment(String goarch) {
      return switch (goarch) {
        case "arm", "mips", "mipsle" -> 4;
        case "loong64", "mips64", "mips64le", "riscv64" -> 8;
        default -> 1;
      };
    }

    TypeLayout layout(GoType t) {
      TypeLayout l = layouts.get(t);
      if (l == null) {
        l = layout.typeLayout(t);
        layouts.put(t, l);
      }
      return l;
    }

    /** {@code types.AlgType}. */
    Alg alg(GoType t) {
      Alg a = algs.get(t);
      if (a == null) {
        a = classify(t);
        algs.put(t, a);
      }
      return a;
    }

    private Alg classify(GoType t) {
      if (t instanceof GoType.Basic) {
        switch (((GoType.Basic) t).kind()) {
          case FLOAT32:
            return Alg.F32;
          case FLOAT64:
            return Alg.F64;
          case COMPLEX64:
            return Alg.C64;
          case COMPLEX128:
            return Alg.C128;
          case STRING:
          case UNSAFE_POINTER:
            throw unsupported(t);
          default:
            return Alg.MEM;
        }
      }
      if (t instanceof GoType.Array) {
        GoType.Array a = (GoType.Array) t;
        Alg e = alg(a.elem());
        if (e == Alg.MEM || a.length() == 0) {
          return Alg.MEM;
        }
        return a.length() == 1 ? e : Alg.SPECIAL;
      }
      if (t instanceof GoType.Struct) {
        GoType.Struct s = (GoType.Struct) t;
        List<GoType.Field> fields = s.fields();
        if (fields.size() == 1 && !blank(fields.get(0))) {
          return alg(fields.get(0).type());
        }
        Alg ret = Alg.MEM;
        for (int i = 0; i < fields.size(); i++) {
          Alg a = alg(fields.get(i).type());
          if (a != Alg.MEM || blank(fields.get(i)) || padded(s, i)) {
            ret = Alg.SPECIAL;
          }
        }
        return ret;
      }
      throw unsupported(t);
    }

    /**
     * The steps the hash of {@code t}, not plain memory, takes (ops {@link #emit} makes), or
     * {@code MAX_STEPS + 1} for more.
     */
    long steps(GoType t) {
      Long known = steps == null ? null : steps.get(t);
      if (known != null) {
        return known;
      }
      long more = MAX_STEPS + 1L;
      long count;
      switch (alg(t)) {
        case MEM:
          throw new IllegalStateException("steps of plain memory " + t.abbreviated());
        case F32:
        case F64:
          count = 1;
          break;
        case C64:
        case C128:
          count = 2;
          break;
        default:
          if (t instanceof GoType.Array) {
            GoType.Array a = (GoType.Array) t;
            long each = steps(a.elem());
            count = each == 0 ? 0 : a.length() > more / each ? more : a.length() * each;
          } else {
            count = 0;
            for (Step s : plan((GoType.Struct) t)) {
              count = Math.min(count + (s.type() == null ? 1 : steps(s.type())), more);
            }
          }
      }
      if (steps == null) {
        steps = new IdentityHashMap<>(PARTS);
      }
      steps.put(t, count);
      return count;
    }

    /** The ops of {@code t}'s hash, {@code count} steps ({@link #steps}), into a new array. */
    int[] ops(GoType t, int count) {
      ops = new int[3 * count];
      emit(t, 0L);
      if (n != ops.length) {
        throw new IllegalStateException("emitted " + n / 3 + " steps for " + t.abbreviated()
            + ", counted " + count);
      }
      return ops;
    }

    /** The hash of a type that is not plain memory ({@code hashfor} / {@code genhash}). */
    private void emit(GoType t, long off) {
      switch (alg(t)) {
        case MEM:
          throw new IllegalStateException("emit for plain memory " + t.abbreviated());
        case F32:
          op(F32, off, 4);
          return;
        case F64:
          op(F64, off, 8);
          return;
        case C64:
          op(F32, off, 4);
          op(F32, off + 4, 4);
          return;
        case C128:
          op(F64, off, 8);
          op(F64, off + 8, 8);
          return;
        default:
          break;
      }
      if (steps(t) == 0) {
        return; // blank fields only: nothing to walk, however many elements
      }
      if (t instanceof GoType.Array) {
        GoType.Array a = (GoType.Array) t;
        long es = layout(a.elem()).size();
        for (long i = 0; i < a.length(); i++) {
          emit(a.elem(), off + i * es);
        }
        return;
      }
      for (Step s : plan((GoType.Struct) t)) {
        if (s.type() == null) {
          op(MEM, off + s.offset(), s.length());
        } else {
          emit(s.type(), off + s.offset());
        }
      }
    }

    private void op(int op, long off, long len) {
      ops[n++] = op;
      ops[n++] = Math.toIntExact(off);
      ops[n++] = Math.toIntExact(len);
    }

    /**
     * One step of a struct's hash: a field whose type is not plain memory, hashed by its type, at
     * {@code offset}; or, with a null type, one {@code memhash} of {@code length} bytes there.
     */
    private record Step(GoType type, long offset, long length) {}

    /**
     * A struct's hash as {@code genhash} makes it, field by field, skipping {@code _} fields: a
     * field that is not plain memory by its type's hash; a maximal run of plain-memory fields
     * ({@code compare.Memrun}) by one {@code memhash}.
     */
    private List<Step> plan(GoType.Struct s) {
      List<Step> known = plans == null ? null : plans.get(s);
      if (known != null) {
        return known;
      }
      List<GoType.Field> fields = s.fields();
      long[] offsets = offsets(s);
      int structAlign = layout(s).align();
      List<Step> plan = new ArrayList<>();
      for (int i = 0; i < fields.size(); ) {
        GoType.Field f = fields.get(i);
        if (blank(f)) {
          i++;
          continue;
        }
        if (alg(f.type()) != Alg.MEM) {
          plan.add(new Step(f.type(), offsets[i], 0));
          i++;
          continue;
        }
        // compare.Memrun
        int start = i;
        int next = start;
        while (true) {
          next++;
          if (next == fields.size()) {
            break;
          }
          if (padded(s, next - 1)) {
            break;
          }
          GoType.Field nf = fields.get(next);
          if (blank(nf) || alg(nf.type()) != Alg.MEM) {
            break;
          }
          if (archAlignment > 1) {
            long align = structAlign;
            long so = offsets[start];
            if ((so & (align - 1)) != 0) {
              align = 1L << Long.numberOfTrailingZeros(so);
            }
            if (end(s, next) - so > align) {
              break;
            }
          }
        }
        plan.add(new Step(null, offsets[start], end(s, next - 1) - offsets[start]));
        i = next;
      }
      if (plans == null) {
        plans = new IdentityHashMap<>(PARTS);
      }
      plans.put(s, plan);
      return plan;
    }

    private long[] offsets(GoType.Struct s) {
      long[] known = offsets == null ? null : offsets.get(s);
      if (known != null) {
        return known;
      }
      List<GoType.Field> fields = s.fields();
      long[] out = new long[fields.size()];
      long o = 0;
      for (int i = 0; i < out.length; i++) {
        TypeLayout tl = layout(fields.get(i).type());
        o = (o + tl.align() - 1) & -(long) tl.align();
        out[i] = o;
        o += tl.size();
      }
      if (offsets == null) {
        offsets = new IdentityHashMap<>(PARTS);
      }
      offsets.put(s, out);
      return out;
    }

    private long end(GoType.Struct s, int i) {
      return offsets(s)[i] + layout(s.fields().get(i).type()).size();
    }

    /** {@code types.IsPaddedField}. */
    private boolean padded(GoType.Struct s, int i) {
      long[] offsets = offsets(s);
      long end = i + 1 < offsets.length ? offsets[i + 1] : layout(s).size();
      return end(s, i) != end;
    }

    /**
     * Go's {@code needkeyupdate}: whether {@code t} holds a float or complex number anywhere,
     * blank fields included.
     */
    boolean needKeyUpdate(GoType t) {
      Boolean known = keyUpdates.get(t);
      if (known != null) {
        return known;
      }
      boolean update = false;
      if (t instanceof GoType.Basic) {
        update = switch (((GoType.Basic) t).kind()) {
          case FLOAT32, FLOAT64, COMPLEX64, COMPLEX128 -> true;
          default -> false;
        };
      } else if (t instanceof GoType.Array) {
        update = needKeyUpdate(((GoType.Array) t).elem());
      } else if (t instanceof GoType.Struct) {
        for (GoType.Field f : ((GoType.Struct) t).fields()) {
          if (needKeyUpdate(f.type())) {
            update = true;
            break;
          }
        }
      }
      keyUpdates.put(t, update);
      return update;
    }

    private static boolean blank(GoType.Field f) {
      return f.name().equals("_");
    }

    private static IllegalArgumentException unsupported(GoType t) {
      return new IllegalArgumentException(t.abbreviated() + " is not a fixed-size pointer-free"
          + " comparable type");
    }
  }
}
