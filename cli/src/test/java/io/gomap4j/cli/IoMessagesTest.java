package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.zip.ZipException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IoMessagesTest {

  @Test
  @DisplayName("I/O failures are told in words with the JDK's detail, without its class names")
  void describe() {
    assertThat(IoMessages.describe(new NoSuchFileException("/proc/x")))
        .isEqualTo("no such file or directory (/proc/x)");
    assertThat(IoMessages.describe(new AccessDeniedException("/root/r")))
        .isEqualTo("permission denied (/root/r)");
    assertThat(IoMessages.describe(new FileSystemException("/a", "/b", "Read-only file system")))
        .isEqualTo("Read-only file system (/a -> /b)");
    assertThat(IoMessages.describe(new EOFException("Unexpected end of ZLIB input stream")))
        .isEqualTo("the data ends before it should: the file is truncated or damaged"
            + " (Unexpected end of ZLIB input stream)");
    assertThat(IoMessages.describe(new EOFException()))
        .isEqualTo("the data ends before it should: the file is truncated or damaged");
    assertThat(IoMessages.describe(new ZipException("invalid block type")))
        .isEqualTo("damaged gzip data (invalid block type)");
    assertThat(IoMessages.describe(new MalformedInputException(1)))
        .isEqualTo("the text is not UTF-8 (Input length = 1)");
    assertThat(IoMessages.describe(new IOException("disk on fire"))).isEqualTo("disk on fire");
    assertThat(IoMessages.describe(new IOException())).isEqualTo("IOException");
    assertThat(IoMessages.describe(new NoSuchFileException("a\u001b[2J")))
        .isEqualTo("no such file or directory (a\\u001b[2J)");
  }
}
