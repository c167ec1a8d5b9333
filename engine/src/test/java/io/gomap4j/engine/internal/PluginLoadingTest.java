package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.engine.testing.BrokenPlugins;
import io.gomap4j.engine.testing.UnloadablePlugins;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a plugin class was loaded from, as the registry and tck --plugin-jar name it. */
class PluginLoadingTest {

  @Test
  @DisplayName("A class from a directory or jar file is located by its path")
  void fileLocation() throws Exception {
    Path classes = Path.of(BrokenPlugins.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    assertThat(PluginLoading.location(BrokenPlugins.Blank.class)).isEqualTo(classes.toString());
  }

  @Test
  @DisplayName("A class from a URL that is no file path is located by the URL")
  void urlLocation(@TempDir Path dir) throws Exception {
    Path classes = UnloadablePlugins.compile(dir.resolve("classes"));
    String entry = UnloadablePlugins.FAILING_INIT.replace('.', '/') + ".class";
    Path spaced = dir.resolve("with space");
    Files.createDirectories(spaced.resolve(entry).getParent());
    Files.copy(classes.resolve(entry), spaced.resolve(entry));
    // A URL with a raw space loads classes, but is no URI, so no path.
    URL url = new URL("file:" + spaced + "/");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {url},
        PluginLoadingTest.class.getClassLoader())) {
      Class<?> type = Class.forName(UnloadablePlugins.FAILING_INIT, false, loader);
      assertThat(PluginLoading.location(type)).isEqualTo(url.toString());
    }
  }

  @Test
  @DisplayName("A class without a code source is located by its class loader, or as the JDK's")
  void noCodeSource() throws IOException {
    assertThat(PluginLoading.location(String.class)).isEqualTo("the JDK");
    String name = BrokenPlugins.Blank.class.getName();
    byte[] bytes;
    try (InputStream in = BrokenPlugins.class.getClassLoader()
        .getResourceAsStream(name.replace('.', '/') + ".class")) {
      bytes = in.readAllBytes();
    }
    class Definer extends ClassLoader {
      Definer(String loaderName) {
        super(loaderName, PluginLoadingTest.class.getClassLoader());
      }

      Class<?> define() {
        return defineClass(name, bytes, 0, bytes.length);
      }
    }
    assertThat(PluginLoading.location(new Definer("test-definer").define()))
        .isEqualTo("the class loader test-definer");
    assertThat(PluginLoading.location(new Definer(null).define()))
        .isEqualTo("the class loader " + Definer.class.getName());
  }
}
