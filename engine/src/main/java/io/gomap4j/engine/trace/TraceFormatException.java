package io.gomap4j.engine.trace;

/** A trace that does not parse; the message names the file, the line and what was expected. */
public final class TraceFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** A format error at {@code line} of {@code source}. */
  public TraceFormatException(String source, int line, String message) {
    super(source + ":" + line + ": " + message);
  }
}
