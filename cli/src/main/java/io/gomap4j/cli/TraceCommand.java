package io.gomap4j.cli;

import io.gomap4j.api.internal.Printable;
import io.gomap4j.engine.PluginFailureException;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.trace.TraceFormatException;
import io.gomap4j.engine.trace.TraceReplay;
import io.gomap4j.engine.trace.UnavailableHashException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gomap4j trace --replay FILE}: replays a Go runtime growth trace and compares states. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
        "Replays a growth trace recorded from Go's runtime (a map[int64]int64, the format of Go's "
            + "traces, below, plain or gzip-compressed) and compares the map's state "
            + "(B, noverflow, growing, nevacuate, samesize) with Go's after every operation. "
            + "The header's make hint is taken as Go's makemap takes it: a negative hint, or one "
            + "whose buckets would pass the GOARCH's maxAlloc, as 0; a hint Go keeps that needs "
            + "more than 2^30 buckets is refused.",
        "Prints 'trace: N ops, N states matched' and exits 0, or prints the first divergence "
            + "(operation, Go's state, ours) and exits 1. A file that does not parse exits 2 "
            + "with FILE:LINE and what was expected there (for a bad header field, the field "
            + "and the column of its value). A trace whose layout or hash provider is not "
            + "installed also exits 2, naming the plugin and those installed, and so does one "
            + "whose hash provider or layout throws when asked for its platform, whether it "
            + "supports it, or a hasher, naming the plugin and the call.",
        "Go's vectors: " + Main.VECTORS + "trace/"
    })
final class TraceCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--replay", required = true, paramLabel = "FILE",
      description = "The trace to replay (.gz files are decompressed).")
  Path file;

  @Option(names = "--hash", paramLabel = "NAME",
      description = "The hash provider; default: the one the trace's header selects "
          + "(memhash-go119, or aeshash-go119 when \"aes\" is true).")
  String hash;

  @Option(names = "--no-invariants",
      description = "Do not check the map's structural invariants after each operation "
          + "(they are checked by default).")
  boolean noInvariants;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(file)) {
      throw new CliException(Main.USAGE, "no such trace file: " + file);
    }
    if (!Files.isRegularFile(file)) {
      throw new CliException(Main.USAGE, "not a regular file: " + file);
    }
    if (!Files.isReadable(file)) {
      throw new CliException(Main.USAGE, "cannot read trace file " + file
          + ": permission denied");
    }
    Plugins plugins = main.plugins();
    if (hash != null) {
      plugins.get(PluginKind.HASH, hash); // unknown -> IllegalArgumentException naming the valid
    }
    TraceReplay.Result r;
    try {
      r = TraceReplay.replay(file, plugins, hash, !noInvariants);
    } catch (TraceFormatException e) {
      throw new CliException(Main.USAGE, "cannot parse the trace: " + e.getMessage());
    } catch (UnavailableHashException e) {
      // The one header problem another hash provider solves: the one chosen is not installed or
      // does not support the trace's platform. Other errors keep their message alone.
      throw new CliException(Main.USAGE, e.getMessage() + (e.chosenFromHeader()
          ? " (chosen by the trace's header field \"aes\"; pick another with --hash NAME)"
          : "; pick another with --hash NAME"));
    } catch (IOException e) {
      throw new CliException(Main.USAGE, "cannot read trace file " + file + ": "
          + IoMessages.describe(e));
    } catch (PluginFailureException e) {
      // A plugin failed, not the map: as an unavailable hash, another may replay the trace.
      throw new CliException(Main.USAGE, e.getMessage() + "; pick another with --hash NAME");
    } catch (IllegalStateException e) {
      // An invariant broke (or the engine failed) during the replay: our map is wrong.
      out.println(Printable.of("trace: " + file + ": the replay failed: " + e.getMessage()));
      out.flush();
      return Main.FAILED;
    }
    out.println("trace: " + Printable.of(r.source()) + " (goarch " + r.goarch() + ", hash "
        + r.hash() + ", invariants " + (noInvariants ? "not checked" : "checked") + ")");
    out.println(r.summary());
    out.flush();
    return r.matched() ? Main.OK : Main.FAILED;
  }
}
