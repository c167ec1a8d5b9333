package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gomap4j.api.GoType;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.spi.PlatformLayout;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every layout plugin accepts the largest types Go 1.19's compiler accepts on its GOARCH and
 * refuses the next larger ones, for six type shapes (byte arrays, int64 arrays, arrays of
 * {@code struct{}}, a struct's last field, the padding after a trailing zero-size field, the
 * round-up to the alignment).
 *
 * <p>The vectors ({@code src/test/resources/vectors/typelimits/go1.19.jsonl}) are this project's
 * own, made by {@code src/test/go/typelimits/probe.sh} with go1.19 (see its README).
 */
class TypeLimitsVectorsTest {

  private static final Pattern LINE = Pattern.compile(
      "\\{\"goarch\":\"([^\"]+)\",\"type\":\"([^\"]+)\",\"accepted\":(true|false)"
          + "(?:,\"go\":\"(.*)\")?}");

  record Probe(String goarch, String type, boolean accepted, String go) {}

  private static List<Probe> probes() throws IOException {
    return TestResources.matchedLines("/vectors/typelimits/go1.19.jsonl", LINE).stream()
        .map(m -> new Probe(m.group(1), m.group(2), Boolean.parseBoolean(m.group(3)), m.group(4)))
        .toList();
  }

  @Test
  @DisplayName("Each layout accepts the types Go 1.19 accepts on its GOARCH and refuses the others")
  void matchesGo() throws IOException {
    Plugins plugins = Plugins.discovered();
    List<Probe> probes = probes();
    Set<String> probed = new TreeSet<>();
    for (Probe p : probes) {
      probed.add(p.goarch());
      PlatformLayout layout = plugins.layout(p.goarch());
      GoType t = GoType.parse(p.type());
      String what = p.type() + " on " + p.goarch() + (p.accepted() ? "" : " (go: " + p.go() + ")");
      if (p.accepted()) {
        assertThat(layout.typeLayout(t)).as(what).isNotNull();
        assertThat(layout.bucketLayout(t, t)).as(what).isNotNull();
      } else {
        assertThat(catchThrowable(() -> layout.typeLayout(t))).as(what)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Go 1.19");
        assertThat(catchThrowable(() -> layout.bucketLayout(GoType.INT64, t))).as(what)
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(catchThrowable(() -> layout.bucketLayout(t, GoType.INT64))).as(what)
            .isInstanceOf(IllegalArgumentException.class);
      }
    }
    assertThat(probed).as("every bundled layout is probed")
        .isEqualTo(new TreeSet<>(plugins.names(PluginKind.LAYOUT)));
    assertThat(probes).hasSizeGreaterThanOrEqualTo(14 * 11);
  }
}
