package io.gomap4j.engine.inject;

import io.gomap4j.api.GoMap;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.api.internal.Printable;
import io.gomap4j.engine.GoMaps;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.internal.PluginLoading;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.PlatformLayout;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Makes maps from the plugins bound in the injector; see {@link GoMapModule}. */
@Singleton
public final class GoMapFactory {

  private final Plugins plugins;

  /**
   * A factory over the bound plugins.
   *
   * @throws IllegalArgumentException if a plugin is bound under a key other than its own name, or
   *     is one the registry refuses: its {@code name()} or {@code spiVersion()} throws, its name
   *     is null, or it was built for another SPI version (naming its class and the key)
   * @throws IllegalStateException if a plugin's name breaks the plugin name rule of the
   *     {@code io.gomap4j.spi} package documentation
   */
  @Inject
  public GoMapFactory(
      Map<String, HashProvider> hashes,
      Map<String, PlatformLayout> layouts,
      Map<String, GrowthPolicy> growth) {
    List<Object> all = new ArrayList<>();
    hashes.forEach((k, v) -> all.add(checkKey(PluginKind.HASH, k, v)));
    layouts.forEach((k, v) -> all.add(checkKey(PluginKind.LAYOUT, k, v)));
    growth.forEach((k, v) -> all.add(checkKey(PluginKind.GROWTH, k, v)));
    this.plugins = Plugins.of(all);
  }

  private static Object checkKey(PluginKind kind, String key, Object plugin) {
    PluginLoading.Identity id = PluginLoading.identify(kind, plugin);
    if (id.refusal() != null) {
      throw new IllegalArgumentException(Printable.of(id.refusal() + " (bound under '" + key
          + "')"));
    }
    String name = id.info().name();
    if (!key.equals(name)) {
      throw new IllegalArgumentException("plugin " + plugin.getClass().getName()
          + " is bound under '" + Printable.of(key) + "' but is named '"
          + Printable.of(name) + "'; bind it under its name");
    }
    return plugin;
  }

  /** The registry of the bound plugins. */
  public Plugins plugins() {
    return plugins;
  }

  /** A builder that looks plugin names up among the bound plugins. */
  public GoMaps.Builder builder() {
    return GoMaps.builder().plugins(plugins);
  }

  /** A map with default options. */
  public <K, V> GoMap<K, V> newMap() {
    return builder().build();
  }

  /** A {@code map[int64]int64} with default options. */
  public LongLongGoMap newLongLongMap() {
    return builder().buildLongLong();
  }
}
