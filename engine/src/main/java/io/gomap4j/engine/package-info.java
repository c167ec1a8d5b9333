/**
 * Building maps and finding plugins.
 *
 * <p>{@link io.gomap4j.engine.GoMaps} builds maps from plugins chosen by name or given as
 * instances; {@link io.gomap4j.engine.Plugins} is the registry that {@link java.util.ServiceLoader}
 * fills; {@link io.gomap4j.engine.Settings} holds the global defaults.
 */
package io.gomap4j.engine;
