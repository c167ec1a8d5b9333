package io.gomap4j.cli;

import io.gomap4j.engine.PluginInfo;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.internal.PluginNames;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gomap4j plugins}: every plugin found, with its class and where it was loaded from. */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
        "Lists every plugin found through java.util.ServiceLoader: hash providers, platform "
            + "layouts and growth policies, with the implementing class and where it was loaded "
            + "from: the path of its jar or directory, the URL of its code source where that is no "
            + "path, else its class loader ('the class loader NAME') or 'the JDK'.",
        "Plugins that could not be loaded are listed below the table as warnings. Two plugins of "
            + "one kind with one name, or a plugin whose name breaks the naming rule ("
            + PluginNames.ALLOWED + "), stop the command with exit 2, naming the classes: the "
            + "registry refuses to start with them."
    })
final class PluginsCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Plugins plugins = main.pluginsReportedByTheCommand();
    PrintWriter out = spec.commandLine().getOut();
    List<PluginInfo> all = plugins.all();
    if (all.isEmpty()) {
      out.println("no plugins found");
    } else {
      TextTable t = new TextTable("KIND", "NAME", "CLASS", "LOCATION");
      for (PluginInfo p : all) {
        t.row(p.kind().label(), p.name(), p.className(), p.location());
      }
      out.print(t.render());
      out.println(Words.count(all.size(), "plugin") + ": "
          + plugins.list(PluginKind.HASH).size() + " hash, "
          + plugins.list(PluginKind.LAYOUT).size() + " layout, "
          + plugins.list(PluginKind.GROWTH).size() + " growth");
    }
    for (String problem : plugins.problems()) {
      out.println("warning: " + problem);
    }
    out.flush();
    return Main.OK;
  }
}
