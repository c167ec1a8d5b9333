package io.gomap4j.tck.kit;

/**
 * One rule of a kit, checked on the plugin under test. It passes by returning, fails by throwing
 * (an {@link AssertionError} whose message names the rule and what to check), and does not apply
 * by throwing {@link io.gomap4j.tck.TckCheck.CheckSkipped}.
 */
public interface KitCheck {

  /** A stable identifier such as {@code hash.determinism}. */
  String id();

  /** The rule, as one contract sentence; it is the check's display name. */
  String contract();

  /** Checks the rule, drawing every random choice from {@code seed}. */
  void run(long seed) throws Exception;

  /** A check from its parts. */
  static KitCheck of(String id, String contract, SeededBody body) {
    return new KitCheck() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String contract() {
        return contract;
      }

      @Override
      public void run(long seed) throws Exception {
        body.run(seed);
      }

      @Override
      public String toString() {
        return id;
      }
    };
  }

  /** The body of a check. */
  @FunctionalInterface
  interface SeededBody {
    /** Runs the check with {@code seed}. */
    void run(long seed) throws Exception;
  }
}
