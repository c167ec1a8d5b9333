package io.gomap4j.cli;

import io.gomap4j.engine.Settings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A 64-bit seed, decimal or hex with {@code 0x}. */
final class SeedConverter implements ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    try {
      return Settings.parseSeed("the seed", value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
