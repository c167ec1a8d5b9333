package io.gomap4j.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PrintableTest {

  @Test
  @DisplayName("Control characters, format characters and line and paragraph separators are"
      + " written as \\uXXXX; letters, spaces, symbols and pairs of surrogates are kept")
  void escapesWhatCannotBeSeen() {
    assertThat(Printable.of(null)).isNull();
    String plain = "amd64 map[string]int64 \u00e9\u4e2d\u2003\u00a0\ud83d\ude00 ~";
    assertThat(Printable.of(plain)).isSameAs(plain);
    assertThat(Printable.of("a\u001b[2J\nb\u007f\u0085"))
        .isEqualTo("a\\u001b[2J\\u000ab\\u007f\\u0085");
    assertThat(Printable.of("\ufeff{\"goarch\":\"amd64\"}"))
        .isEqualTo("\\ufeff{\"goarch\":\"amd64\"}");
    // U+202E RIGHT-TO-LEFT OVERRIDE would show "memhash" reversed; U+200B ZERO WIDTH SPACE and
    // U+00AD SOFT HYPHEN hide inside a name; U+2028 and U+2029 break the line in some terminals.
    assertThat(Printable.of("\u202ehsahmem x\u200by soft\u00adhyphen a\u2028b\u2029c\u2066"))
        .isEqualTo("\\u202ehsahmem x\\u200by soft\\u00adhyphen a\\u2028b\\u2029c\\u2066");
    // U+E0001 LANGUAGE TAG, a format character outside the BMP
    assertThat(Printable.of("tag\udb40\udc01")).isEqualTo("tag\\udb40\\udc01");
  }
}
