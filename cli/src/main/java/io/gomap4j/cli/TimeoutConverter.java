package io.gomap4j.cli;

import io.gomap4j.tck.TckMatrix;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A per-check timeout such as {@code 60s}, {@code 500ms} or {@code 2m}; {@code 0} for none. */
final class TimeoutConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return TckMatrix.parseTimeout("the timeout", value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
