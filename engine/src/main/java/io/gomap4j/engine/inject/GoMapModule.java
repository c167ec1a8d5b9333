package io.gomap4j.engine.inject;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import io.gomap4j.engine.PluginInfo;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.PlatformLayout;

/**
 * Guice wiring: one {@link MapBinder} per plugin kind, keyed by plugin name and filled with the
 * plugins of a {@link Plugins} registry, and an injectable {@link GoMapFactory}.
 *
 * <p>Other modules add plugins to the same map binders, for example
 * {@code MapBinder.newMapBinder(binder(), String.class, HashProvider.class).addBinding("mine")
 * .to(MyHash.class)}; a name bound twice fails injector creation, as {@link MapBinder} does without
 * {@code permitDuplicates()}.
 *
 * <p>Guice is an optional dependency of the engine: only this package needs it.
 */
public final class GoMapModule extends AbstractModule {

  private final Plugins plugins;

  /**
   * Binds the plugins found on the class path or module path, by {@link Plugins#discovered()}.
   *
   * @throws IllegalStateException if two plugins of one kind found there share a name, a
   *     plugin's name breaks the plugin name rule of the {@code io.gomap4j.spi} package
   *     documentation, or discovery threw (see {@link Plugins#discovered()})
   */
  public GoMapModule() {
    this(Plugins.discovered());
  }

  /** Binds the plugins of {@code plugins}. */
  public GoMapModule(Plugins plugins) {
    this.plugins = requireNonNull(plugins, "plugins is null");
  }

  @Override
  protected void configure() {
    MapBinder<String, HashProvider> hashes =
        MapBinder.newMapBinder(binder(), String.class, HashProvider.class);
    MapBinder<String, PlatformLayout> layouts =
        MapBinder.newMapBinder(binder(), String.class, PlatformLayout.class);
    MapBinder<String, GrowthPolicy> growth =
        MapBinder.newMapBinder(binder(), String.class, GrowthPolicy.class);
    for (PluginInfo p : plugins.list(PluginKind.HASH)) {
      hashes.addBinding(p.name()).toInstance((HashProvider) p.plugin());
    }
    for (PluginInfo p : plugins.list(PluginKind.LAYOUT)) {
      layouts.addBinding(p.name()).toInstance((PlatformLayout) p.plugin());
    }
    for (PluginInfo p : plugins.list(PluginKind.GROWTH)) {
      growth.addBinding(p.name()).toInstance((GrowthPolicy) p.plugin());
    }
    bind(GoMapFactory.class);
  }
}
