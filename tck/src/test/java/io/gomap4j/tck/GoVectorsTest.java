package io.gomap4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.Platform;
import io.gomap4j.tck.vectors.GoVectors;
import io.gomap4j.tck.vectors.HashVector;
import io.gomap4j.tck.vectors.LayoutVector;
import io.gomap4j.tck.vectors.LayoutVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoVectorsTest {

  /** A file name and a JSON string value that decode to an escape sequence and a newline. */
  private static final String RAW_NAME = "vectors\u001b[2J\n.jsonl";

  private static final String JSON_RAW = "\\u001b[2J\\n";

  @TempDir Path dir;

  private static String firstLine(String resource) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        GoVectors.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      return r.readLine();
    }
  }

  private Path write(String line) throws IOException {
    return Files.writeString(dir.resolve(RAW_NAME), line + "\n", StandardCharsets.UTF_8);
  }

  private static void assertPrintable(String text) {
    assertThat(text).doesNotContainPattern("\\p{Cntrl}").contains("\\u001b[2J\\u000a");
  }

  @Test
  @DisplayName("A vector file's name and the texts of its lines are quoted without raw control"
      + " characters: in a line's description, in the refusal of its fn and of a bad line")
  void fileTextsAreEscaped() throws IOException {
    String line = firstLine("go1.19/hash/amd64.jsonl");
    HashVector v = GoVectors.hashVectors(write(line
        .replace("\"alg\":\"memhash\"", "\"alg\":\"mem" + JSON_RAW + "\"")
        .replace("\"fn\":\"memhash\"", "\"fn\":\"no" + JSON_RAW + "\""))).get(0);
    assertThat(v.fn()).isEqualTo("no\u001b[2J\n");
    assertPrintable(v.toString());
    assertThat(v.toString()).contains("vectors\\u001b[2J\\u000a.jsonl:1: mem\\u001b[2J\\u000a no");
    // An unknown fn is refused before the hasher is used.
    assertThatThrownBy(() -> v.computeWith(null)).isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertPrintable(e.getMessage()));

    Path bad = write(line.replace("\"bits\":64", "\"bits\":\"64" + JSON_RAW + "\""));
    assertThatThrownBy(() -> GoVectors.hashVectors(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertPrintable(e.getMessage()))
        .hasMessageStartingWith(dir + "/vectors\\u001b[2J\\u000a.jsonl:1: field \"bits\" ");
  }

  @Test
  @DisplayName("A layout vector's types are quoted without raw control characters, in its"
      + " description and in the refusal of a type that cannot be expressed")
  void layoutTextsAreEscaped() throws IOException {
    String line = firstLine("go1.19/layout/bucket-layouts.jsonl");
    LayoutVector v = GoVectors.layoutVectors(write(line
        .replace("\"key\": \"bool\"", "\"key\": \"bool" + JSON_RAW + "\""))).get(0);
    assertThat(v.key()).isEqualTo("bool\u001b[2J\n");
    assertPrintable(v.toString());
    GcPlatformLayout layout = new GcPlatformLayout(
        new Platform("amd64", 8, 8, ByteOrder.LITTLE_ENDIAN)) {
      @Override
      public int spiVersion() {
        return SPI_VERSION;
      }
    };
    assertThatThrownBy(() -> LayoutVectors.mismatches(layout, v))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertPrintable(e.getMessage()))
        .hasMessageStartingWith("cannot express key type bool\\u001b[2J\\u000a of ");
  }
}
