package io.gomap4j.cli;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.internal.Printable;
import io.gomap4j.engine.PluginInfo;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.internal.PluginLoading;
import io.gomap4j.engine.internal.PluginNames;
import io.gomap4j.tck.kit.Verification;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipException;

/**
 * A third-party plugin jar, loaded in its own class loader whose parent sees the bundled plugins.
 * Only the plugins whose classes come from the jar are under test; the bundled ones are their
 * partners in the matrix.
 *
 * <p>Each provider the jar registers in {@code META-INF/services} is loaded and read by the
 * engine's own code ({@link PluginLoading}), and the outcome is kept as a {@link Registration}: a
 * provider that cannot be loaded, instantiated or registered, or whose name users could not
 * select, is a failed registration, not an error of the command, so that the TCK reports it with
 * everything else; it is not under test.
 */
final class PluginJar implements Closeable {

  /** The id of the registration check. */
  static final String LOADS = "plugin.loads";

  /** The rule of {@link #LOADS}. */
  static final String LOADS_CONTRACT = "every provider the jar registers in META-INF/services "
      + "loads, instantiates, reports a name and carries this engine's SPI version";

  /** The id of the registration check of a plugin's name. */
  static final String NAME = "plugin.name";

  /** The id of the registration check that a plugin's name is its own. */
  static final String UNIQUE = "plugin.name.unique";

  private static final String SERVICES = "META-INF/services/";

  /**
   * The outcome of one registration check on one provider of the jar.
   *
   * @param subject what was registered: the kind and the plugin's name and class, as far as known
   * @param checkId the check's id
   * @param contract the check's rule
   * @param problem why the check failed, or null if it passed
   */
  record Registration(String subject, String checkId, String contract, String problem) {
    /** Escapes the subject and the problem, which quote class names and what a plugin threw. */
    Registration {
      requireNonNull(subject, "subject is null");
      requireNonNull(checkId, "checkId is null");
      requireNonNull(contract, "contract is null");
      subject = Printable.of(subject);
      problem = Printable.of(problem);
    }

    boolean passed() {
      return problem == null;
    }
  }

  private final Path path;
  private final URLClassLoader loader;
  private final List<PluginInfo> own;
  private final List<Registration> registrations;
  private final Plugins combined;

  private PluginJar(Path path, URLClassLoader loader, List<PluginInfo> own,
      List<Registration> registrations, Plugins combined) {
    this.path = path;
    this.loader = loader;
    this.own = own;
    this.registrations = registrations;
    this.combined = combined;
  }

  /**
   * Opens {@code path} and registers its plugins next to {@code bundled}.
   *
   * @param parent the class loader of the bundled plugins and of the SPI
   * @throws CliException with {@link Main#USAGE} if the path is missing, is not a jar, or registers
   *     no provider of its own in {@code META-INF/services}
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
      throw new CliException(Main.USAGE, "--plugin-jar " + path + ": cannot read it: "
          + IoMessages.describe(e));
    }
    URL url;
    try {
      url = path.toAbsolutePath().toUri().toURL();
    } catch (MalformedURLException e) {
      throw new CliException(Main.USAGE, "--plugin-jar " + path + ": " + e.getMessage());
    }
    URLClassLoader loader = new JarOnlyServices(url, parent);
    try {
      List<Registration> registrations = new ArrayList<>();
      List<PluginInfo> own = new ArrayList<>();
      for (PluginKind kind : PluginKind.values()) {
        register(kind, loader, bundled, registrations, own);
      }
      if (registrations.isEmpty()) {
        throw new CliException(Main.USAGE, "--plugin-jar " + path + ": no plugins in it; a plugin "
            + "jar registers its classes in META-INF/services/io.gomap4j.spi.HashProvider, "
            + "io.gomap4j.spi.PlatformLayout or io.gomap4j.spi.GrowthPolicy");
      }
      Plugins combined;
      try {
        combined = bundled.with(own.stream().map(PluginInfo::plugin).toList());
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new CliException(Main.USAGE, "cannot load the plugins of " + path + ": "
            + e.getMessage());
      }
      return new PluginJar(path, loader, List.copyOf(own), List.copyOf(registrations), combined);
    } catch (RuntimeException e) {
      closeQuietly(loader);
      throw e;
    }
  }

  /**
   * Registers every provider of {@code kind} that the jar's own {@code META-INF/services} file
   * names and whose class the jar holds, recording a registration for each. A plugin is under
   * test ({@code own}) if it loads, its name follows the rule, and no bundled plugin or earlier
   * plugin of the jar of its kind has its name.
   */
  private static void register(PluginKind kind, URLClassLoader loader, Plugins bundled,
      List<Registration> registrations, List<PluginInfo> own) {
    String services = kind.label() + " " + SERVICES + kind.service().getName();
    PluginLoading.walk(kind, loader, new PluginLoading.Visitor() {
      @Override
      public boolean wanted(Class<?> type) {
        // A bundled plugin, found in a named module, is a partner, not under test.
        return type.getClassLoader() == loader || !type.getModule().isNamed();
      }

      @Override
      public String refusal(Class<?> type) {
        if (type.getClassLoader() == loader) {
          return null;
        }
        return kind.label() + " plugin " + type.getName() + " is registered in the jar's "
            + SERVICES + kind.service().getName() + ", but the jar does not hold the class: it is"
            + " loaded from " + PluginLoading.location(type) + "; a plugin jar registers only its"
            + " own classes";
      }

      @Override
      public void failed(String className, String problem) {
        registrations.add(new Registration(className == null ? services
            : kind.label() + " " + className, LOADS, LOADS_CONTRACT, problem));
      }

      @Override
      public void loaded(Object plugin) {
        PluginLoading.Identity id = PluginLoading.identify(kind, plugin);
        if (id.refusal() != null) {
          // The engine leaves it out: a name() or spiVersion() that throws, a null name, another
          // version.
          registrations.add(new Registration(kind.label() + " " + plugin.getClass().getName(),
              LOADS, LOADS_CONTRACT, id.refusal()));
          return;
        }
        PluginInfo info = id.info();
        registrations.add(new Registration(subject(info), LOADS, LOADS_CONTRACT, null));
        String badName = PluginLoading.nameProblem(info);
        if (badName != null) {
          badName += "; rename it (its name())";
        }
        registrations.add(new Registration(subject(info), NAME, Verification.NAME_CONTRACT,
            badName));
        String clash = clash(info, bundled, own);
        registrations.add(new Registration(subject(info), UNIQUE,
            Verification.NAME_UNIQUE_CONTRACT, clash));
        if (badName == null && clash == null) {
          own.add(info);
        }
      }
    });
  }

  /**
   * Why {@code info}'s name is not its own, naming both classes: a bundled plugin or a plugin of
   * the jar registered before it has it. Null if the name is its own.
   */
  private static String clash(PluginInfo info, Plugins bundled, List<PluginInfo> own) {
    PluginInfo other = bundled.contains(info.kind(), info.name())
        ? bundled.get(info.kind(), info.name())
        : own.stream().filter(p -> p.kind() == info.kind() && p.name().equals(info.name()))
            .findFirst().orElse(null);
    if (other == null) {
      return null;
    }
    return info.kind().label() + " plugin " + info.className() + " is named '" + info.name()
        + "', and so is " + (bundled.contains(info.kind(), info.name()) ? "the bundled " : "")
        + other.className() + " (" + other.location() + "); a name must be unique among the "
        + "plugins of its kind, or selecting it by name selects either. Rename the plugin";
  }

  /**
   * {@code hash fixture-mix (fixture.MixHash)}; a name that breaks the rule in quotes, its control
   * characters escaped ({@code hash '' (fixture.EmptyNamedHash)}).
   */
  static String subject(PluginInfo info) {
    return info.kind().label() + " " + PluginNames.shown(info.name()) + " (" + info.className()
        + ")";
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

  /**
   * The plugins whose classes the jar holds and that passed registration: the plugins under test,
   * by kind then name.
   */
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

  /** Every registration check on the jar's providers, passed or failed, in registration order. */
  List<Registration> registrations() {
    return registrations;
  }

  /** The failed registrations' reasons, one sentence each. */
  List<String> problems() {
    return registrations.stream().filter(r -> !r.passed()).map(Registration::problem).toList();
  }

  /** The bundled plugins with the jar's. */
  Plugins combined() {
    return combined;
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }

  /**
   * The jar's class loader. Classes come from the parent first, as usual, but service
   * configuration files only from the jar: the bundled plugins' registrations (and any failure to
   * load them) are not the jar's.
   */
  private static final class JarOnlyServices extends URLClassLoader {
    static {
      registerAsParallelCapable();
    }

    JarOnlyServices(URL jar, ClassLoader parent) {
      super("plugin-jar", new URL[] {jar}, parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return name.startsWith(SERVICES) ? findResources(name) : super.getResources(name);
    }
  }
}
