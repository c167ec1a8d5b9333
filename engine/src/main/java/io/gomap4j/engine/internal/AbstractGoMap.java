package io.gomap4j.engine.internal;

import io.gomap4j.api.GoMap;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link java.util.Map} views shared by gomap4j's maps: entry, key and value collections backed
 * by the map, whose iterators walk it in Go's order and tolerate writes under Go's rules.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
abstract class AbstractGoMap<K, V> extends AbstractMap<K, V> implements GoMap<K, V> {

  private Set<Map.Entry<K, V>> entrySet;
  private Set<K> keySet;
  private Collection<V> values;

  /** A cursor over the map in Go's order; see {@link EntryCursor}. */
  abstract EntryCursor<K, V> cursor();

  /** Iterates the map: {@code next()} moves to an entry, then {@code key()} and {@code value()}. */
  interface EntryCursor<K, V> {
    boolean next();

    K key();

    V value();
  }

  @Override
  public abstract boolean containsKey(Object key);

  @Override
  public abstract V remove(Object key);

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    Set<Map.Entry<K, V>> es = entrySet;
    if (es == null) {
      es = new EntrySet();
      entrySet = es;
    }
    return es;
  }

  @Override
  public Set<K> keySet() {
    Set<K> ks = keySet;
    if (ks == null) {
      ks = new KeySet();
      keySet = ks;
    }
    return ks;
  }

  @Override
  public Collection<V> values() {
    Collection<V> vs = values;
    if (vs == null) {
      vs = new Values();
      values = vs;
    }
    return vs;
  }

  /**
   * The base iterator: positions lazily, at {@code hasNext()}, as Go's range loop calls
   * {@code mapiternext} after the loop body, so an entry removed by the body before the iterator
   * reaches it is not returned.
   */
  private abstract class BaseIterator<T> implements Iterator<T> {
    private final EntryCursor<K, V> cursor = cursor();
    private boolean positioned;
    private boolean more;
    private boolean canRemove;
    private K lastKey;

    @Override
    public final boolean hasNext() {
      if (!positioned) {
        more = cursor.next();
        positioned = true;
      }
      return more;
    }

    @Override
    public final T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      positioned = false;
      canRemove = true;
      lastKey = cursor.key();
      return make(lastKey, cursor.value());
    }

    abstract T make(K key, V value);

    @Override
    public final void remove() {
      if (!canRemove) {
        throw new IllegalStateException("remove() without a preceding next()");
      }
      canRemove = false;
      AbstractGoMap.this.remove(lastKey);
    }
  }

  private final class Entry extends AbstractMap.SimpleEntry<K, V> {
    private static final long serialVersionUID = 1L;

    Entry(K key, V value) {
      super(key, value);
    }

    /** Writes through to the map first, so a refused value leaves entry and map alike. */
    @Override
    public V setValue(V value) {
      V old = put(getKey(), value);
      super.setValue(value);
      return old;
    }
  }

  private final class EntrySet extends AbstractSet<Map.Entry<K, V>> {
    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
      return new BaseIterator<>() {
        @Override
        Map.Entry<K, V> make(K key, V value) {
          return new Entry(key, value);
        }
      };
    }

    @Override
    public int size() {
      return AbstractGoMap.this.size();
    }

    @Override
    public boolean contains(Object o) {
      if (!(o instanceof Map.Entry)) {
        return false;
      }
      Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
      Object k = e.getKey();
      return containsKey(k) && Objects.equals(get(k), e.getValue());
    }

    @Override
    public boolean remove(Object o) {
      if (!contains(o)) {
        return false;
      }
      AbstractGoMap.this.remove(((Map.Entry<?, ?>) o).getKey());
      return true;
    }

    @Override
    public void clear() {
      AbstractGoMap.this.clear();
    }
  }

  private final class KeySet extends AbstractSet<K> {
    @Override
    public Iterator<K> iterator() {
      return new BaseIterator<>() {
        @Override
        K make(K key, V value) {
          return key;
        }
      };
    }

    @Override
    public int size() {
      return AbstractGoMap.this.size();
    }

    @Override
    public boolean contains(Object o) {
      return containsKey(o);
    }

    @Override
    public boolean remove(Object o) {
      if (!containsKey(o)) {
        return false;
      }
      AbstractGoMap.this.remove(o);
      return true;
    }

    @Override
    public void clear() {
      AbstractGoMap.this.clear();
    }
  }

  private final class Values extends AbstractCollection<V> {
    @Override
    public Iterator<V> iterator() {
      return new BaseIterator<>() {
        @Override
        V make(K key, V value) {
          return value;
        }
      };
    }

    @Override
    public int size() {
      return AbstractGoMap.this.size();
    }

    @Override
    public boolean contains(Object o) {
      return containsValue(o);
    }

    @Override
    public void clear() {
      AbstractGoMap.this.clear();
    }
  }
}
