package io.gomap4j.cli;

import static java.util.Objects.requireNonNull;

import io.gomap4j.engine.PluginInfo;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipException;

/**
 * A third-party plugin jar, loaded in its own class loader whose parent sees the bundled plugins.
 * Only the plugins whose classes come from the jar are under test; the bundled ones are their
 * partners in the matrix.
 */
final class PluginJar implements Closeable {

  private final Path path;
  private final URLClassLoader loader;
  private final List<PluginInfo> own;
  private final List<String> problems;
  private final Plugins combined;

  private PluginJar(Path path, URLClassLoader loader, List<PluginInfo> own, List<String> problems,
      Plugins combined) {
    this.path = path;
    this.loader = loader;
    this.own = own;
    this.problems = problems;
    this.combined = combined;
  }

  /**
   * Opens {@code path} and discovers its plugins next to {@code bundled}.
   *
   * @param parent the class loader of the bundled plugins and of the SPI
   * @throws CliException with {@link Main#USAGE} if the path is missing, is not a jar, holds no
   *     plugin, or names a plugin like a bundled one
   */
  static PluginJar open(Path path, Plugins bundled, ClassLoader parent) {
    requireNonNull(path, "path is null");
    requireNonNull(bundled, "bundled is null");
    if (!Files.exists(path)) {
      throw new CliException(Main.USAGE, "--plugin-jar " + path + ": no such file");
    }
    if (!Files.isRegularFile(path)) {
      throw new CliException(Main.USAGE, "--plugin-jar " + path + ": not a file");
    }
    try (JarFile jar = new JarFile(path.toFile())) {
      jar.size(); // opened: a zip; every jar is one
    } catch (ZipException e) {
      throw new CliException(Main.USAGE, "--plugin-jar " + path + ": not a jar (" + e.getMessage()
          + ")");
    } catch (IOException | SecurityException e) {
      throw new CliException(Main.USAGE, "--plugin-jar " + path + ": cannot read it: " + e);
    }
    URL url;
    try {
      url = path.toAbsolutePath().toUri().toURL();
    } catch (MalformedURLException e) {
      throw new CliException(Main.USAGE, "--plugin-jar " + path + ": " + e.getMessage());
    }
    URLClassLoader loader = new URLClassLoader("plugin-jar", new URL[] {url}, parent);
    try {
      Plugins found;
      try {
        found = Plugins.discover(loader);
      } catch (IllegalStateException e) {
        throw new CliException(Main.USAGE, "cannot load the plugins of " + path + ": "
            + e.getMessage());
      }
      List<PluginInfo> own = new ArrayList<>();
      for (PluginInfo info : found.all()) {
        if (info.plugin().getClass().getClassLoader() == loader) {
          own.add(info);
        }
      }
      // What failed to load and was not already failing without the jar belongs to the jar.
      Set<String> before = new HashSet<>(Plugins.discover(parent).problems());
      List<String> problems = new ArrayList<>();
      for (String p : found.problems()) {
        if (!before.contains(p)) {
          problems.add(p);
        }
      }
      if (own.isEmpty() && problems.isEmpty()) {
        throw new CliException(Main.USAGE, "--plugin-jar " + path + ": no plugins in it; a plugin "
            + "jar registers its classes in META-INF/services/io.gomap4j.spi.HashProvider, "
            + "io.gomap4j.spi.PlatformLayout or io.gomap4j.spi.GrowthPolicy");
      }
      if (own.isEmpty()) {
        throw new CliException(Main.USAGE, "--plugin-jar " + path
            + ": none of its plugins could be loaded:" + System.lineSeparator() + "  "
            + String.join(System.lineSeparator() + "  ", problems));
      }
      Plugins combined;
      try {
        combined = bundled.with(own.stream().map(PluginInfo::plugin).toList());
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new CliException(Main.USAGE, "cannot load the plugins of " + path + ": "
            + e.getMessage());
      }
      return new PluginJar(path, loader, List.copyOf(own), List.copyOf(problems), combined);
    } catch (RuntimeException e) {
      closeQuietly(loader);
      throw e;
    }
  }

  private static void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      // nothing to add to the error being reported
    }
  }

  /** The jar. */
  Path path() {
    return path;
  }

  /** The plugins whose classes the jar holds: the plugins under test, by kind then name. */
  List<PluginInfo> own() {
    return own;
  }

  /** The jar's plugins of {@code kind}. */
  List<PluginInfo> own(PluginKind kind) {
    return own.stream().filter(p -> p.kind() == kind).toList();
  }

  /** Whether {@code plugin} is one of the jar's. */
  boolean isOwn(Object plugin) {
    return plugin.getClass().getClassLoader() == loader;
  }

  /** Providers the jar registers that could not be loaded or were refused, one sentence each. */
  List<String> problems() {
    return problems;
  }

  /** The bundled plugins with the jar's. */
  Plugins combined() {
    return combined;
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }
}
