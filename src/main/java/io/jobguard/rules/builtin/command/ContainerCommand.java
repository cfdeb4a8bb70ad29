package io.jobguard.rules.builtin.command;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.jobguard.model.ContainerView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text a container runs: its command line ({@code command} then {@code args}, joined as the
 * kernel's argv would be) and each literal environment value, every piece tied to its exact field.
 */
public final class ContainerCommand {
  /**
   * Each element is analysed up to 64 KiB. The operator evaluates every Pod it sees, so the work
   * per Pod must stay bounded even for hostile input; a real entry-point script is far shorter, and
   * the API server already caps a whole object at about 1.5 MiB.
   */
  static final int MAX_ELEMENT_CHARS = 64 * 1024;

  private static final Pattern SHELL_NAME =
      Pattern.compile("(?:.*/)?(?:busybox|(?:ba|da|z|k|a|mk)?sh)");
  private static final Pattern SCRIPT_FLAG = Pattern.compile("-[a-zA-Z]{0,5}c[a-zA-Z]{0,5}");

  private final List<Element> argv;
  private final ShellText commandLine;
  private final int[] starts;
  private final List<Element> env;
  private final List<ShellText> envTexts;

  /**
   * One command, argument or environment value: entry {@code index} of the container's {@code list}
   * ("command", "args" or "env"). Its field path is built only for the few that match.
   */
  public record Element(ContainerView view, String list, int index, String text) {
    public String field() {
      return view.field(list + "[" + index + "]" + (list.equals("env") ? ".value" : ""));
    }
  }

  /** Where a pattern shows: the element and the line of it that shows the pattern. */
  public record Match(Element element, String matched) {}

  private ContainerCommand(List<Element> argv, List<Element> env) {
    this.argv = argv;
    this.env = env;
    this.envTexts = env.stream().map(e -> ShellText.of(e.text())).toList();
    this.starts = new int[argv.size()];
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < argv.size(); i++) {
      if (i > 0) {
        line.append(startsScript(i) ? '\n' : ' ');
      }
      starts[i] = line.length();
      line.append(argv.get(i).text());
    }
    this.commandLine = ShellText.of(capped(line.toString()));
  }

  public static ContainerCommand of(ContainerView view) {
    Container c = view.container();
    List<Element> argv = new ArrayList<>();
    addAll(argv, view, "command", c.getCommand());
    addAll(argv, view, "args", c.getArgs());
    List<Element> env = new ArrayList<>();
    List<EnvVar> vars = c.getEnv() == null ? List.of() : c.getEnv();
    for (int i = 0; i < vars.size(); i++) {
      EnvVar var = vars.get(i);
      if (var != null && var.getValue() != null && !var.getValue().isBlank()) {
        env.add(new Element(view, "env", i, capped(var.getValue())));
      }
    }
    return new ContainerCommand(argv, env);
  }

  /** The first element, in field order, where the matcher hits. */
  public Optional<Match> find(CommandMatcher matcher) {
    Optional<Match> inCommandLine =
        matcher
            .find(commandLine)
            .map(hit -> new Match(argv.get(elementAt(hit)), excerpt(commandLine.text(), hit)));
    if (inCommandLine.isPresent()) {
      return inCommandLine;
    }
    for (int i = 0; i < env.size(); i++) {
      Optional<CommandMatcher.Hit> hit = matcher.find(envTexts.get(i));
      if (hit.isPresent()) {
        return Optional.of(new Match(env.get(i), excerpt(env.get(i).text(), hit.get())));
      }
    }
    return Optional.empty();
  }

  /**
   * The script after {@code sh -c} starts a new statement: joined with a blank it would read as an
   * argument of the shell and hide commands that must stand first ({@code at}, {@code cp}).
   */
  private boolean startsScript(int index) {
    String flag = argv.get(index - 1).text();
    // The cheap half of SCRIPT_FLAG first: most arguments are not a short option at all.
    if (flag.length() < 2 || flag.length() > 12 || flag.charAt(0) != '-') {
      return false;
    }
    if (!SCRIPT_FLAG.matcher(flag).matches()) {
      return false;
    }
    for (int i = 0; i < index - 1; i++) {
      if (SHELL_NAME.matcher(argv.get(i).text()).matches()) {
        return true;
      }
    }
    return false;
  }

  /** The element where the hit's first visible character lies. */
  private int elementAt(CommandMatcher.Hit hit) {
    int offset = firstVisible(commandLine.text(), hit);
    int index = 0;
    while (index + 1 < starts.length && starts[index + 1] <= offset) {
      index++;
    }
    return index;
  }

  /**
   * The line of the script that shows the hit, so a finding reads as the command people would
   * recognise rather than a fragment of it; at most 80 characters before the hit and 160 after.
   */
  private static String excerpt(String text, CommandMatcher.Hit hit) {
    int at = firstVisible(text, hit);
    int start = Math.max(text.lastIndexOf('\n', at) + 1, at - 80);
    int newline = text.indexOf('\n', at);
    int end = Math.min(newline < 0 ? text.length() : newline, at + 160);
    return text.substring(start, Math.max(end, Math.min(hit.end(), start + 240))).strip();
  }

  /** Where the hit's first visible character lies (a hit may start at a blank or separator). */
  private static int firstVisible(String text, CommandMatcher.Hit hit) {
    int offset = hit.start();
    while (offset + 1 < hit.end() && Character.isWhitespace(text.charAt(offset))) {
      offset++;
    }
    return offset;
  }

  private static void addAll(
      List<Element> out, ContainerView view, String field, List<String> values) {
    if (values == null) {
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i) == null ? "" : values.get(i);
      out.add(new Element(view, field, i, capped(value)));
    }
  }

  private static String capped(String value) {
    return value.length() <= MAX_ELEMENT_CHARS ? value : value.substring(0, MAX_ELEMENT_CHARS);
  }
}
