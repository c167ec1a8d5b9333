package io.gomap4j.tck;

/**
 * One rule of the contract, checked on one {@link Combination} with one seed. A check passes by
 * returning, fails by throwing (usually an {@link AssertionError} that names the rule), and does
 * not apply by throwing {@link CheckSkipped}.
 */
public interface TckCheck {

  /** A stable identifier such as {@code map.model}, used to select and reproduce the check. */
  String id();

  /** The rule, in one sentence. */
  String description();

  /** Checks the rule on {@code combination}, drawing every random choice from {@code seed}. */
  void run(Combination combination, long seed) throws Exception;

  /** A check whose rule does not apply to a combination; it is reported as skipped. */
  final class CheckSkipped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Skips, saying why. */
    public CheckSkipped(String reason) {
      super(reason);
    }
  }
}
