package io.gomap4j.engine.internal;

import io.gomap4j.api.internal.Printable;
import io.gomap4j.engine.PluginInfo;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.PlatformLayout;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * How plugins are found and read, shared by the registry ({@code Plugins}) and
 * {@code gomap4j tck --plugin-jar}: {@link #walk} loads and instantiates each provider that the
 * services files (or {@code provides} clauses) name, telling each failure in one sentence, and
 * {@link #identify} reads a plugin's name and SPI version and says why the registry would leave it
 * out; {@link #nameProblem} applies the plugin name rule.
 */
public final class PluginLoading {

  /** How many providers of one kind may fail to load before a walk stops. */
  public static final int MAX_ERRORS = 64;

  private PluginLoading() {}

  /** What a {@link #walk} does with the providers it finds. */
  public interface Visitor {
    /**
     * Whether a provider class is one the walk is for; the others are passed over, not
     * instantiated and not counted as errors. Every class by default.
     */
    default boolean wanted(Class<?> type) {
      return true;
    }

    /**
     * Why a wanted provider class is refused before it is instantiated, which counts as an error,
     * or null to instantiate it (the default).
     */
    default String refusal(Class<?> type) {
      return null;
    }

    /**
     * A provider that could not be loaded, was refused or could not be instantiated, or the end of
     * a walk stopped after {@link #MAX_ERRORS} errors.
     *
     * @param className the provider's class, or null if it is not known (a services line that
     *     could not be read or names a class that is not there, or the stop)
     * @param problem what happened, one sentence naming the kind and the class where known
     */
    void failed(String className, String problem);

    /** A provider, instantiated. */
    void loaded(Object plugin);
  }

  /**
   * Loads and instantiates every provider of {@code kind} that {@link ServiceLoader} finds through
   * {@code loader}, in its order, and hands each to {@code visitor}. A provider the JVM cannot
   * load, link or initialize (a class file for a newer Java, a missing superclass or library, a
   * static initializer that throws) is a failure like any other, named by its class where known;
   * one that cannot be instantiated is told by its class and what was thrown (with its causes),
   * not by ServiceLoader's wrapper, which would say "could not be instantiated" a second time.
   * After {@link #MAX_ERRORS} failures the walk stops, telling so only if another provider
   * follows.
   */
  public static void walk(PluginKind kind, ClassLoader loader, Visitor visitor) {
    NameRecorder names = new NameRecorder(
        loader != null ? loader : ClassLoader.getSystemClassLoader());
    Iterator<? extends ServiceLoader.Provider<?>> it =
        ServiceLoader.load(kind.service(), names).stream().iterator();
    int errors = 0;
    while (true) {
      if (errors >= MAX_ERRORS) {
        if (more(it)) {
          visitor.failed(null, "stopped loading " + kind.label() + " plugins after " + MAX_ERRORS
              + " errors");
        }
        return;
      }
      ServiceLoader.Provider<?> provider;
      names.last = null;
      try {
        if (!it.hasNext()) {
          return;
        }
        provider = it.next();
      } catch (ServiceConfigurationError e) {
        errors++;
        visitor.failed(null, kind.label() + " plugin could not be loaded: " + withCauses(e));
        continue;
      } catch (LinkageError e) {
        // ServiceLoader lets the JVM's errors in loading a class through; the walk goes on with
        // the next line. The class is the one ServiceLoader last asked for, if it asked.
        errors++;
        String cls = names.last;
        visitor.failed(cls, kind.label() + " plugin " + (cls != null ? cls + " " : "")
            + "could not be loaded: " + withCauses(e));
        continue;
      }
      Class<?> type = provider.type();
      if (!visitor.wanted(type)) {
        continue;
      }
      String refusal = visitor.refusal(type);
      if (refusal != null) {
        errors++;
        visitor.failed(type.getName(), refusal);
        continue;
      }
      Object plugin;
      try {
        plugin = provider.get();
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        errors++;
        // ServiceLoader wraps what the constructor threw in "<service>: Provider <class> could not
        // be instantiated", which would say so twice: the cause is the news.
        Throwable why = e instanceof ServiceConfigurationError && e.getCause() != null
            ? e.getCause() : e;
        visitor.failed(type.getName(), kind.label() + " plugin " + type.getName()
            + " could not be instantiated: " + withCauses(why));
        continue;
      }
      visitor.loaded(plugin);
    }
  }

  /** Whether the services files name another provider, loadable or not. */
  private static boolean more(Iterator<?> it) {
    try {
      return it.hasNext();
    } catch (ServiceConfigurationError | LinkageError e) {
      return true; // the next line is there, and it is bad
    }
  }

  /**
   * The class loader a walk hands to {@link ServiceLoader}: {@code loader} itself in all it does,
   * except that it remembers the last class name asked of it. ServiceLoader asks it for each
   * provider class on a services line, so that when the JVM cannot load one (and ServiceLoader
   * lets the {@link LinkageError} through, naming at most the missing superclass) the walk can
   * still name the provider.
   */
  private static final class NameRecorder extends ClassLoader {
    String last;

    NameRecorder(ClassLoader loader) {
      super("gomap4j-plugin-names", loader);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      last = name;
      return super.loadClass(name, resolve);
    }
  }

  /**
   * The throwable and its causes: a ServiceConfigurationError hides the plugin's own error. A
   * ServiceConfigurationError's message names the service and the provider, so it stands alone.
   * The messages are the plugin's text, so each control or invisible character in them is written
   * as {@code \}{@code uXXXX} ({@link Printable}).
   */
  static String withCauses(Throwable e) {
    StringBuilder sb = new StringBuilder(e instanceof ServiceConfigurationError
        && e.getMessage() != null ? e.getMessage() : e.toString());
    int depth = 0;
    for (Throwable c = e.getCause(); c != null && depth < 8; c = c.getCause(), depth++) {
      sb.append("; caused by ").append(c);
    }
    return Printable.of(sb.toString());
  }

  /**
   * A plugin as the registry reads it.
   *
   * @param info the plugin's kind, name, class and location, or null if it could not tell its name
   * @param refusal why the registry leaves the plugin out, or null if it does not: its
   *     {@code name()} or {@code spiVersion()} throws (any exception or error), its name is null,
   *     or it was built for another SPI version. A name that breaks the rule ({@link PluginNames})
   *     is not a refusal: the registry fails on it, as on a name two plugins share
   */
  public record Identity(PluginInfo info, String refusal) {}

  /** Reads {@code plugin}'s name and SPI version, as the registry does, and checks the version. */
  public static Identity identify(PluginKind kind, Object plugin) {
    String cls = plugin.getClass().getName();
    String name;
    int version;
    try {
      if (plugin instanceof HashProvider) {
        name = ((HashProvider) plugin).name();
        version = ((HashProvider) plugin).spiVersion();
      } else if (plugin instanceof PlatformLayout) {
        name = ((PlatformLayout) plugin).name();
        version = ((PlatformLayout) plugin).spiVersion();
      } else {
        name = ((GrowthPolicy) plugin).name();
        version = ((GrowthPolicy) plugin).spiVersion();
      }
    } catch (OutOfMemoryError e) {
      throw e; // the JVM's problem, not the plugin's: nothing here can recover from it
    } catch (RuntimeException | Error e) {
      // Whatever the plugin's own methods throw (an AssertionError, a StackOverflowError from a
      // name() that calls itself) is that plugin's problem, not the registry's.
      return new Identity(null, kind.label() + " plugin " + cls
          + " failed to report its name or version: " + Printable.of(e.toString()));
    }
    if (name == null) {
      return new Identity(null, kind.label() + " plugin " + cls + " has no name: name() returned"
          + " null");
    }
    PluginInfo info = new PluginInfo(kind, name, cls, location(plugin.getClass()), plugin);
    if (version != kind.spiVersion()) {
      return new Identity(info, "refused " + kind.label() + " plugin '" + Printable.of(name)
          + "' (" + cls + "): built for " + kind.service().getSimpleName() + " SPI version "
          + version + ", this engine supports version " + kind.spiVersion());
    }
    return new Identity(info, null);
  }

  /**
   * Why users could not select {@code info} by its name, naming its kind, class, location, the
   * name, the first character not allowed and the rule ({@link PluginNames}); null if they can.
   */
  public static String nameProblem(PluginInfo info) {
    return PluginNames.problem(info.name()).map(p -> info.kind().label() + " plugin "
        + info.className() + " (" + info.location() + ") is named so that users cannot select it: "
        + p).orElse(null);
  }

  /**
   * Where {@code type} was loaded from: the path of its jar or directory, or the URL of its code
   * source where that is no path; without a code source, its class loader ({@code the class
   * loader app}), or {@code the JDK} for a class of the boot loader.
   */
  public static String location(Class<?> type) {
    URL url = null;
    try {
      CodeSource cs = type.getProtectionDomain().getCodeSource();
      url = cs == null ? null : cs.getLocation();
    } catch (SecurityException e) {
      // no code source to tell: its class loader still says where it came from
    }
    if (url != null) {
      try {
        return Path.of(url.toURI()).toString();
      } catch (URISyntaxException | RuntimeException e) {
        return url.toString();
      }
    }
    ClassLoader cl = type.getClassLoader();
    if (cl == null) {
      return "the JDK";
    }
    return "the class loader " + (cl.getName() != null ? cl.getName() : cl.getClass().getName());
  }
}
