package io.gomap4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Go vectors the TCK ships are Go's outputs as recorded, byte for byte: every file of
 * {@code io/gomap4j/tck/vectors/go1.19} has the SHA-256 that {@code go1.19.sha256} (test resources,
 * taken with {@code sha256sum} from the shared vectors) gives it, and no file is missing or extra.
 * A vector edited to fit the code, or truncated, fails here, and not only when one of its lines is
 * read.
 */
class VectorCopiesTest {

  private static final String ROOT = "io/gomap4j/tck/vectors/";

  /** The manifest: relative path to hex SHA-256. */
  private static Map<String, String> manifest() throws IOException {
    Map<String, String> sums = new TreeMap<>();
    try (InputStream in = VectorCopiesTest.class.getResourceAsStream("/go1.19.sha256")) {
      assertThat(in).as("go1.19.sha256 on the test class path").isNotNull();
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (!line.isBlank()) {
          sums.put(line.substring(66), line.substring(0, 64));
        }
      }
    }
    return sums;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Relative path to SHA-256 of every file under {@code dir}. */
  private static Map<String, String> sumsUnder(Path dir) throws IOException {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir.resolve("go1.19"))) {
      files.filter(Files::isRegularFile).forEach(f -> {
        try {
          sums.put(dir.relativize(f).toString().replace('\\', '/'), sha256(Files.readAllBytes(f)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return sums;
  }

  @Test
  @DisplayName("every shipped vector file has its recorded SHA-256")
  void shippedCopiesMatchTheManifest() throws IOException {
    Map<String, String> manifest = manifest();
    assertThat(manifest).containsKeys(
        "go1.19/hash/amd64.jsonl", "go1.19/hash/386.jsonl", "go1.19/hash/s390x.jsonl",
        "go1.19/hash/mips.jsonl", "go1.19/layout/bucket-layouts.jsonl",
        "go1.19/trace/shared-amd64-aestrue.txt", "go1.19/trace/shared-386-aestrue.txt");
    for (Map.Entry<String, String> e : manifest.entrySet()) {
      try (InputStream in = VectorCopiesTest.class.getResourceAsStream("/" + ROOT + e.getKey())) {
        assertThat(in).as(e.getKey()).isNotNull();
        assertThat(sha256(in.readAllBytes())).as(e.getKey()).isEqualTo(e.getValue());
      }
    }
  }

  @Test
  @DisplayName("the source tree holds exactly the files of the manifest")
  void noFileMissingOrExtra() throws IOException {
    Path dir = Path.of("src/main/resources", ROOT);
    assumeTrue(Files.isDirectory(dir), "run from the tck module's directory");
    assertThat(sumsUnder(dir)).isEqualTo(manifest());
  }

  @Test
  @DisplayName("the shared vectors beside the project, where present, are the ones copied")
  void sharedVectorsMatchWhenPresent() throws IOException {
    Path shared = Path.of("../../shared/vectors");
    assumeTrue(Files.isDirectory(shared.resolve("go1.19")),
        "../shared/vectors is not beside this checkout");
    assertThat(sumsUnder(shared)).isEqualTo(manifest());
  }
}
