package io.gomap4j.tck;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks that a plugin module registers its providers twice and alike: with {@code provides ... with
 * ...} in {@code module-info.java} (module path) and in {@code META-INF/services} (class path).
 */
public final class ServiceRegistrations {

  private ServiceRegistrations() {}

  /**
   * The providers a module declares in its {@code module-info.class}, by service interface.
   *
   * @param anyClass a class of the module, used to find its classes directory or jar
   */
  public static Map<String, Set<String>> moduleProvides(Class<?> anyClass) {
    return read(anyClass, root -> {
      Path info = root.resolve("module-info.class");
      if (!Files.exists(info)) {
        throw new IllegalStateException("no module-info.class in " + root);
      }
      try (InputStream in = Files.newInputStream(info)) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (ModuleDescriptor.Provides p : ModuleDescriptor.read(in).provides()) {
          out.put(p.service(), new TreeSet<>(p.providers()));
        }
        return out;
      }
    });
  }

  /** The providers a module lists in its {@code META-INF/services} files, by service interface. */
  public static Map<String, Set<String>> serviceFiles(Class<?> anyClass) {
    return read(anyClass, root -> {
      Path dir = root.resolve("META-INF/services");
      Map<String, Set<String>> out = new TreeMap<>();
      if (!Files.isDirectory(dir)) {
        return out;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.collect(Collectors.toList())) {
          Set<String> names = new TreeSet<>();
          for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            String s = line.replaceAll("#.*", "").trim();
            if (!s.isEmpty()) {
              names.add(s);
            }
          }
          out.put(f.getFileName().toString(), names);
        }
      }
      return out;
    });
  }

  /**
   * Fails with a message listing the differences if the module's {@code provides} clauses and its
   * {@code META-INF/services} files do not name the same providers for the same services.
   */
  public static void assertAgree(Class<?> anyClass) {
    Map<String, Set<String>> module = moduleProvides(anyClass);
    Map<String, Set<String>> files = serviceFiles(anyClass);
    if (!module.equals(files)) {
      throw new AssertionError(
          "module-info.java 'provides' and META-INF/services disagree for the module of "
              + anyClass.getName() + ":\n  module-info: " + module + "\n  META-INF/services: "
              + files + "\nRegister every provider in both places.");
    }
    if (module.isEmpty()) {
      throw new AssertionError("the module of " + anyClass.getName() + " provides no service");
    }
  }

  /**
   * {@link #assertAgree} for the module of {@code anyClass}, and its registrations of
   * {@code service} are exactly the classes of {@code plugins}: a module that ships several plugins
   * of one kind checks that none is missing or left over.
   */
  public static void assertProvidesExactly(
      Class<?> anyClass, Class<?> service, Collection<?> plugins) {
    requireNonNull(service, "service is null");
    requireNonNull(plugins, "plugins is null");
    assertAgree(anyClass);
    Set<String> expected = new TreeSet<>();
    plugins.forEach(p -> expected.add(p.getClass().getName()));
    Set<String> registered = moduleProvides(anyClass).getOrDefault(service.getName(), Set.of());
    if (!registered.equals(expected)) {
      throw new AssertionError("the module of " + anyClass.getName() + " registers "
          + new TreeSet<>(registered) + " as " + service.getName() + ", expected " + expected
          + ". Register every plugin of the module, and nothing else, in module-info.java and"
          + " META-INF/services.");
    }
  }

  private interface RootReader<T> {
    T read(Path root) throws IOException;
  }

  private static <T> T read(Class<?> anyClass, RootReader<T> reader) {
    requireNonNull(anyClass, "anyClass is null");
    Path location;
    try {
      location = Path.of(anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("cannot locate the classes of " + anyClass.getName(), e);
    }
    try {
      if (Files.isDirectory(location)) {
        return reader.read(location);
      }
      try (FileSystem jar = FileSystems.newFileSystem(location, (ClassLoader) null)) {
        return reader.read(jar.getPath("/"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
  }
}
