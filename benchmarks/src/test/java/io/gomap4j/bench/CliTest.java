package io.gomap4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Option parsing of the benchmark main classes names the bad option and what it allows. */
class CliTest {

  @Test
  void aPositiveOptionTakesAWholeNumberOfAtLeastOne() {
    assertThat(Cli.positive(Cli.options(new String[] {"--repeat", "5"}, "--repeat", "1"),
        "--repeat")).isEqualTo(5);
    assertThat(Cli.positive(Cli.options(new String[0], "--repeat", "1"), "--repeat")).isEqualTo(1);
  }

  @Test
  void aPositiveOptionRefusesZeroAndWordsByName() {
    for (String bad : new String[] {"0", "-3", "five", ""}) {
      assertThatThrownBy(() -> Cli.positive(Map.of("--repeat", bad), "--repeat"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("option --repeat must be a whole number of at least 1; got '" + bad + "'");
    }
  }

  @Test
  void anUnknownOptionIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> Cli.options(new String[] {"--repeats", "2"}, "--repeat", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown option --repeats; known: [--repeat]");
  }
}
