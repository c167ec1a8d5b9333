package io.gomap4j.api;

/** An action on a primitive key and value, used by {@link LongLongGoMap#forEach}. */
@FunctionalInterface
public interface LongLongConsumer {

  /** Performs the action on one entry. */
  void accept(long key, long value);
}
