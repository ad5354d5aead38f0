package dev.hearth.specs.program;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits {@code tumble(rpm=40, ...)} into a capability name and argument texts. */
final class InvocationSyntax {

  private static final Pattern CALL =
      Pattern.compile("\\s*([a-z][a-z0-9-]*)\\s*(?:\\((.*)\\))?\\s*", Pattern.DOTALL);
  private static final Pattern ARG =
      Pattern.compile("\\s*([a-z][a-z0-9_]*)\\s*=(.*)", Pattern.DOTALL);

  private InvocationSyntax() {}

  /** A capability name with its arguments' source texts, in order. */
  record Call(String capability, Map<String, String> args) {}

  /** The call, or null when {@code text} does not have the form {@code name(arg=expr, ...)}. */
  static Call parse(String text) {
    Matcher m = CALL.matcher(text);
    if (!m.matches()) {
      return null;
    }
    Map<String, String> args = new LinkedHashMap<>();
    String inside = m.group(2);
    if (inside != null && !inside.isBlank()) {
      for (String part : splitTopLevel(inside)) {
        Matcher a = ARG.matcher(part);
        if (!a.matches() || args.putIfAbsent(a.group(1), a.group(2).strip()) != null) {
          return null;
        }
      }
    }
    return new Call(m.group(1), args);
  }

  /** Splits on commas that are not inside parentheses. */
  private static java.util.List<String> splitTopLevel(String s) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }
}
