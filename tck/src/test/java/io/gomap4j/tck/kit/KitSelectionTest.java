package io.gomap4j.tck.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.tck.CheckResult;
import io.gomap4j.tck.TckMatrix;
import io.gomap4j.tck.WithoutTckProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.TestAbortedException;

/**
 * A plugin author runs a kit in their own build: a failure prints the properties that run that one
 * check again, and the kit reads them ({@code tck.seed}, {@code tck.check}, and for the map kit
 * {@code tck.hash}, {@code tck.layout} and {@code tck.growth}).
 */
@ExtendWith(WithoutTckProperties.class)
class KitSelectionTest {

  private static final List<String> KEYS = List.of(TckMatrix.SEED, TckMatrix.CHECK,
      TckMatrix.HASH, TckMatrix.LAYOUT, TckMatrix.GROWTH, TckMatrix.TIMEOUT);

  private final Map<String, String> saved = new LinkedHashMap<>();

  private void set(String key, String value) {
    if (!saved.containsKey(key)) {
      saved.put(key, System.getProperty(key));
    }
    System.setProperty(key, value);
  }

  @AfterEach
  void restore() {
    saved.forEach((key, value) -> {
      if (value == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, value);
      }
    });
  }

  /** Sets the -D properties of a reproduce line, and clears the selection properties it lacks. */
  private void apply(String reproduce) {
    for (String key : KEYS) {
      set(key, "");
    }
    Matcher m = Pattern.compile("-D(tck\\.[a-z]+)=(\\S+)").matcher(reproduce);
    while (m.find()) {
      set(m.group(1), m.group(2));
    }
  }

  private static String reproduceLine(Throwable failure) {
    Matcher m = Pattern.compile("\\[reproduce: ([^\\]]+)]$").matcher(failure.getMessage());
    assertThat(m.find()).as(failure.getMessage()).isTrue();
    return m.group(1);
  }

  private static Throwable failureOf(DynamicTest test) {
    try {
      test.getExecutable().execute();
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError(test.getDisplayName() + " passed");
  }

  @Test
  @DisplayName("A kit's failure prints -Dtck.seed and -Dtck.check; with them set, the kit runs that"
      + " one check again and it fails the same way")
  void kitFailureReproducesAlone() {
    set(TckMatrix.SEED, "42");
    HashProviderVerification kit = BrokenPluginsTest.hashKit(new BrokenPlugins.IgnoresSeed());
    DynamicTest seed = kit.verify().filter(t -> t.getDisplayName().startsWith("hash.seed:"))
        .findFirst().orElseThrow();
    Throwable first = failureOf(seed);
    String line = reproduceLine(first);
    assertThat(line).isEqualTo("-Dtck.seed=42 -Dtck.check=hash.seed");

    apply(line);
    List<DynamicTest> again = kit.verify().toList();
    assertThat(again).singleElement().extracting(DynamicTest::getDisplayName)
        .isEqualTo(seed.getDisplayName());
    assertThat(failureOf(again.get(0))).hasMessage(first.getMessage());
  }

  @Test
  @DisplayName("A map kit's failure prints its rule and combination as the matrix's properties;"
      + " with them set, the map kit runs that one check on that one combination again")
  void mapKitFailureReproducesAlone() {
    MapContractVerification kit = BrokenPluginsTest.mapKit(ReferenceHash.INSTANCE,
        BrokenPlugins.soundLayout(), new BrokenPlugins.HalvesOnlyOutOfReach(),
        new Go119GrowthPolicy());
    String id = "map.iteration.shrink[tck-reference/sound-64/halves-out-of-reach]";
    DynamicTest shrink = kit.verify().filter(t -> t.getDisplayName().startsWith(id + ":"))
        .findFirst().orElseThrow();
    Throwable first = failureOf(shrink);
    String line = reproduceLine(first);
    assertThat(line).isEqualTo("-Dtck.seed=" + 0x60A4A9L + " -Dtck.check=map.iteration.shrink"
        + " -Dtck.hash=tck-reference -Dtck.layout=sound-64 -Dtck.growth=halves-out-of-reach");

    apply(line);
    List<DynamicTest> again = kit.verify().toList();
    assertThat(again).singleElement().extracting(DynamicTest::getDisplayName)
        .isEqualTo(shrink.getDisplayName());
    assertThat(failureOf(again.get(0))).hasMessage(first.getMessage());

    // The other combination alone, and the rule on both combinations.
    set(TckMatrix.GROWTH, "go119");
    assertThat(kit.verify().map(DynamicTest::getDisplayName).toList())
        .singleElement().asString()
        .startsWith("map.iteration.shrink[tck-reference/sound-64/go119]");
    set(TckMatrix.GROWTH, "");
    assertThat(kit.verify().toList()).hasSize(2);
  }

  @Test
  @DisplayName("The kit's class is in the reproduce line as -Dtest when it is a top-level class,"
      + " and so is a timeout other than the default")
  void reproduceNamesTheTestClass() {
    Go119GrowthPolicyVerification kit = new Go119GrowthPolicyVerification();
    KitCheck answers = kit.checks().stream().filter(c -> c.id().equals("growth.answers"))
        .findFirst().orElseThrow();
    assertThat(kit.reproduce(answers, 5))
        .isEqualTo("-Dtest=Go119GrowthPolicyVerification -Dtck.seed=5 -Dtck.check=growth.answers");
    set(TckMatrix.TIMEOUT, "90s");
    assertThat(kit.reproduce(answers, 5)).endsWith(" -Dtck.check=growth.answers -Dtck.timeout=90s");
  }

  @Test
  @DisplayName("tck.check selects checks of several kits at once: each kit runs its own, and one"
      + " with none selected says so in one aborted test")
  void checkOfAnotherKit() {
    set(TckMatrix.CHECK, "hash.seed, layout.nulls");
    assertThat(BrokenPluginsTest.hashKit(ReferenceHash.INSTANCE).verify()
        .map(DynamicTest::getDisplayName).toList()).singleElement().asString()
        .startsWith("hash.seed: ");
    assertThat(BrokenPluginsTest.layoutKit(BrokenPlugins.soundLayout()).verify()
        .map(DynamicTest::getDisplayName).toList()).singleElement().asString()
        .startsWith("layout.nulls: ");
    List<DynamicTest> growth = new Go119GrowthPolicyVerification().verify().toList();
    assertThat(growth).singleElement().extracting(DynamicTest::getDisplayName)
        .isEqualTo("-Dtck.check=hash.seed, layout.nulls selects none of the checks of growth"
            + " go119");
    assertThatThrownBy(() -> growth.get(0).getExecutable().execute())
        .isInstanceOf(TestAbortedException.class);
  }

  @Test
  @DisplayName("tck.check with an id of the kit's kind that it does not have, an id of no kit or an"
      + " empty name is refused, naming the property and the kit's ids")
  void unknownChecks() {
    HashProviderVerification kit = BrokenPluginsTest.hashKit(ReferenceHash.INSTANCE);
    for (String bad : List.of("hash.sed", "hsh.seed", "map.order,hsh.seed")) {
      set(TckMatrix.CHECK, bad);
      assertThatThrownBy(kit::verify).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("tck.check '" + bad + "' has the unknown check '")
          .hasMessageContaining("the checks of hash tck-reference are hash.identity, hash.name,")
          .hasMessageContaining("and the other kits' start with [layout., growth., map.]");
    }
    set(TckMatrix.CHECK, "hash.seed,,hash.bytes");
    assertThatThrownBy(kit::verify).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tck.check 'hash.seed,,hash.bytes' has an empty name");
    // A map rule is known to the map kit even without a combination to run it on.
    set(TckMatrix.CHECK, "map.order");
    assertThat(BrokenPluginsTest.mapKit(BrokenPlugins.soundLayout(), new Go119GrowthPolicy())
        .verify().map(DynamicTest::getDisplayName).toList()).singleElement().asString()
        .startsWith("map.partners: ");
  }

  @Test
  @DisplayName("A kit's test names, failures, results and refusals quote the plugin's name and the"
      + " tck.* properties without raw control characters")
  void controlCharactersAreEscaped() {
    String raw = "x\u001b[2J\ny";
    String escaped = "x\\u001b[2J\\u000ay";
    HashProviderVerification kit = BrokenPluginsTest.hashKit(new BrokenPlugins.Renamed(raw));
    List<String> texts = new ArrayList<>();
    for (DynamicTest test : kit.verify().toList()) {
      texts.add(test.getDisplayName());
      try {
        test.getExecutable().execute();
      } catch (Throwable t) {
        texts.add(t.getMessage());
      }
    }
    for (CheckResult r : kit.run(5).results()) {
      texts.addAll(List.of(r.combination(), r.checkId(), r.description(), r.message(),
          r.reproduce()));
    }
    assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContainPattern("\\p{Cntrl}"))
        .anySatisfy(t -> assertThat(t).startsWith("hash " + escaped + " broke hash.name"));

    set(TckMatrix.CHECK, "hash." + raw);
    assertThatThrownBy(kit::verify).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tck.check 'hash." + escaped + "' has the unknown check 'hash."
            + escaped + "'; the checks of hash " + escaped + " are ");
    set(TckMatrix.CHECK, "layout." + raw);
    assertThat(kit.verify().map(DynamicTest::getDisplayName).toList()).containsExactly(
        "-Dtck.check=layout." + escaped + " selects none of the checks of hash " + escaped);
  }
}
