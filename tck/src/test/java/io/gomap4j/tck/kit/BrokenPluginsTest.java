package io.gomap4j.tck.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gomap4j.api.GoType;
import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.spi.TypeLayout;
import io.gomap4j.tck.CheckResult;
import io.gomap4j.tck.Combination;
import io.gomap4j.tck.MapContract;
import io.gomap4j.tck.TckReport;
import io.gomap4j.tck.TckRunner;
import io.gomap4j.tck.WithoutTckProperties;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * Every kit rejects each deliberately broken plugin and names the rule it breaks, while the sound
 * plugin each one is made from passes.
 */
@ExtendWith(WithoutTckProperties.class)
class BrokenPluginsTest {

  private static final long SEED = 0x5EEDL;

  static HashProviderVerification hashKit(HashProvider provider) {
    return new HashProviderVerification() {
      @Override
      protected HashProvider createHashProvider() {
        return provider;
      }
    };
  }

  static PlatformLayoutVerification layoutKit(PlatformLayout layout) {
    return new PlatformLayoutVerification() {
      @Override
      protected PlatformLayout createPlatformLayout() {
        return layout;
      }
    };
  }

  static GrowthPolicyVerification growthKit(GrowthPolicy policy, Capability... declared) {
    Set<Capability> caps = EnumSet.noneOf(Capability.class);
    caps.addAll(List.of(declared));
    return new GrowthPolicyVerification() {
      @Override
      protected GrowthPolicy createGrowthPolicy() {
        return policy;
      }

      @Override
      protected Set<Capability> capabilities() {
        return caps;
      }
    };
  }

  /** Each broken plugin in its kit, with the check that must name its fault. */
  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of(Named.of("a hash that ignores the seed",
            hashKit(new BrokenPlugins.IgnoresSeed())), "hash.seed"),
        Arguments.of(Named.of("a hash that ignores the last byte",
            hashKit(new BrokenPlugins.IgnoresLastByte())), "hash.bytes"),
        Arguments.of(Named.of("a hash that gives 64-bit hashes on 32-bit platforms",
            hashKit(new BrokenPlugins.IgnoresWordSize())), "hash.wordsize"),
        Arguments.of(Named.of("a hash that throws when called off its creating thread",
            hashKit(new BrokenPlugins.ThreadConfined())), "hash.threads"),
        Arguments.of(Named.of("a hash whose f64hash alone throws off its creating thread",
            hashKit(new BrokenPlugins.ThreadConfined("broken-f64-thread-confined", true))),
            "hash.threads"),
        Arguments.of(Named.of("a hash named with a space, a comma and a slash",
            hashKit(new BrokenPlugins.Renamed("wordmix v1,fast/2"))), "hash.name"),
        Arguments.of(Named.of("a layout named with a space",
            layoutKit(new BrokenPlugins.SoundLayout("sound 64"))), "layout.name"),
        Arguments.of(Named.of("a growth policy named with a slash",
            growthKit(new BrokenPlugins.SoundGrowth("go119/fast"))), "growth.name"),
        Arguments.of(Named.of("a growth policy named like the bundled go119",
            growthKit(new BrokenPlugins.SoundGrowth("go119"))), "growth.name.unique"),
        Arguments.of(Named.of("a layout named 386 with 8-byte registers",
            layoutKit(new BrokenPlugins.WrongRegisterSize())), "layout.go.vectors"),
        Arguments.of(Named.of("a layout named 386 with 8-byte registers, by its platform",
            layoutKit(new BrokenPlugins.WrongRegisterSize())), "layout.platform.goarch"),
        Arguments.of(Named.of("a layout that misaligns 8-byte fields",
            layoutKit(new BrokenPlugins.MisalignsEightByteFields())), "layout.types.aligned"),
        Arguments.of(Named.of("a layout that lays out maps of keys that are not comparable",
            layoutKit(new BrokenPlugins.AcceptsAnyKey())), "layout.key.comparable"),
        Arguments.of(Named.of("a layout whose sizes wrap past 2^63-1 bytes",
            layoutKit(new BrokenPlugins.WrapsHugeSizes())), "layout.size.overflow"),
        Arguments.of(Named.of("a layout with overlapping slots",
            layoutKit(new BrokenPlugins.OverlappingSlots())), "layout.bucket.overlap"),
        Arguments.of(Named.of("a layout named mips with the 32-bit default maxAlloc",
            layoutKit(new BrokenPlugins.MipsWithDefaultMaxAlloc())), "layout.maxalloc"),
        Arguments.of(Named.of("a layout with a maxAlloc of 0",
            layoutKit(new BrokenPlugins.ZeroMaxAlloc())), "layout.maxalloc"),
        Arguments.of(Named.of("a growth policy that never grows",
            growthKit(new BrokenPlugins.NeverGrows())), "growth.load.bound"),
        Arguments.of(Named.of("a growth policy that never grows, in a map",
            growthKit(new BrokenPlugins.NeverGrows())), "growth.map.load"),
        Arguments.of(Named.of("a growth policy that evacuates one bucket too few",
            growthKit(new BrokenPlugins.EvacuatesTooFew())), "growth.evacuation.bounded"),
        Arguments.of(Named.of("a growth policy that evacuates one bucket too few, in a map",
            growthKit(new BrokenPlugins.EvacuatesTooFew())), "growth.map.evacuation"),
        Arguments.of(Named.of("a growth policy that shrinks below the count",
            growthKit(new BrokenPlugins.ShrinksBelowCount(), Capability.SHRINKS)),
            "growth.shrink.bound"),
        Arguments.of(Named.of("a growth policy that halves at 3.4 entries per bucket",
            growthKit(new BrokenPlugins.ShrinksJustAboveHalfBound(), Capability.SHRINKS)),
            "growth.shrink.bound"),
        Arguments.of(Named.of("a growth policy that shrinks without declaring it",
            growthKit(new BrokenPlugins.ShrinksBelowCount())), "growth.shrink.never"));
  }

  @ParameterizedTest(name = "{0} is rejected by {1}")
  @MethodSource("broken")
  @DisplayName("Each broken plugin is rejected, and the failure names the broken rule and what to"
      + " check")
  void brokenPluginIsRejected(Verification kit, String rule) {
    TckReport report = kit.run(SEED);
    assertThat(report.ok()).as(kit.subject() + " must be rejected").isFalse();
    assertThat(report.failures()).extracting(CheckResult::checkId).contains(rule);
    CheckResult failure = report.failures().stream()
        .filter(r -> r.checkId().equals(rule)).findFirst().orElseThrow();
    assertThat(failure.message()).contains("Check");
    assertThat(failure.description()).isNotBlank();
    assertThat(failure.combination()).isEqualTo(kit.subject());
    assertThat(failure.reproduce()).contains("-Dtck.seed=" + SEED);
  }

  @Test
  @DisplayName("A plugin named like another of its kind fails *.name.unique naming both classes,"
      + " also when the registry itself refuses the two; the registered plugin itself passes")
  void nameClashNamesBothClasses() {
    CheckResult clash = result(growthKit(new BrokenPlugins.SoundGrowth("go119")).run(SEED),
        "growth.name.unique");
    assertThat(clash.status()).isEqualTo(CheckResult.Status.FAILED);
    assertThat(clash.message()).contains("'go119'")
        .contains(BrokenPlugins.SoundGrowth.class.getName())
        .contains(Go119GrowthPolicy.class.getName());

    HashProviderVerification registeredTwice = new HashProviderVerification() {
      @Override
      protected HashProvider createHashProvider() {
        return new BrokenPlugins.Renamed("tck-reference");
      }

      @Override
      protected Plugins registry() {
        return Plugins.of(List.of(ReferenceHash.INSTANCE, createHashProvider()));
      }
    };
    CheckResult refused = result(registeredTwice.run(SEED), "hash.name.unique");
    assertThat(refused.status()).isEqualTo(CheckResult.Status.FAILED);
    assertThat(refused.message()).contains(ReferenceHash.class.getName())
        .contains(BrokenPlugins.Renamed.class.getName());

    CheckResult itself = result(growthKit(new Go119GrowthPolicy()).run(SEED),
        "growth.name.unique");
    assertThat(itself.status()).as(itself.message()).isEqualTo(CheckResult.Status.PASSED);
  }

  @Test
  @DisplayName("A badly named plugin registered beside the kit's plugin makes the registry refuse"
      + " to start: *.name.unique fails and the map kit stops, both with the registry's message")
  void registryRefusalOfABadNameFailsNameUniqueAndTheMapKit() {
    HashProvider oddlyNamed = new BrokenPlugins.Renamed("tck mix,v1");
    Supplier<Plugins> refused = () -> Plugins.of(List.of(ReferenceHash.INSTANCE, oddlyNamed));
    Throwable refusal = catchThrowable(refused::get);
    assertThat(refusal).isInstanceOf(IllegalStateException.class);
    String message = refusal.getMessage();
    assertThat(message).contains(BrokenPlugins.Renamed.class.getName())
        .contains("the name 'tck mix,v1' has a space at index 3");

    HashProviderVerification hashKit = new HashProviderVerification() {
      @Override
      protected HashProvider createHashProvider() {
        return ReferenceHash.INSTANCE;
      }

      @Override
      protected Plugins registry() {
        return refused.get();
      }
    };
    CheckResult unique = result(hashKit.run(SEED), "hash.name.unique");
    assertThat(unique.status()).isEqualTo(CheckResult.Status.FAILED);
    assertThat(unique.message()).endsWith("the plugins found cannot be registered: " + message
        + ". Check name()");

    MapContractVerification mapKit = new MapContractVerification() {
      @Override
      protected Object createPlugin() {
        return ReferenceHash.INSTANCE;
      }

      @Override
      protected Plugins partners() {
        return refused.get();
      }
    };
    assertThatThrownBy(mapKit::verify).isInstanceOf(IllegalStateException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> mapKit.run(SEED)).isInstanceOf(IllegalStateException.class)
        .hasMessage(message);
  }

  private static CheckResult result(TckReport report, String checkId) {
    return report.results().stream().filter(r -> r.checkId().equals(checkId)).findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName("The sound reference hash passes every hash check on all four platforms")
  void soundHashPasses() {
    TckReport report = hashKit(ReferenceHash.INSTANCE).run(SEED);
    assertThat(report.failures()).isEmpty();
    // It supports every platform, so the refusal check does not apply.
    assertThat(report.results()).filteredOn(r -> r.status() == CheckResult.Status.SKIPPED)
        .extracting(CheckResult::checkId).containsExactly("hash.unsupported");
  }

  @Test
  @DisplayName("A sound hash for some GOARCHes only is checked on one supported GOARCH of each"
      + " word size and byte order, and passes: arm64 alone, or mips64 beside amd64")
  void soundHashForSomeGoarchsPasses() {
    HashProviderVerification arm64 = hashKit(new BrokenPlugins.OnlyOn("arm64-only", "arm64"));
    assertThat(arm64.platforms()).extracting(p -> p.goarch()).containsExactly("arm64");
    TckReport report = arm64.run(SEED);
    assertThat(report.failures()).isEmpty();
    assertThat(report.results()).filteredOn(r -> r.status() == CheckResult.Status.SKIPPED)
        .isEmpty();

    HashProviderVerification two = hashKit(
        new BrokenPlugins.OnlyOn("le-and-be", "mips64", "amd64", "ppc64"));
    assertThat(two.platforms()).extracting(p -> p.goarch()).containsExactly("amd64", "mips64");
    assertThat(hashKit(new BrokenPlugins.OnlyOn("none")).platforms()).isEmpty();
    assertThat(result(hashKit(new BrokenPlugins.OnlyOn("none")).run(SEED), "hash.identity")
        .message()).contains("supports none of the kit's platforms []")
        .contains("override platforms()");
  }

  @Test
  @DisplayName("A sound layout that is not a GOARCH passes, with the GOARCH checks skipped")
  void soundLayoutPasses() {
    TckReport report = layoutKit(BrokenPlugins.soundLayout()).run(SEED);
    assertThat(report.failures()).isEmpty();
    assertThat(report.results()).filteredOn(r -> r.status() == CheckResult.Status.SKIPPED)
        .extracting(CheckResult::checkId)
        .containsExactly("layout.platform.goarch", "layout.go.vectors")
        .allSatisfy(id -> assertThat(id).isNotEmpty());
    assertThat(report.results()).filteredOn(r -> r.status() == CheckResult.Status.SKIPPED)
        .allSatisfy(r -> assertThat(r.message()).contains("not a Go 1.19 GOARCH"));
  }

  @Test
  @DisplayName("layout.key.comparable takes a refusal that spells a long key type in full, as"
      + " well as one that abbreviates it")
  void keyRefusalMaySpellTheKeyInFull() {
    GoType longKey = GoType.parse(
        "struct{aLongFieldName int64; anotherLongFieldName []string; yetAnotherField uint8}");
    assertThat(longKey.abbreviated()).isNotEqualTo(longKey.goSyntax());
    PlatformLayout spellsInFull = new BrokenPlugins.SoundLayout("full-spelling") {
      @Override
      public BucketLayout bucketLayout(GoType key, GoType elem) {
        if (!key.isComparable()) {
          throw new IllegalArgumentException("invalid map key type " + key.goSyntax()
              + ": a map key must be comparable");
        }
        return super.bucketLayout(key, elem);
      }
    };
    PlatformLayoutVerification kit = new PlatformLayoutVerification() {
      @Override
      protected PlatformLayout createPlatformLayout() {
        return spellsInFull;
      }

      @Override
      protected List<GoType> types() {
        List<GoType> types = new ArrayList<>(super.types());
        types.add(longKey);
        return types;
      }
    };
    assertThat(kit.run(SEED).failures()).extracting(CheckResult::checkId)
        .doesNotContain("layout.key.comparable");
  }

  @Test
  @DisplayName("A layout that lays out a map of any key, or wraps sizes past 2^63-1 bytes, fails"
      + " only layout.key.comparable or layout.size.overflow, which say what it did")
  void layoutRefusals() {
    TckReport anyKey = layoutKit(new BrokenPlugins.AcceptsAnyKey()).run(SEED);
    assertThat(anyKey.failures()).extracting(CheckResult::checkId)
        .containsExactly("layout.key.comparable");
    assertThat(anyKey.failures().get(0).message())
        .contains("bucketLayout([]int, int64) returned a bucket of")
        .contains("invalid map key type []int").contains("GoType.isComparable()");

    TckReport wraps = layoutKit(new BrokenPlugins.WrapsHugeSizes()).run(SEED);
    assertThat(wraps.failures()).extracting(CheckResult::checkId)
        .containsExactly("layout.size.overflow");
    assertThat(wraps.failures().get(0).message())
        .contains("typeLayout([3074457345618258603]int64) returned size 6148914691236517208")
        .contains("wrapped").contains("Math.multiplyExact");

    // Arrays checked, structs not: struct{a [2^63-1]byte; b int64} wraps below 0, and is
    // refused only by TypeLayout's own check, whose message names no type.
    PlatformLayoutVerification structsWrap = layoutKit(new BrokenPlugins.WrapsHugeSizes() {
      @Override
      public TypeLayout typeLayout(GoType type) {
        if (type instanceof GoType.Array a) {
          TypeLayout e = typeLayout(a.elem());
          try {
            return new TypeLayout(Math.multiplyExact(a.length(), e.size()), e.align());
          } catch (ArithmeticException tooLarge) {
            throw new IllegalArgumentException("type " + type.goSyntax() + " is too large");
          }
        }
        return super.typeLayout(type);
      }
    });
    CheckResult unnamed = result(structsWrap.run(SEED), "layout.size.overflow");
    assertThat(unnamed.status()).isEqualTo(CheckResult.Status.FAILED);
    assertThat(unnamed.message())
        .contains("typeLayout(struct{a [9223372036854775807]uint8; b int64}) threw an"
            + " IllegalArgumentException whose message (size must be >= 0")
        .contains("names neither the type nor a part of it");
  }

  @Test
  @DisplayName("Go's rules rebuilt as a test policy pass, with the shrink checks skipped")
  void soundGrowthPasses() {
    TckReport report = growthKit(new BrokenPlugins.SoundGrowth("sound-go")).run(SEED);
    assertThat(report.failures()).isEmpty();
    assertThat(report.results()).filteredOn(r -> r.status() == CheckResult.Status.SKIPPED)
        .extracting(CheckResult::checkId)
        .containsExactly("growth.shrink.bound", "growth.map.shrink");
  }

  @Test
  @DisplayName("A shrinking policy with a margin passes the whole growth kit, with the negative"
      + " shrink checks skipped")
  void soundShrinkerPassesTheKit() {
    TckReport report = growthKit(new BrokenPlugins.SoundShrinker(), Capability.SHRINKS)
        .run(SEED);
    assertThat(report.results()).extracting(CheckResult::checkId)
        .contains("growth.shrink.bound", "growth.map.shrink");
    assertThat(report.results())
        .allSatisfy(r -> assertThat(r.status()).as(r.checkId() + ": " + r.message())
            .isIn(CheckResult.Status.PASSED, CheckResult.Status.SKIPPED));
    assertThat(report.results()).filteredOn(r -> r.status() == CheckResult.Status.SKIPPED)
        .extracting(CheckResult::checkId)
        .containsExactly("growth.shrink.never", "growth.map.noshrink");
  }

  @Test
  @DisplayName("The map kit runs map.partners, then each contract check on each compatible"
      + " combination")
  void mapKitCombinations() {
    MapContractVerification kit = mapKit(ReferenceHash.INSTANCE, BrokenPlugins.soundLayout(),
        new Go119GrowthPolicy());
    assertThat(kit.subject()).isEqualTo("map with hash tck-reference");
    assertThat(kit.combinations()).extracting(c -> c.id())
        .containsExactly("tck-reference/sound-64/go119");
    TckReport report = kit.run(SEED);
    assertThat(report.failures()).isEmpty();
    assertThat(report.results()).extracting(CheckResult::checkId)
        .startsWith("map.partners")
        .contains("map.model.longlong[tck-reference/sound-64/go119]")
        .hasSize(1 + MapContract.checks().size());

    // Each check runs with the seed the matrix gives it, so one run seed reproduces it in both.
    Combination combination = kit.combinations().get(0);
    TckReport matrix = TckRunner.run(List.of(combination), MapContract.checks(), SEED,
        new TckRunner.Listener() {});
    assertThat(report.results().subList(1, report.results().size()))
        .extracting(CheckResult::seed)
        .containsExactlyElementsOf(matrix.results().stream().map(CheckResult::seed).toList());
  }

  @Test
  @DisplayName("Without a partner to combine with, the map kit fails map.partners once, naming"
      + " what is missing and the artifact to add, instead of skipping every map check")
  void mapKitWithoutPartners() {
    // A layout author without hash providers on the test class path.
    TckReport noHash = mapKit(BrokenPlugins.soundLayout(), new Go119GrowthPolicy()).run(SEED);
    assertThat(noHash.results()).extracting(CheckResult::checkId)
        .containsExactly("map.partners");
    assertThat(noHash.failed()).isEqualTo(1);
    assertThat(noHash.failures().get(0).message())
        .contains("no map check can run: layout sound-64 has no compatible combination with the"
            + " plugins on the test class path (hash [], layout [], growth [go119])")
        .contains("no hash provider was found: add the bundled ones,"
            + " io.gomap4j:gomap4j-hash-providers, at test scope, or a hash provider of your own"
            + " that supports platform sound-64")
        .contains("Check the test dependencies");

    // Hash providers, but none for the layout's platform.
    TckReport noneSupports = mapKit(BrokenPlugins.soundLayout(), new Go119GrowthPolicy(),
        new BrokenPlugins.OnlyOn("arm64-only", "arm64")).run(SEED);
    assertThat(noneSupports.failures()).extracting(CheckResult::checkId)
        .containsExactly("map.partners");
    assertThat(noneSupports.failures().get(0).message())
        .contains("none of the hash providers found (arm64-only) supports platform sound-64")
        .contains("add a hash provider that supports it");

    // A hash author without layouts; a growth policy author with nothing at all.
    assertThat(mapKit(ReferenceHash.INSTANCE, new Go119GrowthPolicy()).run(SEED).failures()
        .get(0).message())
        .contains("no layout was found: add the bundled ones, io.gomap4j:gomap4j-layouts-64bit and"
            + " io.gomap4j:gomap4j-layouts-32bit, at test scope, or a layout of your own for a"
            + " platform the hash supports (every platform)");
    assertThat(mapKit(new BrokenPlugins.SoundGrowth("sound-go")).run(SEED).failures().get(0)
        .message())
        .contains("no hash provider was found", "io.gomap4j:gomap4j-hash-providers",
            "no layout was found", "io.gomap4j:gomap4j-layouts-64bit");

    // Under JUnit: one test, which fails (a skip would let the build pass).
    List<DynamicTest> tests = mapKit(BrokenPlugins.soundLayout(), new Go119GrowthPolicy())
        .verify().toList();
    assertThat(tests).singleElement().extracting(DynamicTest::getDisplayName).asString()
        .startsWith("map.partners: the plugin is combined with at least one plugin of each other"
            + " kind");
    assertThatThrownBy(() -> tests.get(0).getExecutable().execute())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("map with layout sound-64 broke map.partners")
        .hasMessageContaining("io.gomap4j:gomap4j-hash-providers");
  }

  /** The map kit for {@code plugin}, combined with {@code partners} alone. */
  static MapContractVerification mapKit(Object plugin, Object... partners) {
    return new MapContractVerification() {
      @Override
      protected Object createPlugin() {
        return plugin;
      }

      @Override
      protected Plugins partners() {
        return Plugins.of(List.of(partners));
      }
    };
  }

  @Test
  @DisplayName("map.iteration.shrink fails, naming the rule, when the policy can halve but no"
      + " iteration saw a shrink; it passes under a policy that shrinks")
  void iterationShrinkRequiresAShrink() {
    for (GrowthPolicy policy : List.of(new BrokenPlugins.HalvesOnlyOutOfReach(),
        new BrokenPlugins.SoundShrinker())) {
      MapContractVerification kit = new MapContractVerification() {
        @Override
        protected Object createPlugin() {
          return ReferenceHash.INSTANCE;
        }

        @Override
        protected Plugins partners() {
          return Plugins.of(List.of(BrokenPlugins.soundLayout(), policy));
        }
      };
      String id = "map.iteration.shrink[tck-reference/sound-64/" + policy.name() + "]";
      CheckResult result = kit.run(SEED).results().stream()
          .filter(r -> r.checkId().equals(id)).findFirst().orElseThrow();
      if (policy instanceof BrokenPlugins.HalvesOnlyOutOfReach) {
        assertThat(result.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(result.message()).contains("map.iteration.shrink")
            .contains("onDelete(1, B=10, noverflow=0) answers HALVE").contains("Check");
      } else {
        assertThat(result.status()).as(result.message()).isEqualTo(CheckResult.Status.PASSED);
      }
    }
  }

  @Test
  @DisplayName("Under JUnit a check is a test named 'id: contract'; a broken rule fails naming the"
      + " plugin, the rule and the seed, and a check that does not apply is aborted with why")
  void junitFace() {
    List<DynamicTest> tests = hashKit(new BrokenPlugins.IgnoresSeed()).verify().toList();
    assertThat(tests).extracting(DynamicTest::getDisplayName)
        .anySatisfy(n -> assertThat(n).startsWith("hash.seed: every bit of the 32-bit map seed"));
    DynamicTest seed = tests.stream().filter(t -> t.getDisplayName().startsWith("hash.seed:"))
        .findFirst().orElseThrow();
    assertThatThrownBy(() -> seed.getExecutable().execute()).isInstanceOf(AssertionError.class)
        .hasMessageContaining("hash broken-ignores-seed broke hash.seed (every bit")
        .hasMessageContaining("Check that the seed")
        .hasMessageContaining("-Dtck.seed=");
    DynamicTest unsupported = tests.stream()
        .filter(t -> t.getDisplayName().startsWith("hash.unsupported:")).findFirst().orElseThrow();
    assertThatThrownBy(() -> unsupported.getExecutable().execute())
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("hash.unsupported does not apply: broken-ignores-seed supports every"
            + " Go 1.19 GOARCH");
  }
}
