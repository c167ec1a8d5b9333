package io.gomap4j.tck.kit;

import io.gomap4j.engine.PluginInfo;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.tck.Combination;
import io.gomap4j.tck.MapContract;
import io.gomap4j.tck.TckCheck;
import io.gomap4j.tck.TckMatrix;
import io.gomap4j.tck.TckRunner;
import java.util.ArrayList;
import java.util.List;

/**
 * The kit for the whole map: the author's plugin combined with every discovered plugin of the
 * other two kinds whose platforms agree ({@link Combination#compatible()}), checked against
 * {@link MapContract}: the model-based contract against {@link java.util.HashMap} with Go's
 * invariants after every operation, iteration across growth, Go's rules for deletes and clear
 * during iteration, misuse detection, and reproducible iteration order. Subclass it in a test and
 * implement {@link #createPlugin()}.
 *
 * <p>Each contract check on each combination is one check of this kit, with the id
 * {@code map.<rule>[hash/layout/growth]}, and it runs with the seed the matrix gives the same check
 * on the same combination. Before them, {@code map.partners} checks that there is a combination at
 * all: without one, a layout without hash providers on the test class path for example, it is the
 * only check, and it fails naming what is missing and the artifact to add, rather than every map
 * check being skipped.
 */
public abstract class MapContractVerification extends Verification {

  /** The id of the check that the plugin under test has partners to be checked with. */
  static final String PARTNERS = "map.partners";

  private static final String PARTNERS_CONTRACT = "the plugin is combined with at least one"
      + " plugin of each other kind found on the test class path (a hash provider that supports"
      + " the layout's platform, a layout and a growth policy), so that the map checks run";

  private static final String HASH_ARTIFACT = "io.gomap4j:gomap4j-hash-providers";
  private static final String LAYOUT_ARTIFACTS =
      "io.gomap4j:gomap4j-layouts-64bit and io.gomap4j:gomap4j-layouts-32bit";
  private static final String ENGINE_ARTIFACT = "io.gomap4j:gomap4j-engine";

  /** The plugin under test: a HashProvider, PlatformLayout or GrowthPolicy. */
  protected abstract Object createPlugin();

  /**
   * Where the partners of the plugin under test come from: the plugins {@link java.util.ServiceLoader}
   * finds, by default. Override to pin the partners.
   *
   * @see Plugins#discovered()
   */
  protected Plugins partners() {
    return Plugins.discovered();
  }

  @Override
  public String subject() {
    Object plugin = createPlugin();
    return "map with " + kindOf(plugin).label() + " " + nameOf(plugin);
  }

  private static PluginKind kindOf(Object plugin) {
    if (plugin instanceof HashProvider) {
      return PluginKind.HASH;
    }
    if (plugin instanceof PlatformLayout) {
      return PluginKind.LAYOUT;
    }
    if (plugin instanceof GrowthPolicy) {
      return PluginKind.GROWTH;
    }
    throw new IllegalArgumentException("createPlugin() returned " + plugin + ", which is not a"
        + " HashProvider, PlatformLayout or GrowthPolicy");
  }

  private static String nameOf(Object plugin) {
    switch (kindOf(plugin)) {
      case HASH:
        return ((HashProvider) plugin).name();
      case LAYOUT:
        return ((PlatformLayout) plugin).name();
      default:
        return ((GrowthPolicy) plugin).name();
    }
  }

  private static List<Object> of(Plugins plugins, PluginKind kind) {
    List<Object> out = new ArrayList<>();
    for (PluginInfo info : plugins.list(kind)) {
      out.add(info.plugin());
    }
    return out;
  }

  /** The compatible combinations of the plugin under test with the partners, in name order. */
  public final List<Combination> combinations() {
    Object plugin = createPlugin();
    PluginKind kind = kindOf(plugin);
    Plugins plugins = partners();
    List<Object> hashes = kind == PluginKind.HASH ? List.of(plugin) : of(plugins, PluginKind.HASH);
    List<Object> layouts = kind == PluginKind.LAYOUT ? List.of(plugin)
        : of(plugins, PluginKind.LAYOUT);
    List<Object> growths = kind == PluginKind.GROWTH ? List.of(plugin)
        : of(plugins, PluginKind.GROWTH);
    List<Combination> out = new ArrayList<>();
    for (Object h : hashes) {
      for (Object l : layouts) {
        for (Object g : growths) {
          Combination c = new Combination((HashProvider) h, (PlatformLayout) l, (GrowthPolicy) g);
          if (c.compatible()) {
            out.add(c);
          }
        }
      }
    }
    return out;
  }

  /**
   * {@code map.partners}, then each contract check on each combination. Without a combination, no
   * contract check can run: {@code map.partners} alone, which fails naming what is missing and the
   * artifact to add.
   */
  @Override
  public List<KitCheck> checks() {
    List<Combination> combinations = combinations();
    List<KitCheck> out = new ArrayList<>();
    out.add(KitCheck.of(PARTNERS, PARTNERS_CONTRACT, seed -> {
      if (combinations.isEmpty()) {
        throw new AssertionError(noPartners());
      }
    }));
    for (TckCheck check : MapContract.checks()) {
      for (Combination c : combinations) {
        out.add(new CombinationCheck(check, c));
      }
    }
    return out;
  }

  /** {@code map.partners} and every contract check, whether or not the kit has a combination. */
  @Override
  protected List<String> checkIds() {
    List<String> ids = new ArrayList<>();
    ids.add(PARTNERS);
    MapContract.checks().forEach(c -> ids.add(c.id()));
    return ids;
  }

  /**
   * The checks of {@link Verification#selectedChecks()}, on the combinations whose plugins
   * {@code -Dtck.hash}, {@code -Dtck.layout} and {@code -Dtck.growth} name (each unset: all), as
   * the reproduce line of a failure sets them. When the kit has no combination, {@code
   * map.partners} runs whenever a map check is selected, since it says why none can run.
   *
   * @throws IllegalArgumentException naming the property, if one of them has an empty name
   */
  @Override
  public List<KitCheck> selectedChecks() {
    List<KitCheck> selected = super.selectedChecks();
    List<String> hashes = TckMatrix.names(TckMatrix.HASH);
    List<String> layouts = TckMatrix.names(TckMatrix.LAYOUT);
    List<String> growths = TckMatrix.names(TckMatrix.GROWTH);
    List<KitCheck> out = new ArrayList<>();
    for (KitCheck check : selected) {
      if (check instanceof CombinationCheck c && !(named(hashes, c.combination().hash().name())
          && named(layouts, c.combination().layout().name())
          && named(growths, c.combination().growth().name()))) {
        continue;
      }
      out.add(check);
    }
    boolean mapCheckAsked = TckMatrix.names(TckMatrix.CHECK).stream()
        .anyMatch(id -> id.startsWith("map."));
    if (out.isEmpty() && mapCheckAsked && combinations().isEmpty()) {
      out.add(checks().get(0));
    }
    return out;
  }

  private static boolean named(List<String> names, String name) {
    return names.isEmpty() || names.contains(name);
  }

  /**
   * As {@link Verification#reproduce}, and for a check on a combination, its rule and the
   * combination's plugins: {@code -Dtck.check=map.order -Dtck.hash=... -Dtck.layout=...
   * -Dtck.growth=...}, the properties the matrix reads too.
   */
  @Override
  protected String reproduce(KitCheck check, long runSeed) {
    String line = super.reproduce(check, runSeed);
    if (check instanceof CombinationCheck c) {
      line += " -D" + TckMatrix.HASH + "=" + c.combination().hash().name()
          + " -D" + TckMatrix.LAYOUT + "=" + c.combination().layout().name()
          + " -D" + TckMatrix.GROWTH + "=" + c.combination().growth().name();
    }
    return line;
  }

  @Override
  protected List<String> selectionProperties() {
    return List.of(TckMatrix.CHECK, TckMatrix.HASH, TckMatrix.LAYOUT, TckMatrix.GROWTH);
  }

  /** Why the plugin under test has no combination, and what to add to the test class path. */
  private String noPartners() {
    Object plugin = createPlugin();
    PluginKind kind = kindOf(plugin);
    Plugins plugins = partners();
    List<String> missing = new ArrayList<>();
    List<PluginInfo> hashes = plugins.list(PluginKind.HASH);
    List<PluginInfo> layouts = plugins.list(PluginKind.LAYOUT);
    if (kind != PluginKind.HASH && hashes.isEmpty()) {
      missing.add("no hash provider was found: add the bundled ones, " + HASH_ARTIFACT
          + ", at test scope, or a hash provider of your own"
          + (kind == PluginKind.LAYOUT ? " that supports platform " + platformOf(plugin) : ""));
    }
    if (kind != PluginKind.LAYOUT && layouts.isEmpty()) {
      missing.add("no layout was found: add the bundled ones, " + LAYOUT_ARTIFACTS
          + ", at test scope, or a layout of your own"
          + (kind == PluginKind.HASH ? " for a platform the hash supports ("
              + supported((HashProvider) plugin) + ")" : ""));
    }
    if (kind != PluginKind.GROWTH && plugins.list(PluginKind.GROWTH).isEmpty()) {
      missing.add("no growth policy was found: add " + ENGINE_ARTIFACT + " (its go119 policies)"
          + " at test scope, or a growth policy of your own");
    }
    if (missing.isEmpty()) {
      if (kind == PluginKind.HASH) {
        missing.add("hash " + nameOf(plugin) + " supports " + supported((HashProvider) plugin)
            + ", and none of the layouts found has such a platform (" + names(layouts)
            + "): add a layout for a platform it supports");
      } else if (kind == PluginKind.LAYOUT) {
        missing.add("none of the hash providers found (" + names(hashes) + ") supports platform "
            + platformOf(plugin) + " of layout " + nameOf(plugin) + ": add a hash provider that"
            + " supports it");
      } else {
        missing.add("none of the hash providers found (" + names(hashes) + ") supports the"
            + " platform of a layout found (" + names(layouts) + "): add a hash provider and a"
            + " layout that go together");
      }
    }
    return "no map check can run: " + kind.label() + " " + nameOf(plugin) + " has no compatible"
        + " combination with the plugins on the test class path (hash " + plugins.names(
            PluginKind.HASH) + ", layout " + plugins.names(PluginKind.LAYOUT) + ", growth "
        + plugins.names(PluginKind.GROWTH) + "); " + String.join("; ", missing) + ". Check the"
        + " test dependencies, or override partners()";
  }

  private static String platformOf(Object layout) {
    try {
      return String.valueOf(((PlatformLayout) layout).platform());
    } catch (RuntimeException e) {
      return "(platform() threw " + e + ")";
    }
  }

  private static String supported(HashProvider hash) {
    try {
      return hash.supportedPlatforms();
    } catch (RuntimeException e) {
      return "(supportedPlatforms() threw " + e + ")";
    }
  }

  private static String names(List<PluginInfo> plugins) {
    return String.join(", ", plugins.stream().map(PluginInfo::name).toList());
  }

  /**
   * The seed the matrix gives the same check on the same combination ({@link
   * TckRunner#checkSeed}), so that a failure here reproduces in the matrix with the same run seed
   * ({@code -Dtck.hash=... -Dtck.layout=... -Dtck.growth=... -Dtck.check=... -Dtck.seed=...}), and
   * the other way round.
   */
  @Override
  public long checkSeed(long runSeed, KitCheck check) {
    if (check instanceof CombinationCheck c) {
      return TckRunner.checkSeed(runSeed, c.combination(), c.check());
    }
    return super.checkSeed(runSeed, check);
  }

  /** A matrix check on one combination, as a check of this kit. */
  private record CombinationCheck(TckCheck check, Combination combination) implements KitCheck {
    @Override
    public String id() {
      return check.id() + "[" + combination.id() + "]";
    }

    @Override
    public String contract() {
      return check.description();
    }

    @Override
    public void run(long seed) throws Exception {
      check.run(combination, seed);
    }

    @Override
    public String toString() {
      return id();
    }
  }
}
