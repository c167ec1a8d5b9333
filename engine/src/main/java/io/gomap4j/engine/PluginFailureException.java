package io.gomap4j.engine;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.internal.Printable;
import java.util.function.Supplier;

/**
 * A plugin threw where the engine asked it something outside a map's operations: its platform,
 * whether it supports one, which ones it supports, a hasher. The message names the plugin's kind,
 * name and class and the call; the cause is what the plugin threw. It is an
 * {@link IllegalStateException}, as the builders document, and a class of its own so that a
 * caller can tell a failing plugin from a failing map (the trace replayer does).
 */
public final class PluginFailureException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /**
   * A failure of {@code call} of {@code plugin}.
   *
   * @param kind the plugin's kind
   * @param name the plugin's name, as it reported it
   * @param plugin the plugin
   * @param call the call, such as {@code supports(amd64)}
   * @param cause what the plugin threw
   */
  public PluginFailureException(
      PluginKind kind, String name, Object plugin, String call, Throwable cause) {
    super(Printable.of(requireNonNull(kind, "kind is null").label() + " '" + name + "' ("
        + requireNonNull(plugin, "plugin is null").getClass().getName() + ") failed in " + call
        + ": " + cause), cause);
  }

  /**
   * What {@code call} of {@code plugin} answers; whatever it throws but an
   * {@link OutOfMemoryError} (the JVM's problem, not the plugin's) becomes a
   * {@code PluginFailureException}.
   */
  public static <T> T ask(
      PluginKind kind, String name, Object plugin, String call, Supplier<T> answer) {
    try {
      return answer.get();
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      throw new PluginFailureException(kind, name, plugin, call, e);
    }
  }
}
