package io.gomap4j.cli;

import io.gomap4j.api.internal.Printable;
import java.io.EOFException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.zip.ZipException;

/**
 * What went wrong in an I/O call, in words for a message: the JDK's exceptions name their class and
 * often nothing else ({@code java.io.EOFException} for a truncated gzip file,
 * {@code java.nio.file.NoSuchFileException: /proc/x}).
 */
final class IoMessages {

  private IoMessages() {}

  /** {@code e} in words, with the JDK's own detail where it has one. */
  static String describe(Throwable e) {
    String detail = e.getMessage();
    String what;
    if (e instanceof FileSystemException f) {
      detail = f.getFile();
      if (e instanceof NoSuchFileException) {
        what = "no such file or directory";
      } else if (e instanceof AccessDeniedException) {
        what = "permission denied";
      } else if (e instanceof NotDirectoryException) {
        what = "not a directory";
      } else {
        what = f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
      }
      if (f.getOtherFile() != null) {
        detail = detail + " -> " + f.getOtherFile();
      }
    } else if (e instanceof EOFException) {
      what = "the data ends before it should: the file is truncated or damaged";
    } else if (e instanceof ZipException) {
      what = "damaged gzip data";
    } else if (e instanceof CharacterCodingException) {
      what = "the text is not UTF-8";
    } else {
      what = detail != null ? detail : e.getClass().getSimpleName();
      detail = null;
    }
    return Printable.of(detail == null || detail.isEmpty() ? what : what + " (" + detail + ")");
  }
}
