package io.gomap4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The growth target line says whose slow tail it is only as far as the no-map control shows. */
class ReportGrowthTargetTest {

  @TempDir Path dir;

  private static String result(String impl, double maxNanos, double p9999Nanos) {
    String pct = String.format(Locale.ROOT,
        "{\"count\": 10, \"p99_9Nanos\": 1000, \"p99_99Nanos\": %s, \"maxNanos\": %s,"
            + " \"excludedPuts\": 0}", p9999Nanos, maxNanos);
    return "{\"impl\": \"" + impl + "\", \"label\": \"" + impl + "\", \"size\": 10000000,"
        + " \"fillMillis\": 1, \"all\": " + pct + ", \"excludingGc\": " + pct + ","
        + " \"gc\": {\"count\": 0, \"totalMillis\": 0, \"maxMillis\": 0, \"pauses\": []},"
        + " \"maxBytesAllocatedByOnePut\": 100}";
  }

  private String targets(double goMax, double goP, double controlMax, double controlP)
      throws Exception {
    Files.writeString(dir.resolve("growth.json"), "{\"kind\": \"growth-latency\", \"results\": ["
        + result("gomap", goMax, goP) + ", "
        + result(GrowthLatency.CONTROL, controlMax, controlP) + "]}");
    return Report.targets(Report.Data.load(dir));
  }

  @Test
  void aMapAtTheControlsLevelIsTheMachinesFloor() throws Exception {
    assertThat(targets(1.9e6, 64e3, 4.1e6, 58e3))
        .contains("the no-map control").contains("this machine's")
        .doesNotContain("the map's own");
  }

  @Test
  void aMapWellAboveTheControlHasATailOfItsOwn() throws Exception {
    assertThat(targets(2.0e6, 55e3, 0.16e6, 6e3))
        .contains("the map's own").doesNotContain("this machine's");
  }
}
