package io.gomap4j.tck;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.internal.Printable;

/**
 * The outcome of one check on one combination.
 *
 * <p>A result is for people to read, on a terminal or in a report, and its texts quote plugins
 * (their names, their exceptions' messages) and what a user gave: each control character in the
 * combination, check id, description, message and reproduce line is written as {@code \}{@code
 * u00XX}, so that none can split a line of the output, move a terminal's cursor or clear it.
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
    combination = Printable.of(combination);
    checkId = Printable.of(checkId);
    description = Printable.of(description);
    message = Printable.of(message);
    reproduce = Printable.of(reproduce);
  }
}
