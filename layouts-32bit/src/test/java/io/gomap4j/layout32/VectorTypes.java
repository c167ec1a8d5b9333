package io.gomap4j.layout32;

import io.gomap4j.api.GoType;
import io.gomap4j.tck.vectors.LayoutVector;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the Go type names of the layout vectors into {@link GoType}, as far as {@code GoType} models
 * them today: predeclared scalars, {@code string}, {@code unsafe.Pointer} and pointer types
 * {@code *T} to those.
 */
final class VectorTypes {

  /** The names {@link GoType#basic(String)} accepts. */
  private static final Set<String> BASIC_NAMES =
      Stream.concat(
              Arrays.stream(GoType.Kind.values()).map(GoType.Kind::goName),
              Stream.of("byte", "rune"))
          .collect(Collectors.toUnmodifiableSet());

  /** How a type this version cannot express begins: arrays, slices, structs, interfaces, ... */
  private static final Pattern COMPOSITE =
      Pattern.compile("^\\*?(\\[|struct\\{|interface\\{|any$|map\\[|chan |func\\()");

  private VectorTypes() {}

  /** The type named {@code goSyntax}, or empty if {@link GoType} cannot express it yet. */
  static Optional<GoType> parse(String goSyntax) {
    if (goSyntax.startsWith("*")) {
      return parse(goSyntax.substring(1)).map(GoType::pointerTo);
    }
    if (BASIC_NAMES.contains(goSyntax)) {
      return Optional.of(GoType.basic(goSyntax));
    }
    return Optional.empty();
  }

  /** Whether both the key and the elem type of {@code v} can be expressed. */
  static boolean expressible(LayoutVector v) {
    return parse(v.key()).isPresent() && parse(v.elem()).isPresent();
  }

  /** Whether {@code goSyntax} names a composite type, which a later version will model. */
  static boolean composite(String goSyntax) {
    return COMPOSITE.matcher(goSyntax).find();
  }
}
