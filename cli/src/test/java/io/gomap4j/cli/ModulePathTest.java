package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * On the module path, the modules' descriptors resolve and the engine finds every bundled plugin
 * through their {@code provides} clauses, not through {@code META-INF/services}.
 */
class ModulePathTest {

  private static final Set<String> MODULE_JARS = Set.of(
      "gomap4j-api", "gomap4j-engine", "gomap4j-hash-providers", "gomap4j-layouts-32bit",
      "gomap4j-layouts-64bit", "slf4j-api", "api", "engine", "hash-providers", "layouts-32bit",
      "layouts-64bit");

  /** The TCK's module and the JUnit modules it requires, besides {@link #MODULE_JARS}. */
  private static final Set<String> TCK_JARS = Set.of("gomap4j-tck", "tck", "junit-jupiter-api",
      "opentest4j", "junit-platform-commons", "apiguardian-api");

  /**
   * Whether {@code p} is one of {@code names}, such as {@link #MODULE_JARS}: their class directories
   * in a reactor build, or
   * their jars, but not the engine's test jar (its test fixtures are no part of the layer).
   */
  private static boolean wanted(Path p, Set<String> names) {
    String s = p.toString().replace(File.separatorChar, '/');
    String file = p.getFileName().toString();
    if (file.endsWith("-tests.jar")) {
      return false;
    }
    for (String name : names) {
      if (s.contains("/" + name + "/target/classes") || file.startsWith(name + "-")) {
        return true;
      }
    }
    return false;
  }

  /** The entries of the test class path that are among {@code names}, for a module finder. */
  private static ModuleFinder finder(Set<String> names) {
    List<Path> paths = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.exists(p) && wanted(p, names)) {
        paths.add(p);
      }
    }
    return ModuleFinder.of(paths.toArray(Path[]::new));
  }

  @Test
  @DisplayName("In a module layer the registry finds the bundled plugins through provides clauses")
  void pluginsResolveOnTheModulePath() throws Exception {
    ModuleFinder finder = finder(MODULE_JARS);
    Configuration cf = ModuleLayer.boot().configuration().resolveAndBind(
        finder, ModuleFinder.of(),
        Set.of("io.gomap4j.engine", "io.gomap4j.hash", "io.gomap4j.layout32",
            "io.gomap4j.layout64"));
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf,
        ClassLoader.getPlatformClassLoader());
    ClassLoader loader = layer.findLoader("io.gomap4j.engine");

    Class<?> plugins = loader.loadClass("io.gomap4j.engine.Plugins");
    assertThat(plugins.getModule().isNamed()).isTrue();
    Object registry = plugins.getMethod("discover", ClassLoader.class).invoke(null, loader);
    assertThat(registry.toString())
        .isEqualTo("Plugins[hash=[aeshash-go119, memhash-go119], layout=[386, amd64, arm, arm64, loong64, mips, mips64, mips64le, mipsle, ppc64, ppc64le, riscv64, s390x, wasm], growth=[go119, go119-shrink]]");

    Class<?> hash = loader.loadClass("io.gomap4j.spi.HashProvider");
    Set<String> viaProvides = new TreeSet<>();
    ServiceLoader.load(layer, hash).stream()
        .forEach(p -> viaProvides.add(p.type().getModule().getName()));
    assertThat(viaProvides).containsExactly("io.gomap4j.hash");
  }

  @Test
  @DisplayName("In a module layer the TCK reaches what the api and engine export: it"
      + " quotes a value through the api's Printable")
  void tckResolvesOnTheModulePath() throws Exception {
    Set<String> names = new TreeSet<>(MODULE_JARS);
    names.addAll(TCK_JARS);
    Configuration cf = ModuleLayer.boot().configuration().resolveAndBind(
        finder(names), ModuleFinder.of(), Set.of("io.gomap4j.tck"));
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf,
        ClassLoader.getPlatformClassLoader());
    Class<?> matrix = layer.findLoader("io.gomap4j.tck").loadClass("io.gomap4j.tck.TckMatrix");
    assertThat(matrix.getModule().getName()).isEqualTo("io.gomap4j.tck");
    Method parse = matrix.getMethod("parseTimeout", String.class, String.class);
    assertThatThrownBy(() -> parse.invoke(null, "tck.timeout", "1\u001bs"))
        .isInstanceOf(InvocationTargetException.class).cause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("got '1\\u001bs'");
  }

  /**
   * A layer of the modules in {@code names} over the platform loader, and a class loader over it
   * for the other entries of {@code classPath}: modules on the module path and the rest in the
   * unnamed module, as Surefire runs a plugin's tests when its module-info requires only some of
   * gomap4j's modules.
   */
  private static ClassLoader mixed(Set<String> modules, String root, Set<String> classPath)
      throws Exception {
    Configuration cf = ModuleLayer.boot().configuration().resolveAndBind(
        finder(modules), ModuleFinder.of(), Set.of(root));
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf,
        ClassLoader.getPlatformClassLoader());
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.exists(p) && wanted(p, classPath) && !wanted(p, modules)) {
        urls.add(p.toUri().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), layer.findLoader(root));
  }

  @Test
  @DisplayName("With the api on the module path and the engine and the TCK on the class path,"
      + " as in a plugin whose module requires only the api, the TCK and the engine reach the"
      + " api's Printable")
  void apiOnTheModulePathEngineAndTckOnTheClassPath() throws Exception {
    Set<String> all = new TreeSet<>(MODULE_JARS);
    all.addAll(TCK_JARS);
    ClassLoader loader = mixed(Set.of("api", "gomap4j-api"), "io.gomap4j.api", all);
    Class<?> matrix = loader.loadClass("io.gomap4j.tck.TckMatrix");
    assertThat(matrix.getModule().isNamed()).isFalse();
    assertThat(loader.loadClass("io.gomap4j.api.internal.Printable").getModule().getName())
        .isEqualTo("io.gomap4j.api");
    Method parse = matrix.getMethod("parseTimeout", String.class, String.class);
    assertThatThrownBy(() -> parse.invoke(null, "tck.timeout", "1\u001bs"))
        .isInstanceOf(InvocationTargetException.class).cause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("got '1\\u001bs'");
    Class<?> goMaps = loader.loadClass("io.gomap4j.engine.GoMaps");
    Object builder = goMaps.getMethod("builder").invoke(null);
    builder.getClass().getMethod("hash", String.class).invoke(builder, "no\u001bsuch");
    assertThatThrownBy(() -> builder.getClass().getMethod("describe").invoke(builder))
        .isInstanceOf(InvocationTargetException.class).cause()
        .hasMessageContaining("no\\u001bsuch");
  }

  @Test
  @DisplayName("With the api and the engine on the module path and the TCK on the class path, the"
      + " TCK reaches the engine's internal package: it reads Go's hash vectors")
  void engineOnTheModulePathTckOnTheClassPath() throws Exception {
    Set<String> all = new TreeSet<>(MODULE_JARS);
    all.addAll(TCK_JARS);
    ClassLoader loader = mixed(MODULE_JARS, "io.gomap4j.engine", all);
    Class<?> vectors = loader.loadClass("io.gomap4j.tck.vectors.GoVectors");
    assertThat(vectors.getModule().isNamed()).isFalse();
    assertThat(loader.loadClass("io.gomap4j.engine.internal.FlatJson").getModule().getName())
        .isEqualTo("io.gomap4j.engine");
    List<?> read = (List<?>) vectors.getMethod("hashVectors", String.class).invoke(null, "amd64");
    assertThat(read).isNotEmpty();
  }
}
