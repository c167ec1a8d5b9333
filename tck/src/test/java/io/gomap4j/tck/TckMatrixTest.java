package io.gomap4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.engine.Plugins;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(WithoutTckProperties.class)
class TckMatrixTest {

  private final Plugins plugins = Plugins.of(List.of(
      new Fixtures.MixHash("mix", false), new Fixtures.MixHash("mix64", true),
      Fixtures.WIDE, Fixtures.NARROW, Fixtures.GO119));

  @Test
  @DisplayName("The matrix pairs every hash with every layout whose platform it supports")
  void compatibleCombinationsOnly() {
    assertThat(TckMatrix.combinations(plugins)).extracting(Combination::id)
        .containsExactly("mix/narrow/go119", "mix/wide/go119", "mix64/wide/go119");
  }

  @Test
  @DisplayName("A hash whose supports() throws is kept in the matrix, so that its checks report it,"
      + " instead of stopping the whole run")
  void supportsThatThrowsIsKept() {
    Fixtures.MixHash throwing = new Fixtures.MixHash("throwing", false) {
      @Override
      public boolean supports(io.gomap4j.spi.Platform platform) {
        if (platform.bits() == 32) {
          throw new UnsupportedOperationException("32-bit");
        }
        return true;
      }
    };
    Plugins p = Plugins.of(List.of(throwing, Fixtures.WIDE, Fixtures.NARROW, Fixtures.GO119));
    assertThat(TckMatrix.combinations(p)).extracting(Combination::id)
        .containsExactly("throwing/narrow/go119", "throwing/wide/go119");
  }

  @Test
  @DisplayName("Narrowing by names keeps only the named plugins")
  void narrowing() {
    assertThat(TckMatrix.combinations(plugins, List.of("mix"), List.of("wide"), List.of()))
        .extracting(Combination::id).containsExactly("mix/wide/go119");
  }

  @Test
  @DisplayName("An unknown plugin name fails and lists the valid names")
  void unknownNames() {
    assertThatThrownBy(() -> TckMatrix.combinations(plugins, List.of(), List.of("mips"),
        List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'mips'")
        .hasMessageContaining("[narrow, wide]");
  }

  @Test
  @DisplayName("tck.sample of 0, a negative number or not a number is refused naming the property"
      + " and the allowed range, not turned into an empty matrix")
  void sampleProperty() {
    String before = System.getProperty(TckMatrix.SAMPLE);
    try {
      for (String bad : List.of("0", "-3", "two")) {
        System.setProperty(TckMatrix.SAMPLE, bad);
        assertThatThrownBy(() -> TckMatrix.fromSystemProperties(plugins))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("tck.sample must be a whole number of combinations, 1 or more (leave it"
                + " unset to run them all), got '" + bad + "'");
      }
      System.setProperty(TckMatrix.SAMPLE, "2");
      assertThat(TckMatrix.fromSystemProperties(plugins)).hasSize(2);
    } finally {
      if (before == null) {
        System.clearProperty(TckMatrix.SAMPLE);
      } else {
        System.setProperty(TckMatrix.SAMPLE, before);
      }
    }
  }

  @Test
  @DisplayName("tck.hash, tck.layout, tck.growth and tck.check refuse an empty name (',', 'a,,b',"
      + " 'a,') naming the property and the known names, instead of selecting everything")
  void emptyNamesInProperties() {
    for (String key : List.of(TckMatrix.HASH, TckMatrix.LAYOUT, TckMatrix.GROWTH)) {
      String known = key.equals(TckMatrix.HASH) ? "mix, mix64"
          : key.equals(TckMatrix.LAYOUT) ? "narrow, wide" : "go119";
      String first = known.split(", ")[0];
      for (String bad : List.of(",", first + ",," + first, first + ",", " , ")) {
        withProperty(key, bad, () -> assertThatThrownBy(
            () -> TckMatrix.fromSystemProperties(plugins))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(key + " '" + bad + "' has an empty name; give one or more names separated"
                + " by commas, each one of: " + known + " (or leave " + key + " unset for all)"));
      }
      withProperty(key, first + ", " + first, () ->
          assertThat(TckMatrix.fromSystemProperties(plugins)).isNotEmpty()
              .isSubsetOf(TckMatrix.combinations(plugins)));
      withProperty(key, "nope", () -> assertThatThrownBy(
          () -> TckMatrix.fromSystemProperties(plugins))
          .hasMessage(key + " 'nope' has the unknown name 'nope'; give one or more names separated"
              + " by commas, each one of: " + known + " (or leave " + key + " unset for all)"));
      for (String unset : List.of("", "  ")) {
        withProperty(key, unset, () -> assertThat(TckMatrix.fromSystemProperties(plugins))
            .isEqualTo(TckMatrix.combinations(plugins)));
      }
    }
    List<String> ids = MapContract.checks().stream().map(TckCheck::id).toList();
    withProperty(TckMatrix.CHECK, "map.order,", () -> assertThatThrownBy(
        () -> TckMatrix.names(TckMatrix.CHECK, ids))
        .hasMessageStartingWith("tck.check 'map.order,' has an empty name; give one or more names"
            + " separated by commas, each one of: map.model.longlong, "));
    withProperty(TckMatrix.CHECK, "map.order,,map.clear", () -> assertThatThrownBy(
        () -> TckMatrix.names(TckMatrix.CHECK))
        .hasMessage("tck.check 'map.order,,map.clear' has an empty name; give one or more names"
            + " separated by commas (or leave tck.check unset for all)"));
    withProperty(TckMatrix.CHECK, " map.order , map.clear", () ->
        assertThat(TckMatrix.names(TckMatrix.CHECK, ids)).containsExactly("map.order",
            "map.clear"));
  }

  private static void withProperty(String key, String value, Runnable body) {
    String before = System.getProperty(key);
    System.setProperty(key, value);
    try {
      body.run();
    } finally {
      if (before == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, before);
      }
    }
  }

  @Test
  @DisplayName("A sample is a seeded, reproducible subset in matrix order")
  void sampling() {
    List<Combination> all = TckMatrix.combinations(plugins);
    List<Combination> a = TckMatrix.sample(all, 2, 5);
    assertThat(a).hasSize(2).isEqualTo(TckMatrix.sample(all, 2, 5));
    assertThat(all).containsSubsequence(a);
    assertThat(TckMatrix.sample(all, 10, 5)).isEqualTo(all);
    assertThatThrownBy(() -> TckMatrix.sample(all, -1, 5))
        .hasMessageContaining("sample size must be >= 0");
  }

  @Test
  @DisplayName("An unknown check id fails and lists the valid ids")
  void unknownCheck() {
    assertThatThrownBy(() -> MapContract.checks(List.of("map.nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("map.nope")
        .hasMessageContaining("map.model.longlong");
  }

  @Test
  @DisplayName("A message quoting a tck.* property or a name given writes its control characters as"
      + " \\u00XX escapes, so that a value cannot clear the terminal or split the message")
  void controlCharactersAreEscaped() {
    String raw = "x\u001b[2J\ny";
    String escaped = "x\\u001b[2J\\u000ay";
    assertThatThrownBy(() -> TckMatrix.combinations(plugins, List.of(raw), List.of(), List.of()))
        .hasMessageStartingWith("unknown hash plugin '" + escaped + "'");
    assertThatThrownBy(() -> TckMatrix.parseTimeout("tck.timeout", raw))
        .hasMessageEndingWith("got '" + escaped + "'");
    assertThatThrownBy(() -> TckMatrix.parseTimeout("tck.timeout", "9999999999m\u001b"))
        .hasMessageEndingWith("got '9999999999m\\u001b'");
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(TckMatrix.HASH, "mix," + raw);
    properties.put(TckMatrix.LAYOUT, raw + ",,wide");
    properties.put(TckMatrix.SAMPLE, raw);
    for (Map.Entry<String, String> p : properties.entrySet()) {
      String before = System.getProperty(p.getKey());
      System.setProperty(p.getKey(), p.getValue());
      try {
        assertThatThrownBy(() -> TckMatrix.fromSystemProperties(plugins))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(p.getKey() + " ")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("\\p{Cntrl}")
                .contains(escaped));
      } finally {
        if (before == null) {
          System.clearProperty(p.getKey());
        } else {
          System.setProperty(p.getKey(), before);
        }
      }
    }
  }
}
