package io.gomap4j.engine;

import static java.util.Objects.requireNonNull;

/**
 * A plugin the registry found: its kind, name, class, where it was loaded from, and the plugin
 * object itself.
 *
 * @param kind the plugin kind
 * @param name the plugin's name
 * @param className the implementing class
 * @param location where the class came from: the path of its jar or directory, the URL of its
 *     code source where that is no path, or, for a class without a code source, its class loader
 *     ({@code the class loader app}) or {@code the JDK}
 * @param plugin the plugin instance
 */
public record PluginInfo(PluginKind kind, String name, String className, String location,
    Object plugin) {

  public PluginInfo {
    requireNonNull(kind, "kind is null");
    requireNonNull(name, "name is null");
    requireNonNull(className, "className is null");
    requireNonNull(location, "location is null");
    requireNonNull(plugin, "plugin is null");
  }
}
