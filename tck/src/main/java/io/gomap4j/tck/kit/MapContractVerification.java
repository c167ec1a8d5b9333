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
 * on the same combination.
 */
public abstract class MapContractVerification extends Verification {

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

  @Override
  public List<KitCheck> checks() {
    List<Combination> combinations = combinations();
    List<KitCheck> out = new ArrayList<>();
    if (combinations.isEmpty()) {
      Object plugin = createPlugin();
      String why = "no compatible combination of " + kindOf(plugin).label() + " " + nameOf(plugin)
          + " with the discovered plugins: hash " + partners().names(PluginKind.HASH)
          + ", layout " + partners().names(PluginKind.LAYOUT) + ", growth "
          + partners().names(PluginKind.GROWTH) + "; put plugins of the other kinds on the test"
          + " class path";
      for (TckCheck check : MapContract.checks()) {
        out.add(KitCheck.of(check.id(), check.description(), seed -> {
          throw new TckCheck.CheckSkipped(why);
        }));
      }
      return out;
    }
    for (TckCheck check : MapContract.checks()) {
      for (Combination c : combinations) {
        out.add(new CombinationCheck(check, c));
      }
    }
    return out;
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
