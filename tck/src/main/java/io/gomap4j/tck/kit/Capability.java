package io.gomap4j.tck.kit;

/**
 * What a plugin declares it does beyond the baseline contract. A kit runs the positive checks of a
 * declared capability and the negative checks of an absent one: a growth policy that does not
 * declare {@link #SHRINKS} must never shrink a map.
 */
public enum Capability {
  /** The growth policy answers {@code HALVE} from {@code onDelete}, so maps shrink after deletes. */
  SHRINKS
}
