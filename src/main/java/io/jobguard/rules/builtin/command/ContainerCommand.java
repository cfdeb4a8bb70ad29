package io.jobguard.rules.builtin.command;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.jobguard.model.ContainerView;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text a container runs: its command line ({@code command} then {@code args}, joined as the
 * kernel's argv would be) and each literal environment value, every piece tied to its exact field.
 * Built for every container of every object the operator sees, and nearly always without a match:
 * the pieces stay plain strings, and the objects that name a field are made only for a match.
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

  private final ContainerView view;
  private final String[] argv;
  private final int commandCount;
  private final int[] starts;
  private final int[] envIndexes;

  /**
   * Text 0 is the command line, text {@code k > 0} the k-th literal environment value. The command
   * line is joined only when something must read it: its remembered verdicts are found by its argv.
   */
  private final String[] texts;

  private ShellText[] shellTexts;
  private RememberedVerdicts.Verdicts[] builtinVerdicts;

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

  private ContainerCommand(ContainerView view, List<String> command, List<String> args) {
    this.view = view;
    this.commandCount = command == null ? 0 : command.size();
    this.argv = new String[commandCount + (args == null ? 0 : args.size())];
    copyCapped(command, argv, 0);
    copyCapped(args, argv, commandCount);
    this.starts = new int[argv.length];
    List<EnvVar> vars = view.container().getEnv();
    int envSize = vars == null ? 0 : vars.size();
    int[] indexes = new int[envSize];
    String[] all = new String[1 + envSize];
    int count = 0;
    for (int i = 0; i < envSize; i++) {
      EnvVar var = vars.get(i);
      if (var != null && var.getValue() != null && !var.getValue().isBlank()) {
        indexes[count] = i;
        all[1 + count] = capped(var.getValue());
        count++;
      }
    }
    this.envIndexes = indexes;
    this.texts = count == envSize ? all : Arrays.copyOf(all, 1 + count);
  }

  public static ContainerCommand of(ContainerView view) {
    Container c = view.container();
    return new ContainerCommand(view, c.getCommand(), c.getArgs());
  }

  /** The first element, in field order, where the matcher hits. */
  public Optional<Match> find(CommandMatcher matcher) {
    for (int k = 0; k < texts.length; k++) {
      Optional<CommandMatcher.Hit> hit = matcher.find(shellText(k));
      if (hit.isPresent()) {
        return Optional.of(match(k, hit.get()));
      }
    }
    return Optional.empty();
  }

  /**
   * The first element, in field order, where built-in pattern {@code pattern} (its position in
   * {@link CommandPatterns#builtin()}) hits, or where {@code also} hits; within one text the
   * earlier hit counts, the built-in one on a tie.
   */
  Optional<Match> findBuiltin(int pattern, Optional<CommandMatcher> also) {
    for (int k = 0; k < texts.length; k++) {
      CommandMatcher.Hit hit = builtinVerdicts(k).hit(pattern);
      if (also.isPresent()) {
        CommandMatcher.Hit other = also.get().find(shellText(k)).orElse(null);
        if (other != null && (hit == null || other.start() < hit.start())) {
          hit = other;
        }
      }
      if (hit != null) {
        return Optional.of(match(k, hit));
      }
    }
    return Optional.empty();
  }

  private RememberedVerdicts.Verdicts builtinVerdicts(int k) {
    if (builtinVerdicts == null) {
      builtinVerdicts = new RememberedVerdicts.Verdicts[texts.length];
    }
    if (builtinVerdicts[k] == null) {
      builtinVerdicts[k] =
          k > 0
              ? CommandPatterns.builtinVerdicts(texts[k])
              : CommandPatterns.builtinVerdicts(
                  new Argv(argv), commandLineLength(), this::commandLine);
    }
    return builtinVerdicts[k];
  }

  /** True when some built-in pattern hits some text. */
  boolean anyBuiltinHit() {
    for (int k = 0; k < texts.length; k++) {
      if (builtinVerdicts(k).any()) {
        return true;
      }
    }
    return false;
  }

  private String text(int k) {
    return k > 0 ? texts[k] : commandLine();
  }

  private String commandLine() {
    if (texts[0] == null) {
      texts[0] = joinedCommandLine();
    }
    return texts[0];
  }

  /** The length of the joined command line, before it is capped. */
  private int commandLineLength() {
    int length = Math.max(0, argv.length - 1);
    for (String arg : argv) {
      length += arg.length();
    }
    return length;
  }

  private ShellText shellText(int k) {
    if (shellTexts == null) {
      shellTexts = new ShellText[texts.length];
    }
    if (shellTexts[k] == null) {
      shellTexts[k] = ShellText.of(text(k));
    }
    return shellTexts[k];
  }

  private Match match(int k, CommandMatcher.Hit hit) {
    if (k > 0) {
      Element env = new Element(view, "env", envIndexes[k - 1], texts[k]);
      return new Match(env, excerpt(texts[k], hit));
    }
    int i = elementAt(hit);
    Element element =
        i < commandCount
            ? new Element(view, "command", i, argv[i])
            : new Element(view, "args", i - commandCount, argv[i]);
    return new Match(element, excerpt(commandLine(), hit));
  }

  private String joinedCommandLine() {
    if (argv.length == 1) {
      return argv[0];
    }
    StringBuilder line = new StringBuilder(commandLineLength());
    for (int i = 0; i < argv.length; i++) {
      if (i > 0) {
        line.append(startsScript(i) ? '\n' : ' ');
      }
      starts[i] = line.length();
      line.append(argv[i]);
    }
    return capped(line.toString());
  }

  /**
   * The script after {@code sh -c} starts a new statement: joined with a blank it would read as an
   * argument of the shell and hide commands that must stand first ({@code at}, {@code cp}).
   */
  private boolean startsScript(int index) {
    if (!isScriptFlag(argv[index - 1])) {
      return false;
    }
    for (int i = 0; i < index - 1; i++) {
      if (SHELL_NAME.matcher(argv[i]).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A short-option cluster with {@code c} among its first six letters and at most five letters
   * after it ({@code -c}, {@code -ec}, {@code -xec}), i.e. {@code -[a-zA-Z]{0,5}c[a-zA-Z]{0,5}}:
   * checked by hand because nearly every argument is tested and most fail at the first character.
   */
  static boolean isScriptFlag(String flag) {
    if (flag.length() < 2 || flag.length() > 12 || flag.charAt(0) != '-') {
      return false;
    }
    for (int i = 1; i < flag.length(); i++) {
      char c = flag.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    for (int i = 1; i <= 6 && i < flag.length(); i++) {
      if (flag.charAt(i) == 'c' && flag.length() - 1 - i <= 5) {
        return true;
      }
    }
    return false;
  }

  /** The element where the hit's first visible character lies. */
  private int elementAt(CommandMatcher.Hit hit) {
    int offset = firstVisible(commandLine(), hit);
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

  private static void copyCapped(List<String> values, String[] into, int from) {
    if (values == null) {
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      into[from + i] = value == null ? "" : capped(value);
    }
  }

  private static String capped(String value) {
    return value.length() <= MAX_ELEMENT_CHARS ? value : value.substring(0, MAX_ELEMENT_CHARS);
  }

  /** A command line by its argv, the key its remembered verdicts are found by. */
  private record Argv(String[] texts) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Argv argv && Arrays.equals(texts, argv.texts);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(texts);
    }

    @Override
    public String toString() {
      return String.join(" ", texts);
    }
  }
}
