package io.gomap4j.bench;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Each benchmark thread's position in its state's array of inputs, so that every call hashes a
 * different input and nothing can be constant-folded. Stepping it costs the same for every hash.
 */
@State(Scope.Thread)
public class Cursor {

  /** The number of inputs a benchmark cycles through: a power of two. */
  static final int INPUTS = 256;

  private static final int MASK = INPUTS - 1;

  private int next;

  /** The index of the next input, in {@code [0, INPUTS)}. */
  int next() {
    return next++ & MASK;
  }
}
