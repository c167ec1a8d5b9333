package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.common.collect.testing.MapTestSuiteBuilder;
import com.google.common.collect.testing.TestStringMapGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.MapFeature;
import com.google.common.collect.testing.testers.MapToStringTester;
import io.gomap4j.api.GoMap;
import io.gomap4j.engine.GoMaps;
import io.gomap4j.engine.PluginInfo;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.PlatformLayout;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import junit.framework.TestCase;
import junit.framework.TestSuite;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code GoMap} keeps the {@link java.util.Map} contract as guava-testlib states it, for every
 * hash provider on one 32-bit and one 64-bit layout it supports.
 *
 * <p>The features declared are those GoMap has, and no more: it is a general-purpose map (put,
 * remove, iterator remove) that allows null keys, null values and null queries, as
 * {@link java.util.HashMap} does. It does not declare {@code KNOWN_ORDER} (iteration starts at a
 * random bucket and offset), {@code FAILS_FAST_ON_CONCURRENT_MODIFICATION} (Go's rules allow writes
 * during iteration, so iterators never fail fast) or {@code SERIALIZABLE}. Three toString tests
 * that assume two iterations see one order are suppressed; see {@link #orderAcrossIterations()}. guava-testlib's suites
 * are JUnit 3 suites; each test case runs here as a JUnit 5 dynamic test, so no vintage engine is
 * needed.
 */
class GuavaTestlibMapTest {

  /** The layouts used per hash provider: preferred GOARCH for 32 and 64 bits. */
  private static final String PREFERRED_32 = "386";
  private static final String PREFERRED_64 = "amd64";

  @TestFactory
  Stream<DynamicNode> mapContract() {
    Plugins plugins = Plugins.discovered();
    List<DynamicNode> suites = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Map<String, Integer> layoutBits = new HashMap<>();
    List<String> hashes = new ArrayList<>();
    for (PluginInfo h : plugins.list(PluginKind.HASH)) {
      HashProvider hash = (HashProvider) h.plugin();
      hashes.add(hash.name());
      for (int bits : new int[] {32, 64}) {
        PlatformLayout layout = layoutFor(plugins, hash, bits);
        if (layout != null) {
          TestSuite suite = suite(hash, layout);
          names.add(suite.getName());
          layoutBits.put(layout.name(), layout.platform().bits());
          suites.add(toNode(suite));
        }
      }
    }
    assertThat(hashes).as("discovered hash providers").isNotEmpty();
    assertThat(names).as("guava-testlib suites: one per hash provider and word size")
        .doesNotHaveDuplicates().hasSize(2 * hashes.size());
    for (String hash : hashes) {
      String prefix = "GoMap " + hash + "/";
      List<Integer> bits = names.stream().filter(n -> n.startsWith(prefix))
          .map(n -> layoutBits.get(n.substring(prefix.length()))).toList();
      assertThat(bits).as("word sizes of the layouts of the guava-testlib suites for hash " + hash
          + " (suites " + names + ")").containsExactlyInAnyOrder(32, 64);
    }
    return suites.stream();
  }

  /** A layout of {@code bits} whose platform {@code hash} supports, the preferred one if it can. */
  static PlatformLayout layoutFor(Plugins plugins, HashProvider hash, int bits) {
    String preferred = bits == 32 ? PREFERRED_32 : PREFERRED_64;
    PlatformLayout first = null;
    for (PluginInfo l : plugins.list(PluginKind.LAYOUT)) {
      PlatformLayout layout = (PlatformLayout) l.plugin();
      if (layout.platform().bits() != bits || !hash.supports(layout.platform())) {
        continue;
      }
      if (layout.name().equals(preferred)) {
        return layout;
      }
      if (first == null) {
        first = layout;
      }
    }
    return first;
  }

  static TestSuite suite(HashProvider hash, PlatformLayout layout) {
    AtomicLong seeds = new AtomicLong(0x6a09e667L);
    return MapTestSuiteBuilder.using(new TestStringMapGenerator() {
          @Override
          protected Map<String, String> create(Map.Entry<String, String>[] entries) {
            long seed = seeds.getAndIncrement();
            GoMap<String, String> map = GoMaps.builder()
                .hash(hash)
                .layout(layout)
                .seed(seed)
                .keyMaterial(KeyMaterial.random(new Random(seed)))
                .build();
            for (Map.Entry<String, String> e : entries) {
              map.put(e.getKey(), e.getValue());
            }
            return map;
          }
        })
        .named("GoMap " + hash.name() + "/" + layout.name())
        .withFeatures(
            MapFeature.GENERAL_PURPOSE,
            MapFeature.ALLOWS_NULL_KEYS,
            MapFeature.ALLOWS_NULL_VALUES,
            MapFeature.ALLOWS_ANY_NULL_QUERIES,
            CollectionFeature.SUPPORTS_ITERATOR_REMOVE,
            CollectionSize.ANY)
        .suppressing(orderAcrossIterations())
        .createTestSuite();
  }

  /**
   * The guava-testlib tests that compare the order of two iterations of an unchanged map: they
   * build the expected {@code toString()} from one iteration and compare it with another. Neither
   * {@link java.util.Map} nor {@link java.util.Set} promises a stable order, and Go's map draws a
   * new starting bucket and offset for every iteration, so these fail by design.
   * {@link #toStringListsEveryEntryOnce} checks what {@code toString()} does promise.
   */
  static List<Method> orderAcrossIterations() {
    try {
      return List.of(
          MapToStringTester.class.getMethod("testToString_formatting"),
          MapToStringTester.class.getMethod("testToStringWithNullKey"),
          MapToStringTester.class.getMethod("testToStringWithNullValue"));
    } catch (NoSuchMethodException e) {
      throw new AssertionError("guava-testlib renamed a MapToStringTester method", e);
    }
  }

  /** {@code toString()} is {@code {k=v, ...}} with every entry once, in some order. */
  @Test
  void toStringListsEveryEntryOnce() {
    GoMap<String, String> map = GoMaps.builder().seed(1).build();
    Map<String, String> expected = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      map.put("k" + i, i % 7 == 0 ? null : "v" + i);
      expected.put("k" + i, i % 7 == 0 ? null : "v" + i);
    }
    map.put(null, "n");
    expected.put(null, "n");
    String s = map.toString();
    assertThat(s).startsWith("{").endsWith("}");
    List<String> ours = new ArrayList<>(List.of(s.substring(1, s.length() - 1).split(", ")));
    List<String> theirs = new ArrayList<>();
    expected.forEach((k, v) -> theirs.add(k + "=" + v));
    assertThat(ours).containsExactlyInAnyOrderElementsOf(theirs);
  }

  /** A JUnit 3 test or suite as a JUnit 5 dynamic node. */
  static DynamicNode toNode(junit.framework.Test test) {
    if (test instanceof TestSuite suite) {
      List<DynamicNode> children = new ArrayList<>();
      for (junit.framework.Test t : Collections.list(suite.tests())) {
        children.add(toNode(t));
      }
      return dynamicContainer(suite.getName(), children);
    }
    if (test instanceof TestCase testCase) {
      return dynamicTest(testCase.getName(), testCase::runBare);
    }
    throw new IllegalArgumentException("not a TestSuite or TestCase: " + test.getClass());
  }
}
