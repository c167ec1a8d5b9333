package io.gomap4j.engine.trace;

/**
 * The hash provider a replay was to use is not installed, or does not support the trace's
 * platform. Unlike a {@link TraceFormatException}, another hash provider may replay the trace.
 */
public final class UnavailableHashException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String hash;
  private final boolean chosenFromHeader;

  /**
   * An unavailable hash provider.
   *
   * @param hash the provider's name
   * @param chosenFromHeader whether the trace's header chose it (its {@code aes} field), rather
   *     than the caller
   * @param message why it cannot be used, naming it and what is available
   */
  public UnavailableHashException(String hash, boolean chosenFromHeader, String message) {
    super(message);
    this.hash = hash;
    this.chosenFromHeader = chosenFromHeader;
  }

  /** The name of the hash provider that cannot be used. */
  public String hash() {
    return hash;
  }

  /** Whether the trace's header chose the provider, rather than the caller. */
  public boolean chosenFromHeader() {
    return chosenFromHeader;
  }
}
