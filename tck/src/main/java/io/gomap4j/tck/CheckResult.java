package io.gomap4j.tck;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of one check on one combination.
 *
 * @param combination the combination's id
 * @param checkId the check's id
 * @param description the check's rule
 * @param status passed, failed or skipped
 * @param message the failure or skip reason; empty when passed
 * @param failure the exception of a failed check, or null
 * @param seed the seed the check ran with
 * @param reproduce how to run exactly this check again
 * @param millis how long it took
 */
public record CheckResult(
    String combination,
    String checkId,
    String description,
    Status status,
    String message,
    Throwable failure,
    long seed,
    String reproduce,
    long millis) {

  /** The three outcomes; a check that does not apply is never reported as passed. */
  public enum Status {
    PASSED,
    FAILED,
    SKIPPED
  }

  public CheckResult {
    requireNonNull(combination, "combination is null");
    requireNonNull(checkId, "checkId is null");
    requireNonNull(status, "status is null");
    requireNonNull(message, "message is null");
  }
}
