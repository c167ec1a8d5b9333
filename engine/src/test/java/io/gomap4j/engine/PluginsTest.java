package io.gomap4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.engine.internal.PluginLoading;
import io.gomap4j.engine.internal.PluginNames;
import io.gomap4j.engine.testing.BrokenPlugins;
import io.gomap4j.engine.testing.TestHashes;
import io.gomap4j.engine.testing.TestLayouts;
import io.gomap4j.engine.testing.TestPlugins;
import io.gomap4j.engine.testing.UnloadablePlugins;
import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.PlatformLayout;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin registry: lookup by name, refusals with reasons, discovery through ServiceLoader. */
class PluginsTest {

  @Test
  @DisplayName("Two plugins of one kind with one name fail the registry, naming both classes")
  void duplicateNames() {
    PlatformLayout impostor = new GcPlatformLayout(TestLayouts.AMD64) {
      @Override
      public int spiVersion() {
        return SPI_VERSION;
      }
    };
    assertThatThrownBy(() -> Plugins.of(List.of(new TestLayouts.Amd64(), impostor)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'amd64'")
        .hasMessageContaining(TestLayouts.Amd64.class.getName())
        .hasMessageContaining(impostor.getClass().getName());
    assertThatThrownBy(() -> TestPlugins.registry().with(List.of(new TestHashes.Mix())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'test-mix'");
  }

  @Test
  @DisplayName("A failed discovery of the JVM's plugins gives the same IllegalStateException on"
      + " every call, not an initializer error once and NoClassDefFoundError after")
  void failedDiscoveryFailsTheSameWayEveryTime() {
    PlatformLayout impostor = new GcPlatformLayout(TestLayouts.AMD64) {
      @Override
      public int spiVersion() {
        return SPI_VERSION;
      }
    };
    Plugins.Default failed =
        new Plugins.Default(() -> Plugins.of(List.of(new TestLayouts.Amd64(), impostor)));
    for (int call = 0; call < 3; call++) {
      assertThatThrownBy(failed::get).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("two layout plugins are named 'amd64'")
          .hasMessageContaining("rename one");
    }
    Plugins ok = Plugins.of(List.of(new TestLayouts.Amd64()));
    assertThat(new Plugins.Default(() -> ok).get()).isSameAs(ok);
  }

  @Test
  @DisplayName("A discovery of the JVM's plugins that fails with any other exception or error"
      + " gives an IllegalStateException naming it, with it as the cause, on every call")
  void discoveryThatThrowsAnythingFailsTheSameWayEveryTime() {
    for (Throwable thrown : List.of(new AssertionError("a provider's assert"),
        new UnsupportedOperationException("not here"), new StackOverflowError())) {
      Plugins.Default failed = new Plugins.Default(() -> {
        if (thrown instanceof Error e) {
          throw e;
        }
        throw (RuntimeException) thrown;
      });
      for (int call = 0; call < 3; call++) {
        assertThatThrownBy(failed::get).isInstanceOf(IllegalStateException.class)
            .hasMessage("plugin discovery failed: " + thrown)
            .cause().isSameAs(thrown);
      }
    }
  }

  @Test
  @DisplayName("Running out of memory while discovering or naming a plugin is not kept as a plugin"
      + " problem: the OutOfMemoryError goes to the caller")
  void outOfMemoryIsNotAPluginProblem() {
    OutOfMemoryError oom = new OutOfMemoryError("test");
    assertThatThrownBy(() -> new Plugins.Default(() -> {
      throw oom;
    })).isSameAs(oom);
    HashProvider hungry = new TestHashes.Mix() {
      @Override
      public String name() {
        throw oom;
      }
    };
    assertThatThrownBy(() -> Plugins.of(List.of(hungry))).isSameAs(oom);
  }

  @Test
  @DisplayName("Plugins of different kinds may share a name")
  void namesAreScopedByKind() {
    HashProvider named386 = new TestHashes.Mix() {
      @Override
      public String name() {
        return "386";
      }
    };
    Plugins p = Plugins.of(List.of(named386, new TestLayouts.I386()));
    assertThat(p.hash("386")).isSameAs(named386);
    assertThat(p.layout("386")).isInstanceOf(TestLayouts.I386.class);
  }

  @Test
  @DisplayName("A plugin built for another SPI version is refused with a message naming both"
      + " version numbers")
  void wrongSpiVersion() {
    assertThatThrownBy(() -> Plugins.of(List.of(new BrokenPlugins.FromTheFuture())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'test-future'")
        .hasMessageContaining(BrokenPlugins.FromTheFuture.class.getName())
        .hasMessageContaining("version " + (HashProvider.SPI_VERSION + 1))
        .hasMessageContaining("supports version " + HashProvider.SPI_VERSION);
  }

  @Test
  @DisplayName("A plugin whose name() throws, or returns null, is refused naming its class")
  void unreadableNames() {
    assertThatThrownBy(() -> Plugins.of(List.of(new BrokenPlugins.Nameless())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(BrokenPlugins.Nameless.class.getName())
        .hasMessageContaining("no name today");
    assertThatThrownBy(() -> Plugins.of(List.of(new BrokenPlugins.NullNamed())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(BrokenPlugins.NullNamed.class.getName())
        .hasMessageContaining("has no name: name() returned null");
    assertThatThrownBy(() -> Plugins.of(List.of(new BrokenPlugins.AssertingName())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hash plugin " + BrokenPlugins.AssertingName.class.getName()
            + " failed to report its name or version: java.lang.AssertionError: name() is not"
            + " ready");
  }

  @Test
  @DisplayName("A problem quotes what the plugin threw with each control or invisible character"
      + " as \\uXXXX")
  void problemsAreEscaped(@TempDir Path dir) throws IOException {
    assertThat(discoverHashes(dir, BrokenPlugins.Shouting.class.getName() + "\n"))
        .containsExactly("hash plugin " + BrokenPlugins.Shouting.class.getName() + " could not be"
            + " instantiated: java.lang.IllegalStateException: red\\u001b[31m\\u202e\\u000aline");
  }

  @Test
  @DisplayName("Discovery leaves out a provider whose name() throws an Error, naming its class")
  void discoveryLeavesOutAProviderWhoseNameThrowsAnError(@TempDir Path dir) throws IOException {
    assertThat(discoverHashes(dir, BrokenPlugins.AssertingName.class.getName() + "\n"
        + TestHashes.Mix.class.getName() + "\n")).containsExactly("hash plugin "
            + BrokenPlugins.AssertingName.class.getName() + " failed to report its name or"
            + " version: java.lang.AssertionError: name() is not ready");
  }

  @Test
  @DisplayName("A plugin whose name breaks the rule fails the registry, as two plugins of one name"
      + " do, naming its class, the name, the first character not allowed and the rule")
  void namesThatBreakTheRule() {
    assertThatThrownBy(() -> Plugins.of(List.of(new BrokenPlugins.OddlyNamed())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("hash plugin " + BrokenPlugins.OddlyNamed.class.getName() + " (")
        .hasMessageContaining("the name 'test mix,v1/2' has a space at index 4")
        .hasMessageContaining(PluginNames.ALLOWED)
        .hasMessageEndingWith("rename it (its name()) or remove it from the class path");
    assertThatThrownBy(() -> Plugins.of(List.of(new BrokenPlugins.Blank())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(BrokenPlugins.Blank.class.getName())
        .hasMessageContaining("the name ' ' has a space at index 0");
    assertThatThrownBy(() -> TestPlugins.registry().with(List.of(new BrokenPlugins.OddlyNamed())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'test mix,v1/2'");
    Plugins.Default failed =
        new Plugins.Default(() -> Plugins.of(List.of(new BrokenPlugins.OddlyNamed())));
    for (int call = 0; call < 3; call++) {
      assertThatThrownBy(failed::get).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(BrokenPlugins.OddlyNamed.class.getName())
          .hasMessageContaining("'test mix,v1/2'");
    }
  }

  @Test
  @DisplayName("Discovery fails on a provider whose name breaks the rule, naming where it came"
      + " from, and a plugin built for another SPI version is left out whatever its name")
  void discoveryFailsOnANameThatBreaksTheRule(@TempDir Path dir) throws IOException {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"))
        .resolve(HashProvider.class.getName());
    Files.writeString(services, TestHashes.Mix.class.getName() + "\n"
        + BrokenPlugins.OddlyNamed.class.getName() + "\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
        PluginsTest.class.getClassLoader())) {
      assertThatThrownBy(() -> Plugins.discover(loader))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("hash plugin " + BrokenPlugins.OddlyNamed.class.getName() + " ("
              + PluginLoading.location(BrokenPlugins.OddlyNamed.class) + ")")
          .hasMessageContaining("'test mix,v1/2'");
    }
    HashProvider oldAndOdd = new TestHashes.Mix() {
      @Override
      public String name() {
        return "test future";
      }

      @Override
      public int spiVersion() {
        return SPI_VERSION + 1;
      }
    };
    assertThatThrownBy(() -> Plugins.of(List.of(oldAndOdd)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SPI version " + (HashProvider.SPI_VERSION + 1));
  }

  @Test
  @DisplayName("A message that quotes a plugin name writes its control characters as \\u00XX, so"
      + " that it stays on one line")
  void controlCharactersInNamesAreEscaped() {
    HashProvider futureAndOdd = new TestHashes.Mix() {
      @Override
      public String name() {
        return "test\nfuture";
      }

      @Override
      public int spiVersion() {
        return SPI_VERSION + 1;
      }
    };
    assertThatThrownBy(() -> Plugins.of(List.of(futureAndOdd)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refused hash plugin 'test\\u000afuture' (")
        .hasMessageNotContaining("\n");
    HashProvider tabbed = new TestHashes.Mix() {
      @Override
      public String name() {
        return "test\tmix\u007f";
      }
    };
    assertThatThrownBy(() -> Plugins.of(List.of(tabbed)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the name 'test\\u0009mix\\u007f' has character U+0009 at index 4")
        .hasMessageNotContaining("\t").hasMessageNotContaining("\u007f");
    assertThatThrownBy(() -> TestPlugins.registry().get(PluginKind.HASH, "no\r\nsuch"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown hash plugin 'no\\u000d\\u000asuch'; available: ");
  }

  @Test
  @DisplayName("An object that is not a plugin, or null, is refused")
  void notAPlugin() {
    assertThatThrownBy(() -> Plugins.of(List.of("a string")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String is not a plugin");
    assertThatThrownBy(() -> Plugins.of(Arrays.asList(new Go119GrowthPolicy(), null)))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  @DisplayName("The discovered registry holds the go119 growth policy")
  void discoveredHoldsGo119() {
    Plugins p = Plugins.discovered();
    assertThat(p.names(PluginKind.GROWTH)).contains("go119");
    assertThat(p.growth("go119")).isInstanceOf(Go119GrowthPolicy.class);
    PluginInfo info = p.get(PluginKind.GROWTH, "go119");
    assertThat(info.className()).isEqualTo(Go119GrowthPolicy.class.getName());
    assertThat(info.location()).isNotBlank();
    assertThat(p.contains(PluginKind.GROWTH, "go119")).isTrue();
    assertThat(Plugins.discovered()).isSameAs(p);
  }

  @Test
  @DisplayName("Lookups list what exists: names sorted, an unknown name fails listing them")
  void lookups() {
    Plugins p = TestPlugins.registry();
    assertThat(p.names(PluginKind.LAYOUT)).containsExactly("386", "amd64", "s390x");
    assertThat(p.list(PluginKind.HASH)).extracting(PluginInfo::name)
        .containsExactly(TestHashes.BUCKET0, TestHashes.CONSTANT, TestHashes.LOW16,
            TestHashes.MIX);
    assertThat(p.all()).hasSize(8);
    assertThat(p.problems()).isEmpty();
    assertThat(p.toString()).contains("amd64", "go119", "test-mix");
    assertThatThrownBy(() -> p.get(PluginKind.LAYOUT, "sparc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown layout plugin 'sparc'; available: [386, amd64, s390x]");
    assertThatThrownBy(() -> p.get(PluginKind.LAYOUT, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("layout name is null");
  }

  @Test
  @DisplayName("with() adds plugins and keeps the problems found so far")
  void with() {
    Plugins base = Plugins.of(List.of(new Go119GrowthPolicy()));
    Plugins more = base.with(List.of(new TestLayouts.S390x()));
    assertThat(more.names(PluginKind.LAYOUT)).containsExactly("s390x");
    assertThat(more.names(PluginKind.GROWTH)).containsExactly("go119");
    assertThat(base.names(PluginKind.LAYOUT)).isEmpty();
  }

  @Test
  @DisplayName("Discovery stops a kind after 64 providers that cannot be loaded, and says so only"
      + " when another provider follows")
  void discoveryStopsAfterSixtyFourErrors(@TempDir Path dir) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 64; i++) {
      lines.append("com.example.Missing").append(i).append('\n');
    }
    assertThat(discoverHashes(dir.resolve("64"), lines.toString()))
        .hasSize(64).noneMatch(p -> p.contains("stopped loading"));
    assertThat(discoverHashes(dir.resolve("65"), lines + "com.example.Missing65\n"))
        .hasSize(65).endsWith("stopped loading hash plugins after 64 errors")
        .noneMatch(p -> p.contains("com.example.Missing65"));
  }

  @Test
  @DisplayName("Discovery leaves out a provider class built for a newer Java, one whose superclass"
      + " is missing and one whose static initializer throws, naming each class and its error,"
      + " and the JVM's registry does so on every call")
  void discoveryReportsClassesTheJvmCannotLoad(@TempDir Path dir) throws IOException {
    Path classes = UnloadablePlugins.compile(dir.resolve("classes"));
    Files.writeString(Files.createDirectories(classes.resolve("META-INF/services"))
        .resolve(HashProvider.class.getName()), UnloadablePlugins.NEWER + "\n"
            + UnloadablePlugins.ORPHAN + "\n" + UnloadablePlugins.FAILING_INIT + "\n"
            + TestHashes.Mix.class.getName() + "\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        PluginsTest.class.getClassLoader())) {
      Plugins.Default registry = new Plugins.Default(() -> Plugins.discover(loader));
      Plugins p = registry.get();
      assertThat(registry.get()).isSameAs(p);
      assertThat(p.names(PluginKind.HASH)).containsExactly(TestHashes.MIX);
      assertThat(p.problems()).hasSize(3);
      assertThat(p.problems().get(0))
          .startsWith("hash plugin " + UnloadablePlugins.NEWER + " could not be loaded:"
              + " java.lang.UnsupportedClassVersionError: ");
      assertThat(p.problems().get(1))
          .isEqualTo("hash plugin " + UnloadablePlugins.ORPHAN + " could not be loaded:"
              + " java.lang.NoClassDefFoundError: fixture/LostBase; caused by"
              + " java.lang.ClassNotFoundException: fixture.LostBase");
      assertThat(p.problems().get(2))
          .startsWith("hash plugin " + UnloadablePlugins.FAILING_INIT + " could not be"
              + " instantiated: ")
          .contains("java.lang.ExceptionInInitializerError")
          .contains(UnloadablePlugins.FAILING_INIT_MESSAGE);
    }
  }

  @Test
  @DisplayName("A class the JVM cannot load counts toward the 64 errors after which discovery"
      + " stops a kind")
  void classesTheJvmCannotLoadCountTowardTheCutOff(@TempDir Path dir) throws IOException {
    Path classes = UnloadablePlugins.compile(dir.resolve("classes"));
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 62; i++) {
      lines.append("com.example.Missing").append(i).append('\n');
    }
    lines.append(UnloadablePlugins.NEWER).append('\n').append(UnloadablePlugins.ORPHAN)
        .append('\n').append(TestHashes.Mix.class.getName()).append('\n');
    Files.writeString(Files.createDirectories(classes.resolve("META-INF/services"))
        .resolve(HashProvider.class.getName()), lines);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        PluginsTest.class.getClassLoader())) {
      Plugins p = Plugins.discover(loader);
      assertThat(p.problems()).hasSize(65)
          .endsWith("stopped loading hash plugins after 64 errors");
      assertThat(p.names(PluginKind.HASH)).isEmpty();
    }
  }

  /** The problems of discovering the hash providers that {@code services} lists, in a new dir. */
  private static List<String> discoverHashes(Path dir, String services) throws IOException {
    Path file = Files.createDirectories(dir.resolve("META-INF/services"))
        .resolve(HashProvider.class.getName());
    Files.writeString(file, services);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
        PluginsTest.class.getClassLoader())) {
      return Plugins.discover(loader).problems();
    }
  }

  @Test
  @DisplayName("Discovery over a class loader reports a provider class that does not exist, one"
      + " that cannot be instantiated and one of another SPI version, and still loads the rest")
  void discoveryReportsProblems(@TempDir Path dir) throws IOException {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(services.resolve(HashProvider.class.getName()),
        "com.example.NoSuchHash\n"
            + BrokenPlugins.Exploding.class.getName() + "\n"
            + "# a comment\n"
            + TestHashes.Mix.class.getName() + "\n"
            + BrokenPlugins.FromTheFuture.class.getName() + "\n");
    Files.writeString(services.resolve(PlatformLayout.class.getName()),
        TestLayouts.I386.class.getName() + "\ncom.example.NoSuchLayout\n"
            + TestLayouts.Amd64.class.getName() + "\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
        PluginsTest.class.getClassLoader())) {
      Plugins p = Plugins.discover(loader);
      assertThat(p.names(PluginKind.HASH)).containsExactly("test-mix");
      assertThat(p.names(PluginKind.LAYOUT)).containsExactly("386", "amd64");
      assertThat(p.names(PluginKind.GROWTH)).contains("go119");
      assertThat(String.join("\n", p.problems()))
          .contains("com.example.NoSuchHash")
          .contains("com.example.NoSuchLayout")
          .contains(BrokenPlugins.Exploding.class.getName())
          .contains("boom")
          .contains("'test-future'")
          .contains("version " + (HashProvider.SPI_VERSION + 1));
      assertThat(p.problems()).hasSize(4);
      // The ServiceConfigurationError is told by its message, which names the service and the
      // class, without its own class name in front.
      assertThat(p.problems()).contains("hash plugin could not be loaded: "
          + HashProvider.class.getName() + ": Provider com.example.NoSuchHash not found");
      // A provider that cannot be instantiated is told by what its constructor threw, once.
      assertThat(p.problems()).anySatisfy(problem -> assertThat(problem).isEqualTo("hash plugin "
          + BrokenPlugins.Exploding.class.getName() + " could not be instantiated:"
          + " java.lang.IllegalStateException: boom: Exploding refuses to start"));
      assertThat(p.problems()).noneMatch(problem -> problem.contains("ServiceConfigurationError"));
      assertThatThrownBy(() -> p.hash("test-future"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unknown hash plugin 'test-future'")
          .hasMessageContaining("refused")
          .hasMessageContaining("available: [test-mix]");
      assertThat(GoMaps.builder().plugins(p).hash("test-mix").layout("386").seed(1)
          .keyMaterial(TestPlugins.KEY_MATERIAL).buildLongLong().put(1, 2)).isZero();
    }
  }
}
