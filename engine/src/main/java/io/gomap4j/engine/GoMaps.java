package io.gomap4j.engine;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.BytesGoMap;
import io.gomap4j.api.GoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.api.internal.Printable;
import io.gomap4j.engine.internal.BytesMap;
import io.gomap4j.engine.internal.LongLongMap;
import io.gomap4j.engine.internal.PluginLoading;
import io.gomap4j.engine.internal.ObjectMap;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates gomap4j maps.
 *
 * <pre>{@code
 * GoMap<String, Integer> m = GoMaps.builder().build();
 * LongLongGoMap counts = GoMaps.builder()
 *     .hash("memhash-go119").layout("386").growth("go119")
 *     .seed(42).expectedSize(1000)
 *     .buildLongLong();
 * }</pre>
 *
 * <p>Plugins are chosen by name from {@link Plugins#discovered()} (or the registry given to
 * {@link Builder#plugins}), or passed as instances. An instance is read as the registry reads a
 * plugin: one whose {@code name()} or {@code spiVersion()} throws, whose name is null, or that was
 * built for another SPI version is refused. Its name is not checked against the
 * plugin name rule, so the messages of the builder and of the maps it builds write each control
 * character in it, in its platform's GOARCH and in its supported platforms as
 * {@code \}{@code u00XX}. What the builder does not set comes from {@link Settings}. If two
 * plugins of one kind on the class path or module path share a name, or a plugin's name there
 * breaks the plugin name rule of the {@code io.gomap4j.spi} package documentation, discovery
 * fails: every build that looks a plugin up in the discovered registry throws
 * {@link IllegalStateException} naming them.
 */
public final class GoMaps {

  private GoMaps() {}

  /** A new builder with every option at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A map with every option at its default.
   *
   * @throws IllegalStateException as {@link Builder#build()}
   */
  public static <K, V> GoMap<K, V> newMap() {
    return builder().build();
  }

  /**
   * A {@code map[int64]int64} with every option at its default.
   *
   * @throws IllegalStateException as {@link Builder#build()}
   */
  public static LongLongGoMap newLongLongMap() {
    return builder().buildLongLong();
  }

  /**
   * Options for a new map. A builder can build several maps; each gets its own random source,
   * seeded from {@link #seed} when it is set.
   *
   * <p>A builder is not thread-safe while it is being configured. Its build methods and
   * {@link #describe()} only read it, so a builder that is no longer changed and has been handed
   * to other threads safely (through a final field, a volatile field, a concurrent collection or
   * the start of the thread) may build maps in several threads at once. The maps it builds are
   * not thread-safe: see {@link GoMap}.
   */
  public static final class Builder {
    private Plugins plugins;
    private String hashName;
    private HashProvider hashProvider;
    private String layoutName;
    private PlatformLayout layout;
    private String growthName;
    private GrowthPolicy growthPolicy;
    private Long seed;
    private long expectedSize;
    private KeyMaterial keyMaterial;
    private GoType keyType;
    private GoType elemType;

    private Builder() {}

    /** The registry that plugin names are looked up in; default {@link Plugins#discovered()}. */
    public Builder plugins(Plugins plugins) {
      this.plugins = requireNonNull(plugins, "plugins is null");
      return this;
    }

    /** The hash provider, by name. */
    public Builder hash(String name) {
      this.hashName = requireNonNull(name, "hash name is null");
      this.hashProvider = null;
      return this;
    }

    /** The hash provider, as an instance. */
    public Builder hash(HashProvider provider) {
      this.hashProvider = requireNonNull(provider, "hash provider is null");
      this.hashName = null;
      return this;
    }

    /** The platform layout, by name (a GOARCH such as {@code amd64} or {@code 386}). */
    public Builder layout(String name) {
      this.layoutName = requireNonNull(name, "layout name is null");
      this.layout = null;
      return this;
    }

    /** The platform layout, as an instance. */
    public Builder layout(PlatformLayout layout) {
      this.layout = requireNonNull(layout, "layout is null");
      this.layoutName = null;
      return this;
    }

    /** The growth policy, by name. */
    public Builder growth(String name) {
      this.growthName = requireNonNull(name, "growth name is null");
      this.growthPolicy = null;
      return this;
    }

    /** The growth policy, as an instance. */
    public Builder growth(GrowthPolicy policy) {
      this.growthPolicy = requireNonNull(policy, "growth policy is null");
      this.growthName = null;
      return this;
    }

    /**
     * The seed of the map's random source, which draws {@code hash0} and iteration starts. With a
     * fixed seed and fixed {@link #keyMaterial}, a map behaves the same on every run.
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The number of entries to size the map for, Go's {@code make} hint. As Go 1.19's
     * {@code makemap} does, a hint whose buckets would pass the layout's
     * {@link PlatformLayout#maxAlloc() maxAlloc} ({@code hint * bucketsize > maxAlloc}, with the
     * bucket size of the modelled map type: 2^48 / 144 = 1954687338268 for {@code map[int64]int64}
     * on amd64) is taken as 0, so the map starts with B=0 and grows as entries arrive. A smaller
     * hint that needs more than 2^30 buckets (above 13 * 2^29 under {@code go119}) makes the
     * {@code build} methods throw an {@link IllegalArgumentException} naming the largest hint the
     * engine takes.
     *
     * <p>A negative size is refused, as Java refuses a negative capacity, although Go's
     * {@code make(map[K]V, n)} with a negative {@code n} at run time makes a map with B=0 (its
     * {@code makemap} computes {@code uintptr(n) * bucketsize}, which overflows, and takes the hint
     * as 0): pass 0 for the map Go makes. {@code gomap4j simulate --hint} and trace replay, which
     * model Go's {@code make}, take a negative hint as 0.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder expectedSize(long expectedSize) {
      if (expectedSize < 0) {
        throw new IllegalArgumentException(
            "expectedSize must be >= 0, got " + expectedSize);
      }
      this.expectedSize = expectedSize;
      return this;
    }

    /**
     * The hash key material. Default: the {@link Settings#KEYSCHED} and {@link Settings#HASHKEY}
     * settings when they are set, else {@link KeyMaterial#processDefault()}.
     */
    public Builder keyMaterial(KeyMaterial keyMaterial) {
      this.keyMaterial = requireNonNull(keyMaterial, "keyMaterial is null");
      return this;
    }

    /**
     * The Go key type. For {@link #buildLongLong()} it decides slot size, range and hash
     * ({@code int64} by default; {@code int32}, {@code uint32}, {@code uint64}); for {@link #build()}
     * it is the type whose bucket size Go's preallocation follows ({@code unsafe.Pointer} by
     * default).
     */
    public Builder keyType(GoType keyType) {
      this.keyType = requireNonNull(keyType, "keyType is null");
      return this;
    }

    /** The Go elem (value) type; see {@link #keyType}. */
    public Builder elemType(GoType elemType) {
      this.elemType = requireNonNull(elemType, "elemType is null");
      return this;
    }

    /**
     * A {@link GoMap} of Java objects.
     *
     * @throws IllegalArgumentException on an unknown plugin name, a plugin instance the registry
     *     would refuse (see the class documentation), a hash provider that does not support the
     *     layout's platform or whose {@code create} refuses it or the key material (the message
     *     names the provider, the platform and where the key material came from), malformed key
     *     material settings, or a {@link #keyType} and {@link #elemType} the layout refuses (a key
     *     type that is not comparable, a type too large for the platform)
     * @throws IllegalStateException if a plugin is looked up by name without {@link #plugins} and
     *     {@link Plugins#discovered()} fails (two plugins of one kind share a name, a plugin's
     *     name breaks the plugin name rule, or discovery threw), if the layout's
     *     {@code platform()} returns null, if a plugin throws while the map is made (a
     *     {@link PluginFailureException}, naming the plugin, its class and the call; the cause is
     *     what it threw): the hash provider from {@code supports}, {@code supportedPlatforms()},
     *     {@code create} (but its {@code IllegalArgumentException}, above) or the hasher's
     *     {@code bits()}, the layout from {@code platform()}, {@code maxAlloc()} or
     *     {@code bucketLayout} (but its {@code IllegalArgumentException}, above), the growth
     *     policy from {@code initialB} or {@code extraEvacuationsPerWrite()}; or if the hash
     *     provider makes a hasher of another word size than the platform's. What a plugin throws
     *     from a map's operations (a hasher's hash, a policy's {@code onInsert}) reaches the
     *     caller as it is: those paths stay lean
     */
    public <K, V> GoMap<K, V> build() {
      Resolved r = resolve();
      return new ObjectMap<>(
          r.hasher, r.layout, r.growth,
          keyType == null ? GoType.UNSAFE_POINTER : keyType,
          elemType == null ? GoType.UNSAFE_POINTER : elemType,
          expectedSize, r.seed);
    }

    /**
     * A primitive {@link LongLongGoMap} in flat bucket memory.
     *
     * @throws IllegalArgumentException as {@link #build()}, or if the key or elem type is not
     *     int64, int32, uint64 or uint32
     * @throws IllegalStateException as {@link #build()}
     */
    public LongLongGoMap buildLongLong() {
      Resolved r = resolve();
      return new LongLongMap(
          r.hasher, r.layout, r.growth,
          keyType == null ? GoType.INT64 : keyType,
          elemType == null ? GoType.INT64 : elemType,
          expectedSize, r.seed);
    }

    /**
     * A {@link BytesGoMap} in flat bucket memory, for the {@link #keyType} and {@link #elemType}
     * that must both be set. A key or elem over 128 bytes is stored indirectly, as Go does: its
     * bucket slot is pointer-sized and holds a handle to the bytes, kept in a per-map side table.
     *
     * @throws IllegalArgumentException as {@link #build()}, if the key or elem type is not set, if
     *     the key type is not comparable or holds strings, pointers, chans or interfaces anywhere
     *     (floats, complex numbers, padding and {@code _} fields are fine), if the elem type
     *     holds pointers, or if the key or elem type is over {@code Integer.MAX_VALUE - 8} bytes,
     *     more than a Java byte array holds, or if Go hashes the key in more than
     *     {@code (Integer.MAX_VALUE - 8) / 3} steps (one per float, per half of a complex number
     *     and per run of plain memory). Sizes are checked first: a type over that limit (or one
     *     the layout refuses as too large) is refused for its size, whatever its parts hold
     * @throws IllegalStateException as {@link #build()}
     */
    public BytesGoMap buildBytes() {
      if (keyType == null || elemType == null) {
        throw new IllegalArgumentException(
            "buildBytes() needs the Go key and elem types: set keyType(...) and elemType(...);"
                + " missing: " + (keyType == null ? elemType == null ? "keyType, elemType"
                    : "keyType" : "elemType"));
      }
      Resolved r = resolve();
      return new BytesMap(
          r.hasher, r.layout, r.growth, keyType, elemType, expectedSize, r.seed);
    }

    /**
     * A one-line description of the options in effect, for reproducing a run. It names where the
     * key material comes from ({@code builder}, {@code properties} or {@code process-default}),
     * never the key material itself. A control character in the name of a plugin passed as an
     * instance is written as {@code \}{@code u00XX}, as in the builder's messages.
     *
     * @throws IllegalArgumentException as {@link #build()}
     * @throws IllegalStateException as {@link #build()}
     */
    public String describe() {
      Resolved r = resolve();
      return Printable.of("hash=" + r.hashName + " layout=" + r.layoutName
          + " growth=" + r.growthName + " seed=" + (seed != null ? seed
              : Settings.get(Settings.SEED).orElse("random")) + " keys=" + r.keySource);
    }

    private Resolved resolve() {
      Plugins p = plugins;
      HashProvider hp = hashProvider;
      PlatformLayout pl = layout;
      GrowthPolicy gp = growthPolicy;
      if (hp == null || pl == null || gp == null) {
        if (p == null) {
          p = Plugins.discovered();
        }
        if (hp == null) {
          hp = (HashProvider) (hashName != null ? p.get(PluginKind.HASH, hashName)
              : fromSetting(p, PluginKind.HASH, Settings.HASH)).plugin();
        }
        if (pl == null) {
          pl = (PlatformLayout) (layoutName != null ? p.get(PluginKind.LAYOUT, layoutName)
              : fromSetting(p, PluginKind.LAYOUT, Settings.LAYOUT)).plugin();
        }
        if (gp == null) {
          gp = (GrowthPolicy) (growthName != null ? p.get(PluginKind.GROWTH, growthName)
              : fromSetting(p, PluginKind.GROWTH, Settings.GROWTH)).plugin();
        }
      }
      String hashName = identify(PluginKind.HASH, hp, hashProvider != null);
      String layoutName = identify(PluginKind.LAYOUT, pl, layout != null);
      String growthName = identify(PluginKind.GROWTH, gp, growthPolicy != null);
      final HashProvider h = hp;
      final PlatformLayout l = pl;
      Platform platform = PluginFailureException.ask(
          PluginKind.LAYOUT, layoutName, l, "platform()", l::platform);
      if (platform == null) {
        throw new IllegalStateException(Printable.of("layout '" + layoutName + "' ("
            + l.getClass().getName() + ") has no platform: platform() returned null"));
      }
      String where = "(" + platform.goarch() + ")";
      if (!PluginFailureException.ask(PluginKind.HASH, hashName, h, "supports" + where,
          () -> h.supports(platform))) {
        String supported = PluginFailureException.ask(
            PluginKind.HASH, hashName, h, "supportedPlatforms()", h::supportedPlatforms);
        throw new IllegalArgumentException(Printable.of(
            "hash '" + hashName + "' does not support platform " + platform.goarch()
                + "; it supports " + (supported != null ? supported
                    : "(it did not say: supportedPlatforms() returned null)")));
      }
      KeyMaterial km = keyMaterial;
      String keySource = "builder";
      if (km == null) {
        km = Settings.keyMaterialValue();
        keySource = km != null ? "properties" : "process-default";
        if (km != null && !km.fits(platform.bits())) {
          throw new IllegalArgumentException(Printable.of(
              Settings.KEYSCHED + " has " + 2 * km.aeskeyschedLength() + " hex digits, a key "
                  + "schedule for 32-bit platforms only, but platform " + platform
                  + " needs " + 2 * KeyMaterial.KEYSCHED_BYTES_64 + " hex digits"));
        }
        if (km == null) {
          km = KeyMaterial.processDefault();
        }
      }
      final KeyMaterial k = km;
      Hasher hasher;
      try {
        hasher = h.create(platform, k);
      } catch (IllegalArgumentException e) {
        // create's documented refusal of the platform or the key material: the caller's to fix
        throw new IllegalArgumentException(Printable.of("hash '" + hashName + "' refused to"
            + " create a hasher for " + platform + " with " + keySource + " key material: "
            + e.getMessage()), e);
      } catch (OutOfMemoryError e) {
        throw e;
      } catch (RuntimeException | Error e) {
        throw new PluginFailureException(PluginKind.HASH, hashName, h, "create" + where, e);
      }
      Hasher made = hasher;
      int bits = made == null ? 0 : PluginFailureException.ask(
          PluginKind.HASH, hashName, made, "the hasher's bits()", made::bits);
      if (made == null || bits != platform.bits()) {
        throw new IllegalStateException(Printable.of(
            "hash '" + hashName + "' made a hasher of "
                + (made == null ? "null" : bits + " bits") + " for "
                + platform + "; expected " + platform.bits() + " bits"));
      }
      long s;
      if (seed != null) {
        s = seed;
      } else {
        String text = Settings.value(Settings.SEED);
        s = text != null ? Settings.parseSeed(Settings.SEED, text)
            : ThreadLocalRandom.current().nextLong();
      }
      return new Resolved(hashName, hasher, pl, layoutName, gp, growthName, s, keySource);
    }

    /**
     * The plugin of {@code kind} that setting {@code key} names, or the default when it is not
     * set; an unknown name is refused naming the setting, so that a user sees where it came from.
     */
    private static PluginInfo fromSetting(Plugins p, PluginKind kind, String key) {
      String name = Settings.value(key);
      if (name == null) {
        return p.get(kind, kind == PluginKind.HASH ? Settings.DEFAULT_HASH
            : kind == PluginKind.LAYOUT ? Settings.defaultLayout(p) : Settings.DEFAULT_GROWTH);
      }
      try {
        return p.get(kind, name);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(key + " (a system property or gomap4j.properties) is "
            + "'" + Printable.of(name) + "': " + e.getMessage(), e);
      }
    }

    /**
     * {@code plugin}'s name, as the registry reads it: a plugin passed as an instance whose
     * {@code name()} or {@code spiVersion()} throws, whose name is null or that was built for
     * another SPI version is refused as the registry refuses it, with {@link
     * IllegalArgumentException}; a plugin from the registry that stopped answering so, with
     * {@link IllegalStateException}.
     */
    private static String identify(PluginKind kind, Object plugin, boolean instance) {
      PluginLoading.Identity id = PluginLoading.identify(kind, plugin);
      if (id.refusal() == null) {
        return id.info().name();
      }
      String why = Printable.of(id.refusal() + (instance ? " (passed to the builder's "
          + kind.label() + "(...))" : ""));
      throw instance ? new IllegalArgumentException(why) : new IllegalStateException(why);
    }

    private static final class Resolved {
      final String hashName;
      final Hasher hasher;
      final PlatformLayout layout;
      final String layoutName;
      final GrowthPolicy growth;
      final String growthName;
      final long seed;
      final String keySource;

      Resolved(String hashName, Hasher hasher, PlatformLayout layout, String layoutName,
          GrowthPolicy growth, String growthName, long seed, String keySource) {
        this.hashName = hashName;
        this.hasher = hasher;
        this.layout = layout;
        this.layoutName = layoutName;
        this.growth = growth;
        this.growthName = growthName;
        this.seed = seed;
        this.keySource = keySource;
      }
    }
  }
}
