package io.gomap4j.tck.vectors;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.GoType;
import io.gomap4j.api.internal.Printable;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.spi.TypeLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compares a {@link PlatformLayout} with Go's recorded bucket layouts, field by field.
 *
 * <p>A line's key and elem types are read with {@link GoType#parse(String)}; every line of the
 * bundled vectors is {@link #expressible}, scalars, strings and pointers as well as arrays, slices,
 * structs and interfaces.
 */
public final class LayoutVectors {

  /** How a composite type begins: arrays, slices, structs, interfaces, maps, channels, funcs. */
  private static final Pattern COMPOSITE =
      Pattern.compile("^\\*?(\\[|struct\\{|interface\\{|any$|map\\[|chan |func\\()");

  private LayoutVectors() {}

  /**
   * The type spelled {@code goSyntax}, or empty if {@link GoType#parse(String)} refuses it (a named
   * type other than the predeclared ones, or malformed syntax).
   */
  public static Optional<GoType> goType(String goSyntax) {
    requireNonNull(goSyntax, "goSyntax is null");
    try {
      return Optional.of(GoType.parse(goSyntax));
    } catch (IllegalArgumentException refused) {
      return Optional.empty();
    }
  }

  /** Whether both the key and the elem type of {@code v} can be expressed. */
  public static boolean expressible(LayoutVector v) {
    return goType(v.key()).isPresent() && goType(v.elem()).isPresent();
  }

  /** Whether {@code goSyntax} names a composite type. */
  public static boolean composite(String goSyntax) {
    return COMPOSITE.matcher(goSyntax).find();
  }

  /** The bundled vector lines recorded on {@code goarch}. */
  public static List<LayoutVector> of(String goarch) {
    return GoVectors.layoutVectors().stream()
        .filter(v -> v.goarch().equals(goarch))
        .collect(Collectors.toList());
  }

  /**
   * The vector lines {@code layout} answers to: Go's own lines for its GOARCH where Go recorded
   * them (amd64, 386, s390x, mips), else those of amd64 for 8-byte pointers or 386 for 4-byte ones,
   * which the vectors' README says every other target agrees with.
   */
  public static List<LayoutVector> reference(PlatformLayout layout) {
    requireNonNull(layout, "layout is null");
    List<LayoutVector> own = of(layout.name());
    if (!own.isEmpty()) {
      return own;
    }
    return of(layout.platform().ptrSize() == 8 ? "amd64" : "386");
  }

  /**
   * Every disagreement of {@code layout} with its {@link #reference} lines, one entry per line that
   * differs or cannot be expressed; empty when the layout agrees with Go everywhere.
   */
  public static List<String> check(PlatformLayout layout) {
    List<String> out = new ArrayList<>();
    for (LayoutVector v : reference(layout)) {
      if (!expressible(v)) {
        out.add(v + ": cannot express map[" + Printable.of(v.key()) + "]"
            + Printable.of(v.elem()));
        continue;
      }
      List<String> diffs = mismatches(layout, v);
      if (!diffs.isEmpty()) {
        out.add(Printable.of(layout.name()) + " vs " + v + ": " + String.join("; ", diffs));
      }
    }
    return out;
  }

  /**
   * Where {@code layout} differs from Go on vector line {@code v}, one {@code "field: go X, layout
   * Y"} entry per field; empty when it agrees.
   *
   * @throws IllegalArgumentException if the line's types are not {@link #expressible}
   */
  public static List<String> mismatches(PlatformLayout layout, LayoutVector v) {
    GoType key = goType(v.key()).orElseThrow(() -> new IllegalArgumentException(
        "cannot express key type " + Printable.of(v.key()) + " of " + v));
    GoType elem = goType(v.elem()).orElseThrow(() -> new IllegalArgumentException(
        "cannot express elem type " + Printable.of(v.elem()) + " of " + v));
    TypeLayout k = layout.typeLayout(key);
    TypeLayout e = layout.typeLayout(elem);
    List<String> out = new ArrayList<>();
    diff(out, "ptrsize", v.ptrSize(), layout.platform().ptrSize());
    diff(out, "keytypesize", v.keyTypeSize(), k.size());
    diff(out, "keyalign", v.keyAlign(), k.align());
    diff(out, "elemtypesize", v.elemTypeSize(), e.size());
    diff(out, "elemalign", v.elemAlign(), e.align());
    BucketLayout b;
    try {
      b = layout.bucketLayout(key, elem);
    } catch (IllegalArgumentException ex) {
      out.add("bucketLayout: go builds a " + v.bucketSize() + "-byte bucket, layout refused: "
          + Printable.of(ex.getMessage()));
      return out;
    }
    diff(out, "bucket keyType", k, b.keyType());
    diff(out, "bucket elemType", e, b.elemType());
    diff(out, "keysize", v.keySlotSize(), b.keySlotSize());
    diff(out, "elemsize", v.elemSlotSize(), b.elemSlotSize());
    diff(out, "bucketsize", v.bucketSize(), b.bucketSize());
    diff(out, "indirectkey", v.indirectKey(), b.indirectKey());
    diff(out, "indirectelem", v.indirectElem(), b.indirectElem());
    diff(out, "keysoff", v.keysOffset(), b.keysOffset());
    diff(out, "elemsoff", v.elemsOffset(), b.elemsOffset());
    diff(out, "overflowoff", v.overflowOffset(), b.overflowOffset());
    diff(out, "overflow size", v.ptrSize(), b.overflowSize());
    diff(out, "bucketalign", v.bucketAlign(), b.bucketAlign());
    return out;
  }

  private static void diff(List<String> out, String field, Object go, Object ours) {
    if (!Objects.equals(go instanceof Integer ? Long.valueOf((Integer) go) : go,
        ours instanceof Integer ? Long.valueOf((Integer) ours) : ours)) {
      out.add(field + ": go " + go + ", layout " + ours);
    }
  }
}
