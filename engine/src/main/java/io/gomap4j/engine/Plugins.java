package io.gomap4j.engine;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.internal.Printable;
import io.gomap4j.engine.internal.PluginLoading;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.PlatformLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins of each kind, by name, found through {@link ServiceLoader} or given explicitly.
 *
 * <ul>
 *   <li>an unknown name fails with an {@link IllegalArgumentException} that lists the names that
 *       exist;</li>
 *   <li>two plugins of one kind with one name fail the whole registry, naming both classes, and
 *       so does a plugin whose name users could not select, naming its class, the name and the
 *       rule of the {@code io.gomap4j.spi} package documentation (ASCII letters, digits, {@code .},
 *       {@code _} and {@code -}, starting with a letter or digit);</li>
 *   <li>a provider that cannot be loaded or instantiated (a missing class, a class the JVM cannot
 *       load, such as one built for a newer Java or missing its superclass, a constructor or
 *       static initializer that throws), whose {@code name()} or {@code spiVersion()} throws
 *       (any exception or error),
 *       whose {@code name()} returns null, or that was built for another SPI version, is left
 *       out of discovery, logged as a warning, and listed by {@link #problems()}, naming its
 *       class and why (asked for by name, a plugin of another SPI version is named as refused,
 *       with the reason); {@link #of} and {@link #with}, given a plugin whose {@code name()} or
 *       {@code spiVersion()} throws, whose name is null or that was built for another SPI
 *       version, throw an {@link IllegalArgumentException} saying so instead. After 64 providers
 *       of one kind that cannot be loaded or instantiated, discovery leaves the rest of that kind
 *       out too, with one more problem that says so;</li>
 *   <li>each registration is logged once, at debug level.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Plugins {

  private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

  /** The plugins of each kind, sorted by name, for listing. */
  private final Map<PluginKind, Map<String, PluginInfo>> byKind;
  /** The same plugins in hash maps, for looking names up (each build looks up three). */
  private final Map<PluginKind, Map<String, PluginInfo>> byName;
  private final Map<PluginKind, Map<String, String>> refused;
  private final List<String> problems;

  private Plugins(
      Map<PluginKind, Map<String, PluginInfo>> byKind,
      Map<PluginKind, Map<String, String>> refused,
      List<String> problems) {
    this.byKind = byKind;
    this.byName = new EnumMap<>(PluginKind.class);
    for (Map.Entry<PluginKind, Map<String, PluginInfo>> e : byKind.entrySet()) {
      byName.put(e.getKey(), Map.copyOf(e.getValue()));
    }
    this.refused = refused;
    this.problems = List.copyOf(problems);
  }

  /**
   * The plugins on the class path or module path of this library, discovered once per JVM.
   *
   * @throws IllegalStateException if two plugins of one kind share a name, or a plugin's name
   *     breaks the rule, or discovery failed with any other exception or error (which is then the
   *     cause), on this call and every later one
   */
  public static Plugins discovered() {
    return Default.INSTANCE.get();
  }

  /**
   * Discovers the plugins visible to {@code loader}.
   *
   * @throws IllegalStateException if two plugins of one kind share a name, or a plugin's name
   *     breaks the rule
   */
  public static Plugins discover(ClassLoader loader) {
    Collector c = new Collector();
    for (PluginKind kind : PluginKind.values()) {
      c.load(kind, loader);
    }
    return c.build();
  }

  /**
   * A registry of exactly the given plugin instances, each a {@link HashProvider},
   * {@link PlatformLayout} or {@link GrowthPolicy}.
   *
   * @throws IllegalArgumentException if an object is not a plugin, or is refused
   * @throws IllegalStateException if two plugins of one kind share a name, or a plugin's name
   *     breaks the rule
   */
  public static Plugins of(Iterable<?> plugins) {
    requireNonNull(plugins, "plugins is null");
    Collector c = new Collector();
    for (Object p : plugins) {
      requireNonNull(p, "a plugin is null");
      String problem = c.register(kindOf(p), p);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }
    return c.build();
  }

  /**
   * This registry plus {@code plugins}, which may not reuse a name of the same kind.
   *
   * @throws IllegalArgumentException if an object is not a plugin, or is refused
   * @throws IllegalStateException if a name is reused, or a plugin's name breaks the rule
   */
  public Plugins with(Iterable<?> plugins) {
    requireNonNull(plugins, "plugins is null");
    Collector c = new Collector();
    for (PluginInfo info : all()) {
      c.register(info.kind(), info.plugin());
    }
    for (Object p : plugins) {
      requireNonNull(p, "a plugin is null");
      String problem = c.register(kindOf(p), p);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }
    c.problems.addAll(problems);
    return c.build();
  }

  static PluginKind kindOf(Object plugin) {
    if (plugin instanceof HashProvider) {
      return PluginKind.HASH;
    }
    if (plugin instanceof PlatformLayout) {
      return PluginKind.LAYOUT;
    }
    if (plugin instanceof GrowthPolicy) {
      return PluginKind.GROWTH;
    }
    throw new IllegalArgumentException(
        plugin.getClass().getName()
            + " is not a plugin: expected a HashProvider, PlatformLayout or GrowthPolicy");
  }

  /** The hash provider named {@code name}. */
  public HashProvider hash(String name) {
    return (HashProvider) get(PluginKind.HASH, name).plugin();
  }

  /** The platform layout named {@code name} (a GOARCH). */
  public PlatformLayout layout(String name) {
    return (PlatformLayout) get(PluginKind.LAYOUT, name).plugin();
  }

  /** The growth policy named {@code name}. */
  public GrowthPolicy growth(String name) {
    return (GrowthPolicy) get(PluginKind.GROWTH, name).plugin();
  }

  /**
   * The plugin of {@code kind} named {@code name}.
   *
   * @throws IllegalArgumentException naming the available plugins, if there is none by that name
   */
  public PluginInfo get(PluginKind kind, String name) {
    requireNonNull(kind, "kind is null");
    if (name == null) {
      throw new NullPointerException(kind.label() + " name is null");
    }
    PluginInfo info = byName.get(kind).get(name);
    if (info == null) {
      String why = refused.get(kind).get(name);
      throw new IllegalArgumentException(
          "unknown " + kind.label() + " plugin '" + Printable.of(name) + "'"
              + (why != null ? " (" + why + ")" : "")
              + "; available: " + names(kind));
    }
    return info;
  }

  /** Whether a plugin of {@code kind} is named {@code name}. */
  public boolean contains(PluginKind kind, String name) {
    return byName.get(kind).containsKey(name);
  }

  /** The names of the plugins of {@code kind}, sorted. */
  public Set<String> names(PluginKind kind) {
    return Collections.unmodifiableSet(byKind.get(kind).keySet());
  }

  /** The plugins of {@code kind}, sorted by name. */
  public List<PluginInfo> list(PluginKind kind) {
    return List.copyOf(byKind.get(kind).values());
  }

  /** Every plugin, by kind then name. */
  public List<PluginInfo> all() {
    List<PluginInfo> out = new ArrayList<>();
    for (PluginKind kind : PluginKind.values()) {
      out.addAll(byKind.get(kind).values());
    }
    return out;
  }

  /** What could not be registered, one sentence each. */
  public List<String> problems() {
    return problems;
  }

  @Override
  public String toString() {
    return "Plugins[hash=" + names(PluginKind.HASH) + ", layout=" + names(PluginKind.LAYOUT)
        + ", growth=" + names(PluginKind.GROWTH) + "]";
  }

  /**
   * The discovery of {@link #discovered()}, or why it failed: kept, so that a class path with two
   * plugins of one name, a plugin named against the rule, or anything else that makes discovery
   * throw gives the same {@link IllegalStateException} on every call rather than an
   * {@link ExceptionInInitializerError} once and {@link NoClassDefFoundError} after.
   */
  static final class Default {
    static final Default INSTANCE = new Default(() -> discover(Plugins.class.getClassLoader()));

    private final Plugins plugins;
    private final Throwable failure;

    Default(Supplier<Plugins> discovery) {
      Plugins p = null;
      Throwable f = null;
      try {
        p = discovery.get();
      } catch (OutOfMemoryError e) {
        throw e; // not kept: a later call may find the memory it needs
      } catch (RuntimeException | Error e) {
        f = e;
      }
      plugins = p;
      failure = f;
    }

    Plugins get() {
      // A new exception on each call, so that each caller's stack shows where it asked.
      if (failure instanceof IllegalStateException) {
        throw new IllegalStateException(failure.getMessage(), failure); // the registry's own
      }
      if (failure != null) {
        throw new IllegalStateException("plugin discovery failed: " + failure, failure);
      }
      return plugins;
    }
  }

  private static final class Collector {
    final Map<PluginKind, Map<String, PluginInfo>> byKind = new EnumMap<>(PluginKind.class);
    final Map<PluginKind, Map<String, String>> refused = new EnumMap<>(PluginKind.class);
    final List<String> problems = new ArrayList<>();

    Collector() {
      for (PluginKind kind : PluginKind.values()) {
        byKind.put(kind, new TreeMap<>());
        refused.put(kind, new TreeMap<>());
      }
    }

    void load(PluginKind kind, ClassLoader loader) {
      PluginLoading.walk(kind, loader, new PluginLoading.Visitor() {
        @Override
        public void failed(String className, String problem) {
          problem(problem);
        }

        @Override
        public void loaded(Object plugin) {
          String problem = register(kind, plugin);
          if (problem != null) {
            problem(problem);
          }
        }
      });
    }

    void problem(String text) {
      // Printable: a problem quotes what a plugin threw, which may hold any character.
      String shown = Printable.of(text);
      LOG.warn(shown);
      problems.add(shown);
    }

    /**
     * Registers a plugin; returns why it was refused, or null. A name that breaks the rule and a
     * name registered before throw.
     */
    String register(PluginKind kind, Object plugin) {
      PluginLoading.Identity id = PluginLoading.identify(kind, plugin);
      PluginInfo info = id.info();
      if (id.refusal() != null) {
        if (info != null) {
          refused.get(kind).put(info.name(), id.refusal());
        }
        return id.refusal();
      }
      String name = info.name();
      String cls = info.className();
      String badName = PluginLoading.nameProblem(info);
      if (badName != null) {
        throw new IllegalStateException(
            badName + "; rename it (its name()) or remove it from the class path");
      }
      PluginInfo existing = byKind.get(kind).putIfAbsent(name, info);
      if (existing != null) {
        throw new IllegalStateException(
            "two " + kind.label() + " plugins are named '" + name + "': "
                + existing.className() + " (" + existing.location() + ") and " + cls + " ("
                + info.location() + "); rename one (a plugin's name() must be unique among"
                + " the plugins of its kind) or remove one from the class path");
      }
      LOG.debug("registered {} plugin '{}' ({} from {})", kind.label(), name, cls,
          info.location());
      return null;
    }

    Plugins build() {
      Map<PluginKind, Map<String, PluginInfo>> frozen = new EnumMap<>(PluginKind.class);
      Map<PluginKind, Map<String, String>> frozenRefused = new EnumMap<>(PluginKind.class);
      for (PluginKind kind : PluginKind.values()) {
        frozen.put(kind, Collections.unmodifiableMap(new TreeMap<>(byKind.get(kind))));
        frozenRefused.put(kind, Collections.unmodifiableMap(new TreeMap<>(refused.get(kind))));
      }
      return new Plugins(frozen, frozenRefused, problems);
    }
  }
}
