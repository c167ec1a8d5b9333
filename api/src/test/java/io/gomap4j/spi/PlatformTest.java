package io.gomap4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlatformTest {

  private static final String RAW = "x\u001b[2J\ny";
  private static final String ESCAPED = "x\\u001b[2J\\u000ay";

  @Test
  @DisplayName("A platform's messages and toString quote its GOARCH without raw control characters;"
      + " the GOARCH itself and equality are as given")
  void goarchIsQuotedWithoutControlCharacters() {
    assertThatThrownBy(() -> new Platform(RAW, 6, 8, ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ptrSize of " + ESCAPED + " must be 4 or 8, got 6");
    assertThatThrownBy(() -> new Platform(RAW, 8, 2, ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("regSize of " + ESCAPED + " must be 4 or 8, got 2");
    Platform p = new Platform(RAW, 4, 4, ByteOrder.BIG_ENDIAN);
    assertThat(p).hasToString(ESCAPED + " (32-bit, big-endian)");
    assertThat(p.goarch()).isEqualTo(RAW);
    assertThat(p).isEqualTo(new Platform(RAW, 4, 4, ByteOrder.BIG_ENDIAN))
        .hasSameHashCodeAs(new Platform(RAW, 4, 4, ByteOrder.BIG_ENDIAN))
        .isNotEqualTo(new Platform(ESCAPED, 4, 4, ByteOrder.BIG_ENDIAN));
    assertThat(new Platform("amd64", 8, 8, ByteOrder.LITTLE_ENDIAN))
        .hasToString("amd64 (64-bit, little-endian)");
  }
}
