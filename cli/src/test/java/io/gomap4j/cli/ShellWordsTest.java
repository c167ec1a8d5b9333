package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

  @Test
  void plainWordsStayAsTheyAre() {
    assertThat(ShellWords.quote("/tmp/junit1/plugin-1.0.jar")).isEqualTo("/tmp/junit1/plugin-1.0.jar");
    assertThat(ShellWords.quote("--capability")).isEqualTo("--capability");
    assertThat(ShellWords.quote("A,B=c:d@e%f+g_h")).isEqualTo("A,B=c:d@e%f+g_h");
  }

  @Test
  void otherWordsAreSingleQuotedWithTheirQuotesWrittenOut() {
    assertThat(ShellWords.quote("")).isEqualTo("''");
    assertThat(ShellWords.quote("my plugins/a.jar")).isEqualTo("'my plugins/a.jar'");
    assertThat(ShellWords.quote("it's")).isEqualTo("'it'\\''s'");
    assertThat(ShellWords.quote("$HOME")).isEqualTo("'$HOME'");
    assertThat(ShellWords.quote("a*b")).isEqualTo("'a*b'");
    assertThat(ShellWords.quote("~/x")).isEqualTo("'~/x'");
    assertThat(ShellWords.quote("é.jar")).isEqualTo("'é.jar'");
  }

  @Test
  void aCommandJoinsItsQuotedWords() {
    assertThat(ShellWords.command(List.of("gomap4j", "tck", "--plugin-jar", "a b.jar")))
        .isEqualTo("gomap4j tck --plugin-jar 'a b.jar'");
  }

  @Test
  void aCommandWithAControlCharacterIsWrittenForPeopleWithoutIt() {
    assertThat(ShellWords.command(List.of("gomap4j", "--plugin-jar", "a\u001b[2J\nb c.jar")))
        .isEqualTo("gomap4j --plugin-jar a\\u001b[2J\\u000ab c.jar");
  }
}
