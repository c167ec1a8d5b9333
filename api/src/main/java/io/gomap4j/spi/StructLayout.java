package io.gomap4j.spi;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.GoType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Go struct laid out on one platform, as a table of fields: each field's name, Go type, offset and
 * size, with a {@linkplain Field#padding() padding} row wherever the next field's offset jumps past
 * the end of the previous one, and at the tail when the struct's size is rounded up.
 *
 * <p>Used for the runtime's map structs ({@link PlatformLayout#hmapLayout()},
 * {@link PlatformLayout#mapextraLayout()}, {@link PlatformLayout#hiterLayout()}) and for a bucket
 * ({@link BucketLayout#fields()}).
 *
 * @param name the struct's name, such as {@code hmap}
 * @param fields the fields and padding rows, in offset order, covering {@code [0, size)}
 * @param size the struct's size ({@code unsafe.Sizeof})
 * @param align the struct's alignment ({@code unsafe.Alignof})
 */
public record StructLayout(String name, List<Field> fields, long size, int align) {

  /** The name of padding rows. */
  public static final String PADDING = "(padding)";

  /**
   * One row of a struct table.
   *
   * @param name the field name, or {@link #PADDING} for padding
   * @param goType the field's Go type as the Go source spells it, {@code [n]byte} for padding
   * @param offset the offset in the struct
   * @param size the size in bytes
   * @param padding whether this row is padding rather than a declared field
   */
  public record Field(String name, String goType, long offset, long size, boolean padding) {
    public Field {
      requireNonNull(name, "name is null");
      requireNonNull(goType, "goType is null");
      if (offset < 0 || size < 0) {
        throw new IllegalArgumentException("negative offset or size in field " + name);
      }
    }

    /** A declared field. */
    public static Field of(String name, String goType, long offset, long size) {
      return new Field(name, goType, offset, size, false);
    }

    /** A padding row of {@code size} bytes at {@code offset}. */
    public static Field padding(long offset, long size) {
      return new Field(PADDING, "[" + size + "]byte", offset, size, true);
    }

    /** The offset just past this field. */
    public long end() {
      return offset + size;
    }
  }

  /**
   * A field of a struct to lay out.
   *
   * @param name the field name
   * @param goType the Go spelling of the field's type, as the runtime source declares it
   * @param layoutType a type with the same size and alignment, which {@link GoType} can express
   *     (the runtime's own named types, such as {@code *mapextra}, are not modelled)
   */
  public record Member(String name, String goType, GoType layoutType) {
    public Member {
      requireNonNull(name, "name is null");
      requireNonNull(goType, "goType is null");
      requireNonNull(layoutType, "layoutType is null");
    }

    /** A member whose Go spelling is the layout type's own. */
    public static Member of(String name, GoType type) {
      return new Member(name, type.goSyntax(), type);
    }
  }

  public StructLayout {
    requireNonNull(name, "name is null");
    fields = List.copyOf(fields);
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    if (align < 1 || Integer.bitCount(align) != 1) {
      throw new IllegalArgumentException("align must be a power of two, got " + align);
    }
  }

  /**
   * Lays out {@code members} with a platform's type layouts: each field goes to the next multiple
   * of its alignment; the size and alignment are those {@code typeLayout} gives the whole struct
   * (for Go's gc compiler, {@code calcStructOffset}). Gaps become padding rows.
   *
   * @throws IllegalArgumentException if a member cannot be laid out
   */
  public static StructLayout of(
      String name, List<Member> members, Function<GoType, TypeLayout> typeLayout) {
    requireNonNull(typeLayout, "typeLayout is null");
    List<Field> rows = new ArrayList<>();
    List<GoType.Field> goFields = new ArrayList<>();
    long off = 0;
    for (Member m : members) {
      TypeLayout t = typeLayout.apply(m.layoutType());
      long at = alignUp(off, t.align());
      if (at > off) {
        rows.add(Field.padding(off, at - off));
      }
      rows.add(Field.of(m.name(), m.goType(), at, t.size()));
      off = at + t.size();
      goFields.add(new GoType.Field(m.name(), m.layoutType()));
    }
    TypeLayout whole = typeLayout.apply(new GoType.Struct(goFields));
    if (whole.size() < off) {
      throw new IllegalStateException("struct " + name + " is " + whole.size()
          + (whole.size() == 1 ? " byte" : " bytes") + ", but its fields end at " + off);
    }
    if (whole.size() > off) {
      rows.add(Field.padding(off, whole.size() - off));
    }
    return new StructLayout(name, rows, whole.size(), whole.align());
  }

  /** The declared field called {@code fieldName}, if any. */
  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> !f.padding() && f.name().equals(fieldName)).findFirst();
  }

  /** The declared fields, without padding rows. */
  public List<Field> declaredFields() {
    return fields.stream().filter(f -> !f.padding()).toList();
  }

  static long alignUp(long offset, int align) {
    return (offset + align - 1) & -(long) align;
  }
}
