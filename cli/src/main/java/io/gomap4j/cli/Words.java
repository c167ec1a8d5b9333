package io.gomap4j.cli;

/** Wording shared by the subcommands' output. */
final class Words {

  private Words() {}

  /** {@code n} and {@code noun}, plural unless {@code n} is 1: {@code 1 byte}, {@code 8 bytes}. */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
