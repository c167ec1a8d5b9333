package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.engine.Plugins;
import io.gomap4j.tck.MapContract;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The check list in tck/README.md is the one the kits give, so the guide never goes stale. */
class TckGuideTest {

  @Test
  @DisplayName("tck/README.md lists exactly the checks `gomap4j tck --list-checks` prints")
  void guideListsTheKitsChecks() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine(new Main(Plugins::discovered, MapContract::checks, false));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    assertThat(cl.execute("tck", "--list-checks")).isZero();
    String listed = out.toString().replace("\r\n", "\n").strip();
    assertThat(listed).contains("### HashProviderVerification", "### MapContract matrix");

    Path guide = Path.of(System.getProperty("user.dir")).resolveSibling("tck").resolve("README.md");
    String text = Files.readString(guide).replace("\r\n", "\n");
    assertThat(text)
        .as("tck/README.md's check list; regenerate it with "
            + "`java -jar cli/target/gomap4j.jar tck --list-checks`")
        .contains(listed);
  }
}
