package io.gomap4j.cli;

import io.gomap4j.api.GoType;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.spi.StructLayout;
import io.gomap4j.tck.vectors.GoVectors;
import io.gomap4j.tck.vectors.LayoutVector;
import io.gomap4j.tck.vectors.LayoutVectors;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gomap4j layout}: prints the bucket layout of one map type, or checks a file of Go's
 * bucket-layout vectors.
 */
@Command(
    name = "layout",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
        "Prints the bucket of map[KEY]ELEM as Go 1.19's compiler lays it out on a GOARCH, or "
            + "checks Go's bucket-layout vectors.",
        "With --goarch, --key and --elem: prints the bucket's fields (tophash, keys, elems, "
            + "overflow and any padding) with their Go types, offsets and sizes, then the bucket "
            + "size and alignment, whether keys and elems are stored indirectly, and the size of "
            + "the map header hmap. --json prints the same as one JSON object.",
        "With --vectors FILE: checks every line of FILE (the format of Go's "
            + "bucket-layouts.jsonl, below) with the layout plugin its \"goarch\" "
            + "names, prints the first failures and 'layout vectors: N passed, N failed', and "
            + "exits 0 if none failed, 1 otherwise. A file that cannot be read or parsed exits 2.",
        "Go's vectors: " + Main.VECTORS + "layout/"
    })
final class LayoutCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--goarch", paramLabel = "GOARCH",
      description = "The layout plugin (a GOARCH, such as amd64 or 386).")
  String goarch;

  @Option(names = "--key", paramLabel = "TYPE",
      description = "The key type in Go syntax, such as int64, string or [4]byte.")
  String key;

  @Option(names = "--elem", paramLabel = "TYPE", description = "The elem type in Go syntax.")
  String elem;

  @Option(names = "--json", description = "Print the layout as one JSON object.")
  boolean json;

  @Option(names = "--vectors", paramLabel = "FILE",
      description = "A file of bucket-layout vectors (JSON lines) to check.")
  Path vectors;

  @Option(names = "--max-failures", paramLabel = "N", defaultValue = "10",
      description = "With --vectors: how many failures to print (default: ${DEFAULT-VALUE}).")
  int maxFailures;

  @Override
  public Integer call() {
    List<String> oneShot = new ArrayList<>();
    addIfSet(oneShot, "--goarch", goarch);
    addIfSet(oneShot, "--key", key);
    addIfSet(oneShot, "--elem", elem);
    if (json) {
      oneShot.add("--json");
    }
    if (vectors != null) {
      if (!oneShot.isEmpty()) {
        throw usage("--vectors checks a file; it cannot be combined with "
            + String.join(", ", oneShot) + ", which describe a single map type");
      }
      if (maxFailures < 0) {
        throw usage("--max-failures must be 0 or more, got " + maxFailures);
      }
      return checkVectors();
    }
    if (spec.commandLine().getParseResult().hasMatchedOption("--max-failures")) {
      throw usage("--max-failures applies to --vectors only");
    }
    List<String> absent = new ArrayList<>();
    addIfSet(absent, "--goarch", goarch == null ? "" : null);
    addIfSet(absent, "--key", key == null ? "" : null);
    addIfSet(absent, "--elem", elem == null ? "" : null);
    if (!absent.isEmpty()) {
      throw usage("give --goarch, --key and --elem to print a bucket layout (missing: "
          + String.join(", ", absent) + "), or --vectors FILE to check a vector file");
    }
    return describe();
  }

  private static void addIfSet(List<String> names, String name, String value) {
    if (value != null) {
      names.add(name);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  // ---- one map type ----

  private int describe() {
    Plugins plugins = main.plugins();
    if (!plugins.contains(PluginKind.LAYOUT, goarch)) {
      throw usage("--goarch: no layout '" + goarch + "'; available layouts: "
          + String.join(", ", plugins.names(PluginKind.LAYOUT)));
    }
    PlatformLayout layout = plugins.layout(goarch);
    GoType k = parseType("--key", key);
    GoType e = parseType("--elem", elem);
    String mapType = "map[" + k.goSyntax() + "]" + e.goSyntax();
    if (!k.isComparable()) {
      throw new CliException(Main.USAGE, GcPlatformLayout.invalidKeyType(k, e));
    }
    BucketLayout b;
    StructLayout hmap;
    try {
      b = layout.bucketLayout(k, e);
      hmap = layout.hmapLayout();
    } catch (IllegalArgumentException ex) {
      throw refused(goarch, mapType, ex);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? json(b, hmap) + System.lineSeparator() : text(mapType, b, hmap));
    out.flush();
    return Main.OK;
  }

  /**
   * A layout's refusal of a map type with a comparable key, which {@code layout} and
   * {@code simulate} exit 2 with: {@code layout 'GOARCH' refuses map[K]V: <its reason>}. The reason
   * is the layout's own; a bundled layout's says where Go's compiler draws the line, a third-party
   * layout's need not be Go's.
   */
  static CliException refused(String layout, String mapType, IllegalArgumentException e) {
    return new CliException(Main.USAGE,
        "layout '" + layout + "' refuses " + mapType + ": " + e.getMessage());
  }

  private GoType parseType(String option, String text) {
    try {
      return GoType.parse(text);
    } catch (IllegalArgumentException ex) {
      throw usage(option + ": " + ex.getMessage());
    }
  }

  private String text(String mapType, BucketLayout b, StructLayout hmap) {
    String nl = System.lineSeparator();
    TextTable t = new TextTable("field", "Go type", "offset", "size");
    for (StructLayout.Field f : b.fields()) {
      t.row(f.name(), f.goType(), Long.toString(f.offset()), Long.toString(f.size()));
    }
    return "bucket of " + mapType + " on " + goarch + ":" + nl
        + t.render()
        + nl
        + "bucket size " + b.bucketSize() + ", alignment " + b.bucketAlign() + nl
        + "key slot " + Words.count(b.keySlotSize(), "byte") + " (indirect key: "
        + b.indirectKey() + "), elem slot " + Words.count(b.elemSlotSize(), "byte")
        + " (indirect elem: " + b.indirectElem() + ")" + nl
        + "map header (hmap) " + Words.count(hmap.size(), "byte") + ", alignment " + hmap.align()
        + nl;
  }

  private String json(BucketLayout b, StructLayout hmap) {
    StringBuilder s = new StringBuilder("{");
    s.append("\"goarch\":").append(quote(goarch));
    s.append(",\"key\":").append(quote(b.key().goSyntax()));
    s.append(",\"elem\":").append(quote(b.elem().goSyntax()));
    s.append(",\"fields\":[");
    List<StructLayout.Field> fields = b.fields();
    for (int i = 0; i < fields.size(); i++) {
      StructLayout.Field f = fields.get(i);
      s.append(i == 0 ? "" : ",")
          .append("{\"name\":").append(quote(f.name()))
          .append(",\"type\":").append(quote(f.goType()))
          .append(",\"offset\":").append(f.offset())
          .append(",\"size\":").append(f.size())
          .append(",\"padding\":").append(f.padding())
          .append('}');
    }
    s.append("]");
    s.append(",\"keysize\":").append(b.keySlotSize());
    s.append(",\"elemsize\":").append(b.elemSlotSize());
    s.append(",\"bucketsize\":").append(b.bucketSize());
    s.append(",\"bucketalign\":").append(b.bucketAlign());
    s.append(",\"indirectkey\":").append(b.indirectKey());
    s.append(",\"indirectelem\":").append(b.indirectElem());
    s.append(",\"hmapsize\":").append(hmap.size());
    s.append(",\"hmapalign\":").append(hmap.align());
    s.append('}');
    return s.toString();
  }

  /** A JSON string literal. */
  static String quote(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20) {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }

  // ---- --vectors ----

  private int checkVectors() {
    List<LayoutVector> lines = VectorFiles.read(vectors, "layout", GoVectors::layoutVectors);
    Plugins plugins = main.plugins();
    Set<String> missing = new TreeSet<>();
    return VectorFiles.check(spec.commandLine().getOut(), "layout", lines, v -> {
      List<String> failures = check(v, plugins, missing);
      return failures.isEmpty() ? null : v + ": " + String.join("; ", failures);
    }, maxFailures, () -> missing.isEmpty() ? null : "not installed: layout "
        + String.join(", ", missing) + " (installed layouts: "
        + String.join(", ", plugins.names(PluginKind.LAYOUT)) + ")");
  }

  /** The line's differences from the layout plugin it names; empty if it passes. */
  private static List<String> check(LayoutVector v, Plugins plugins, Set<String> missing) {
    if (!plugins.contains(PluginKind.LAYOUT, v.goarch())) {
      missing.add(v.goarch());
      return List.of("not checked: no layout plugin for goarch '" + v.goarch() + "' is installed");
    }
    try {
      return LayoutVectors.mismatches(plugins.layout(v.goarch()), v);
    } catch (IllegalArgumentException e) {
      return List.of("not checked: " + e.getMessage());
    }
  }
}
