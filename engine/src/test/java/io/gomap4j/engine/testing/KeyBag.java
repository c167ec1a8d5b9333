package io.gomap4j.engine.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A set that can hand out a uniformly random member in O(1); members may be null. */
public final class KeyBag<K> {
  private final List<K> items = new ArrayList<>();
  private final Map<K, Integer> index = new HashMap<>();

  public void add(K k) {
    if (!index.containsKey(k)) {
      index.put(k, items.size());
      items.add(k);
    }
  }

  public void remove(K k) {
    Integer i = index.remove(k);
    if (i == null) {
      return;
    }
    K last = items.remove(items.size() - 1);
    if (i < items.size()) {
      items.set(i, last);
      index.put(last, i);
    }
  }

  public K random(Random r) {
    return items.get(r.nextInt(items.size()));
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  public int size() {
    return items.size();
  }

  public void clear() {
    items.clear();
    index.clear();
  }
}
