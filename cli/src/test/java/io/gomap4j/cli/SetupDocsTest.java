package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The set-up instructions ask for the Maven the build's enforcer rule requires. */
class SetupDocsTest {

  /** The repository root; the tests run in cli/. */
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  @Test
  @DisplayName("The README and the example's README name the Maven version the enforcer requires")
  void mavenVersionMatchesTheEnforcer() throws IOException {
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    Matcher m = Pattern.compile(
        "<requireMavenVersion>\\s*<version>\\[([0-9.]+),\\)</version>").matcher(pom);
    assertThat(m.find()).as("requireMavenVersion [X,) in the parent POM").isTrue();
    String version = m.group(1);
    for (String doc : new String[] {"README.md", "examples/custom-hash-provider/README.md"}) {
      String text = Files.readString(ROOT.resolve(doc));
      assertThat(text).as(doc).contains("Maven " + version + "+");
      assertThat(Pattern.compile("Maven (?!" + Pattern.quote(version) + "\\+)[0-9.]+\\+")
          .matcher(text).find()).as("%s names another Maven version", doc).isFalse();
    }
    assertThat(Files.readString(ROOT.resolve("gomap4j"))).contains("Maven " + version);
  }
}
