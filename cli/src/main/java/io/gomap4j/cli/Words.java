package io.gomap4j.cli;

/** Wording shared by the subcommands' output. */
final class Words {

  private Words() {}

  /** {@code n} and {@code noun}, plural unless {@code n} is 1: {@code 1 byte}, {@code 8 bytes}. */
  static String count(long n, String noun) {
    return count(n, noun, noun + "s");
  }

  /** {@code n} and {@code singular} if {@code n} is 1, else {@code plural}: {@code 2 entries}. */
  static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
