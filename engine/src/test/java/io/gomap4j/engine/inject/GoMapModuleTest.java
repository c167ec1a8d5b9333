package io.gomap4j.engine.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.multibindings.MapBinder;
import io.gomap4j.api.GoMap;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.internal.MapInternals;
import io.gomap4j.engine.internal.PluginNames;
import io.gomap4j.engine.testing.BrokenPlugins;
import io.gomap4j.engine.testing.TestHashes;
import io.gomap4j.engine.testing.TestPlugins;
import io.gomap4j.spi.HashProvider;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Guice wiring: plugins bound by name, and a factory that builds maps from them. */
class GoMapModuleTest {

  private static Injector injector(com.google.inject.Module... extra) {
    com.google.inject.Module[] modules = new com.google.inject.Module[extra.length + 1];
    modules[0] = new GoMapModule(Plugins.of(TestPlugins.all()));
    System.arraycopy(extra, 0, modules, 1, extra.length);
    return Guice.createInjector(modules);
  }

  @Test
  @DisplayName("An injected GoMapFactory builds maps from the plugins of the module's registry")
  void factoryBuildsMaps() {
    Injector injector = injector();
    GoMapFactory factory = injector.getInstance(GoMapFactory.class);
    assertThat(injector.getInstance(GoMapFactory.class)).as("singleton").isSameAs(factory);
    assertThat(factory.plugins().names(PluginKind.HASH)).contains(TestHashes.MIX);
    assertThat(factory.plugins().names(PluginKind.LAYOUT)).containsExactly("386", "amd64", "s390x");

    LongLongGoMap m = factory.builder().hash(TestHashes.MIX).layout("386").growth("go119")
        .seed(3).keyMaterial(TestPlugins.KEY_MATERIAL).buildLongLong();
    for (int i = 0; i < 100; i++) {
      m.put(i, i * 2L);
    }
    assertThat(m.get(40)).isEqualTo(80);
    assertThat(m.size()).isEqualTo(100);
    MapInternals.checkInvariants(m);

    GoMap<String, Integer> o = factory.builder().hash(TestHashes.MIX).layout("amd64").seed(3)
        .keyMaterial(TestPlugins.KEY_MATERIAL).build();
    o.put("a", 1);
    assertThat(o).containsEntry("a", 1);
  }

  @Test
  @DisplayName("Another module can add a plugin under its own name through the same MapBinder")
  void extraPlugin() {
    HashProvider extra = new TestHashes.Mix() {
      @Override
      public String name() {
        return "extra-hash";
      }
    };
    GoMapFactory factory = injector(new AbstractModule() {
      @Override
      protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, HashProvider.class)
            .addBinding("extra-hash").toInstance(extra);
      }
    }).getInstance(GoMapFactory.class);
    assertThat(factory.plugins().hash("extra-hash")).isSameAs(extra);
    assertThat(factory.builder().hash("extra-hash").layout("amd64").seed(1)
        .keyMaterial(TestPlugins.KEY_MATERIAL).buildLongLong().put(1, 1)).isZero();
  }

  @Test
  @DisplayName("A second module binding a name that is already bound fails injector creation,"
      + " naming the key")
  void duplicateNameFailsCreation() {
    assertThatThrownBy(() -> injector(new AbstractModule() {
      @Override
      protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, HashProvider.class)
            .addBinding(TestHashes.MIX).toInstance(new TestHashes.Mix());
      }
    })).isInstanceOf(CreationException.class)
        .hasMessageContaining(TestHashes.MIX);
  }

  @Test
  @DisplayName("A plugin whose name breaks the plugin name rule, bound under that name, makes the"
      + " factory throw IllegalStateException naming its class, the name and the rule")
  void badlyNamedPlugin() {
    Injector injector = injector(new AbstractModule() {
      @Override
      protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, HashProvider.class)
            .addBinding("test mix,v1/2").toInstance(new BrokenPlugins.OddlyNamed());
      }
    });
    assertThatThrownBy(() -> injector.getInstance(GoMapFactory.class))
        .isInstanceOf(ProvisionException.class)
        .cause().isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("hash plugin " + BrokenPlugins.OddlyNamed.class.getName() + " (")
        .hasMessageContaining("the name 'test mix,v1/2' has a space at index 4")
        .hasMessageContaining(PluginNames.ALLOWED);
    assertThatThrownBy(() -> new GoMapFactory(Map.of("test mix,v1/2",
        new BrokenPlugins.OddlyNamed()), Map.of(), Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the name 'test mix,v1/2' has a space at index 4");
  }

  @Test
  @DisplayName("A plugin bound under a name other than its own is refused when the factory is made")
  void wrongKey() {
    Injector injector = injector(new AbstractModule() {
      @Override
      protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, HashProvider.class)
            .addBinding("alias").toInstance(new TestHashes.Mix());
      }
    });
    assertThatThrownBy(() -> injector.getInstance(GoMapFactory.class))
        .isInstanceOf(ProvisionException.class)
        .hasMessageContaining("bound under 'alias' but is named 'test-mix'");

    Injector escaped = injector(new AbstractModule() {
      @Override
      protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, HashProvider.class)
            .addBinding("test-mix\n").toInstance(new TestHashes.Mix());
      }
    });
    assertThatThrownBy(() -> escaped.getInstance(GoMapFactory.class))
        .isInstanceOf(ProvisionException.class)
        .hasMessageContaining("bound under 'test-mix\\u000a' but is named 'test-mix'");
  }

  @Test
  @DisplayName("A bound plugin the registry would refuse (built for another SPI version, without a"
      + " name, failing to tell it) is refused naming its class and its key")
  void refusedPlugins() {
    assertThatThrownBy(() -> new GoMapFactory(Map.of("test-future",
        new BrokenPlugins.FromTheFuture()), Map.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("refused hash plugin 'test-future' ("
            + BrokenPlugins.FromTheFuture.class.getName() + "): built for HashProvider SPI"
            + " version " + (HashProvider.SPI_VERSION + 1))
        .hasMessageEndingWith(" (bound under 'test-future')");
    assertThatThrownBy(() -> new GoMapFactory(Map.of("x", new BrokenPlugins.NullNamed()),
        Map.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hash plugin " + BrokenPlugins.NullNamed.class.getName() + " has no name:"
            + " name() returned null (bound under 'x')");
    assertThatThrownBy(() -> new GoMapFactory(Map.of("y", new BrokenPlugins.AssertingName()),
        Map.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hash plugin " + BrokenPlugins.AssertingName.class.getName() + " failed to"
            + " report its name or version: java.lang.AssertionError: name() is not ready"
            + " (bound under 'y')");
  }
}
