package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test resources read line by line: the JSON-lines outputs of the Go probes. */
final class TestResources {

  private TestResources() {}

  /**
   * Every line of the class-path resource {@code name}, each matched by {@code line}; fails the
   * test if the resource is missing or a line does not match.
   */
  static List<Matcher> matchedLines(String name, Pattern line) throws IOException {
    List<Matcher> out = new ArrayList<>();
    try (InputStream in = TestResources.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        Matcher m = line.matcher(l);
        assertThat(m.matches()).as("%s: line %s", name, l).isTrue();
        out.add(m);
      }
    }
    return out;
  }
}
