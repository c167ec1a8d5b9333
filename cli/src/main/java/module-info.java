/**
 * The {@code gomap4j} command: lists the plugins found, replays Go runtime traces and runs the
 * TCK. Plugins are found through {@link java.util.ServiceLoader} by the engine; the logging
 * backend (Logback) is found by SLF4J's provider lookup.
 */
module io.gomap4j.cli {
  requires io.gomap4j.engine;
  requires io.gomap4j.tck;
  requires info.picocli;
  requires org.slf4j;

  opens io.gomap4j.cli to
      info.picocli;
}
