package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.api.internal.Printable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plugin name rule accepts every bundled name and names the first character it refuses. */
class PluginNamesTest {

  @Test
  void bundledNamesAndTheExamplesFollowTheRule() {
    for (String name : List.of("memhash-go119", "aeshash-go119", "386", "amd64", "mips64le",
        "go119", "go119-shrink", "wordmix-v1", "Hash_2.1")) {
      assertThat(PluginNames.problem(name)).as(name).isEmpty();
    }
  }

  @ParameterizedTest(name = "''{0}'' has {1} at index {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "wordmix v1|a space|7",
      "a,b|a comma|1",
      "hash/v2|a slash|4",
      "-fast|'-' first|0",
      ".hidden|'.' first|0",
      "naïve|'ï'|2",
      "x$y|'$'|1",
      "hash😀|'😀'|4",
      "tab\there|character U+0009|3"})
  void aNameOutsideTheRuleIsRefusedNamingTheCharacterAndTheRule(String name, String what,
      int index) {
    String n = name.replace("\\t", "\t");
    assertThat(PluginNames.problem(n)).hasValueSatisfying(p -> assertThat(p)
        .contains("has " + what + " at index " + index)
        .contains(PluginNames.ALLOWED));
  }

  @Test
  void aNameWithControlCharactersIsQuotedWithThemEscapedSoThatTheMessageStaysOneLine() {
    String name = "mix\nv1\u001b[2J\u007f";
    assertThat(PluginNames.problem(name)).hasValueSatisfying(p -> assertThat(p)
        .startsWith("the name 'mix\\u000av1\\u001b[2J\\u007f' has character U+000A at index 3;")
        .doesNotContain("\n", "\u001b", "\u007f"));
    assertThat(Printable.of(name)).isEqualTo("mix\\u000av1\\u001b[2J\\u007f");
    assertThat(Printable.of("tab\there\r")).isEqualTo("tab\\u0009here\\u000d");
    assertThat(Printable.of("naïve mix,v1/2")).isEqualTo("naïve mix,v1/2");
  }

  @Test
  void aNameIsShownAsItIsWhenItFollowsTheRuleAndQuotedWhenItDoesNot() {
    assertThat(PluginNames.shown("memhash-go119")).isEqualTo("memhash-go119");
    assertThat(PluginNames.shown("")).isEqualTo("''");
    assertThat(PluginNames.shown(" ")).isEqualTo("' '");
    assertThat(PluginNames.shown("mix v1,fast/2")).isEqualTo("'mix v1,fast/2'");
    assertThat(PluginNames.shown("mix\nv1")).isEqualTo("'mix\\u000av1'");
    assertThat(PluginNames.shown(null)).isEqualTo("null");
  }

  @Test
  void anEmptyOrNullNameIsRefused() {
    assertThat(PluginNames.problem("")).hasValueSatisfying(p -> assertThat(p)
        .contains("the name is empty"));
    assertThat(PluginNames.problem(null)).hasValueSatisfying(p -> assertThat(p)
        .contains("the name is null"));
  }
}
