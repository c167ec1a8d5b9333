package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.api.GoType;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.internal.GoAlloc;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.tck.MapContract;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every layout's {@code maxAlloc} gives, for every map type and hint go1.19 was probed with, what
 * Go's {@code make(map[K]V, hint)} gave: B=0 above the cut-off and for a negative hint, the hint
 * kept at the cut-off; and {@code gomap4j simulate --hint} shows Go's B, or refuses a hint whose B
 * it cannot hold (where Go tried to allocate the buckets and ran out of memory).
 *
 * <p>The vectors ({@code src/test/resources/vectors/makemaphint/go1.19.jsonl}) are this project's
 * own, made by {@code src/test/go/makemaphint/probe.sh} with go1.19 (see its README).
 */
class MakemapHintVectorsTest {

  private static final Pattern LINE = Pattern.compile(
      "\\{\"goarch\":\"([^\"]+)\",\"map\":\"([^\"]+)\",\"bucketsize\":([0-9]+),"
          + "\"hint\":(-?[0-9]+),(?:\"B\":([0-9]+)|\"go\":\"([^\"]+)\")}");

  /**
   * One probe: Go's B for {@code make(map, hint)} on {@code goarch}, or -1 when Go ran out of
   * memory allocating the buckets ({@code go} is its message).
   */
  record Probe(String goarch, GoType.Map map, int bucketSize, long hint, int b, String go) {

    String key() {
      return map.key().goSyntax();
    }

    String elem() {
      return map.elem().goSyntax();
    }

    String what() {
      return map.goSyntax() + " on " + goarch + ", hint " + hint;
    }
  }

  private static List<Probe> probes() throws IOException {
    return TestResources.matchedLines("/vectors/makemaphint/go1.19.jsonl", LINE).stream()
        .map(m -> new Probe(m.group(1), (GoType.Map) GoType.parse(m.group(2)),
            Integer.parseInt(m.group(3)), Long.parseLong(m.group(4)),
            m.group(5) == null ? -1 : Integer.parseInt(m.group(5)), m.group(6)))
        .toList();
  }

  private static String simulate(Probe p, int expectedExit) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(new Main(Plugins::discovered, MapContract::checks, false));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute("simulate", "--goarch", p.goarch(), "--key", p.key(), "--elem",
        p.elem(), "--entries", "0", "--hint", Long.toString(p.hint()));
    assertThat(exit).as("simulate %s: %s%s", p.what(), out, err).isEqualTo(expectedExit);
    return expectedExit == 0 ? out.toString() : err.toString();
  }

  @Test
  @DisplayName("Each layout's maxAlloc keeps the hints go1.19 keeps and takes the others as 0,"
      + " for every probed map type")
  void maxAllocMatchesGo() throws IOException {
    Plugins plugins = Plugins.discovered();
    List<Probe> probes = probes();
    Set<String> probed = new TreeSet<>();
    for (Probe p : probes) {
      probed.add(p.goarch());
      PlatformLayout layout = plugins.layout(p.goarch());
      BucketLayout bucket = layout.bucketLayout(p.map().key(), p.map().elem());
      assertThat(bucket.bucketSize()).as(p.what()).isEqualTo(p.bucketSize());
      long goHint = GoAlloc.HintCutoff.of(layout, bucket).hint(p.hint());
      assertThat(goHint).as("%s (maxAlloc %d)", p.what(), layout.maxAlloc())
          .isEqualTo(p.b() == 0 ? 0 : p.hint());
    }
    assertThat(probed).as("every bundled layout is probed")
        .isEqualTo(new TreeSet<>(plugins.names(PluginKind.LAYOUT)));
    assertThat(probes).hasSizeGreaterThanOrEqualTo(14 * 5 * 4);
    assertThat(probes).as("negative hints").filteredOn(p -> p.hint() < 0).hasSize(14 * 5 * 2);
  }

  @Test
  @DisplayName("simulate --hint gives Go's B for every probed hint, and refuses the hints at which"
      + " Go ran out of memory allocating more than 2^30 buckets")
  void simulateMatchesGo() throws IOException {
    for (Probe p : probes()) {
      if (p.b() >= 0) {
        String out = simulate(p, Main.OK);
        assertThat(out).as(p.what()).contains(String.format("B                 %d%n", p.b()));
        assertThat(out.contains("hint              taken as 0")).as(p.what())
            .isEqualTo(p.b() == 0);
      } else {
        assertThat(p.go()).as(p.what()).contains("out of memory");
        assertThat(simulate(p, Main.USAGE)).as(p.what())
            .contains("for the size hint " + p.hint())
            .contains("B must be in 0..30")
            .contains("Go's makemap takes a hint above " + p.hint() + " as 0");
      }
    }
  }
}
