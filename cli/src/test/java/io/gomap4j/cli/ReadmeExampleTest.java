package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.api.GoMap;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.engine.GoMaps;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The code sample of README.md runs as written, with the bundled plugins and without Guice. */
class ReadmeExampleTest {

  @Test
  @DisplayName("The README's embedding sample works with the bundled plugins")
  void readmeSample() {
    GoMap<String, Integer> words = GoMaps.builder().expectedSize(1_000).build();
    words.merge("go", 1, Integer::sum);

    LongLongGoMap counts = GoMaps.builder()
        .hash("memhash-go119").layout("386").growth("go119")
        .seed(42)
        .buildLongLong();
    counts.put(7, 1);
    long c = counts.get(7);

    assertThat(words).containsEntry("go", 1);
    assertThat(c).isEqualTo(1);
    assertThat(counts.get(8)).isZero();
    assertThat(counts.stats().count()).isEqualTo(1);
    assertThat(words.stats().B()).isEqualTo(8); // make(map, 1000): 6.5 * 2^8 >= 1000
  }

  @Test
  @DisplayName("Maps build without Guice on the class path: Guice is optional")
  void noGuiceNeeded() {
    assertThat(ReadmeExampleTest.class.getClassLoader().getResource(
        "com/google/inject/Module.class")).isNull();
    assertThat(GoMaps.newLongLongMap().isEmpty()).isTrue();
  }
}
