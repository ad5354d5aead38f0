package dev.hearth.specs.program;

import dev.hearth.hardware.condition.Expression;
import dev.hearth.hardware.condition.ExpressionCompiler;
import dev.hearth.hardware.condition.Type;
import dev.hearth.hardware.condition.TypeChecker;
import dev.hearth.hardware.profile.Capability;
import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.ParamSpec;
import dev.hearth.hardware.profile.ParamSpecs;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.Setting;
import dev.hearth.hardware.source.Problems;
import dev.hearth.specs.program.BundleDocuments.ProgramDoc;
import dev.hearth.specs.program.BundleDocuments.StepDoc;
import dev.hearth.specs.program.Program.OnInterlock;
import dev.hearth.specs.program.Step.OnTimeout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks one program file against a profile and builds the {@link Program}. */
final class ProgramChecker {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,47}");

  private final Profile profile;
  private final Problems problems;
  private Map<String, ParamSpec> params = Map.of();
  private ExpressionCompiler conditions;
  private ExpressionCompiler numbers;
  private ParamCorners corners;

  ProgramChecker(Profile profile, Problems problems) {
    this.profile = profile;
    this.problems = problems;
  }

  Program check(ProgramDoc doc, String fileName) {
    if (doc.name() == null || !NAME.matcher(doc.name()).matches()) {
      problems.add("/name", "a program name is lower-case-with-dashes, e.g. cotton-40");
    } else if (!doc.name().equals(fileName)) {
      problems.add(
          "/name",
          "the program '"
              + doc.name()
              + "' must live in programs/"
              + doc.name()
              + ".yaml, not "
              + fileName
              + ".yaml");
    }
    params = ParamSpecs.compile("/params", doc.params(), problems);
    corners = new ParamCorners(params);
    Map<String, Type> paramTypes = new HashMap<>();
    params.keySet().forEach(p -> paramTypes.put(p, Type.NUMBER));
    Map<String, Type> channelTypes = new HashMap<>();
    profile.channels().forEach(c -> channelTypes.put(c.name(), c.kind().type()));
    conditions = new ExpressionCompiler(new TypeChecker(channelTypes, paramTypes), problems);
    numbers = new ExpressionCompiler(new TypeChecker(Map.of(), paramTypes), problems);

    OnInterlock onInterlock = OnInterlock.FAULT;
    if (doc.onInterlock() != null) {
      try {
        onInterlock = OnInterlock.valueOf(doc.onInterlock().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add("/onInterlock", "is fault or pause");
      }
    }
    Set<String> stepNames = new HashSet<>();
    List<Step> steps = path("/steps", doc.steps(), stepNames, "steps");
    if (doc.fault() == null || doc.fault().isEmpty()) {
      problems.add(
          doc.fault() == null ? "" : "/fault",
          "every program needs fault handling: a "
              + "'fault' list of steps that bring the appliance to rest (it also runs on stop)");
    }
    List<Step> fault = path("/fault", doc.fault(), stepNames, "fault");
    return new Program(
        doc.name(),
        doc.title() == null ? doc.name() : doc.title(),
        doc.description() == null ? "" : doc.description(),
        params,
        onInterlock,
        steps,
        fault);
  }

  private List<Step> path(String at, List<StepDoc> docs, Set<String> allNames, String what) {
    List<Step> steps = new ArrayList<>();
    if (docs == null || docs.isEmpty()) {
      if (what.equals("steps")) {
        problems.add(at.equals("/steps") && docs == null ? "" : at, "a program needs steps");
      }
      return steps;
    }
    for (int i = 0; i < docs.size(); i++) {
      step(at + "/" + i, docs.get(i), allNames).ifPresent(steps::add);
    }
    if (steps.size() == docs.size()) {
      checkFlow(at, docs, steps);
    }
    return steps;
  }

  private Optional<Step> step(String at, StepDoc s, Set<String> allNames) {
    int before = problems.list().size();
    if (s.name() == null || !NAME.matcher(s.name()).matches()) {
      problems.add(at + "/name", "every step needs a lower-case-with-dashes name");
    } else if (!allNames.add(s.name())) {
      problems.add(at + "/name", "step name '" + s.name() + "' is used twice in this program");
    }
    List<Invocation> actions = actions(at + "/do", s.actions());
    Expression until =
        conditions.compileOptional(at + "/until", s.until(), Type.BOOLEAN).orElse(null);
    if (until != null) {
      new Satisfiability(profile, params)
          .neverHolds(until)
          .ifPresent(why -> problems.add(at + "/until", "can never hold: " + why));
    }
    Expression duration = seconds(at + "/duration", s.duration());
    Expression timeout = seconds(at + "/timeout", s.timeout());
    Expression expect = seconds(at + "/expect", s.expect());
    if (s.until() == null && s.duration() == null) {
      problems.add(
          at,
          "a step ends after a duration or when a condition holds: add duration "
              + "or until + timeout");
    }
    if (s.until() != null && s.duration() != null) {
      problems.add(at + "/duration", "a step has either duration or until, not both");
    }
    if (s.until() != null && s.timeout() == null) {
      problems.add(
          at + "/until",
          "has no timeout: say how long the step may wait, e.g. "
              + "timeout: 4m, so a stuck sensor cannot hold the appliance forever");
    }
    if (s.until() == null && s.timeout() != null) {
      problems.add(at + "/timeout", "only an until step can time out; remove it");
    }
    OnTimeout onTimeout = OnTimeout.FAULT;
    if (s.onTimeout() != null) {
      if (s.until() == null) {
        problems.add(at + "/onTimeout", "only an until step can time out; remove it");
      }
      try {
        onTimeout = OnTimeout.valueOf(s.onTimeout().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(at + "/onTimeout", "is fault or continue");
      }
    }
    if (problems.list().size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Step(s.name(), actions, until, duration, timeout, expect, s.next(), onTimeout));
  }

  private Expression seconds(String at, String text) {
    Optional<Expression> e = numbers.compileOptional(at, text, Type.NUMBER);
    e.ifPresent(
        x ->
            corners
                .range(x)
                .ifPresent(
                    r -> {
                      if (!(r[0] > 0) || Double.isInfinite(r[1])) {
                        problems.add(
                            at,
                            "'"
                                + text
                                + "' must be a positive time for every parameter value, "
                                + "but reaches "
                                + r[0]
                                + " s");
                      }
                    }));
    return e.orElse(null);
  }

  private List<Invocation> actions(String at, List<String> texts) {
    List<Invocation> out = new ArrayList<>();
    if (texts == null) {
      return out;
    }
    Map<String, String> outputOwner = new LinkedHashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      String where = at + "/" + i;
      invocation(where, texts.get(i))
          .ifPresent(
              inv -> {
                for (Setting setting : inv.capability().settings()) {
                  String other = outputOwner.putIfAbsent(setting.output(), inv.capability().name());
                  if (other != null) {
                    problems.add(
                        where,
                        "'"
                            + other
                            + "' and '"
                            + inv.capability().name()
                            + "' both drive "
                            + setting.output()
                            + " in the same step; keep one");
                  }
                }
                out.add(inv);
              });
    }
    return out;
  }

  private Optional<Invocation> invocation(String at, String text) {
    InvocationSyntax.Call call = text == null ? null : InvocationSyntax.parse(text);
    if (call == null) {
      problems.add(
          at, "'" + text + "' is not a capability call; write e.g. fill or " + "tumble(rpm=40)");
      return Optional.empty();
    }
    Optional<Capability> capability = profile.capability(call.capability());
    if (capability.isEmpty()) {
      problems.add(
          at,
          "unknown capability '"
              + call.capability()
              + "'; "
              + profile.ref()
              + " offers "
              + profile.capabilities().stream().map(Capability::name).toList());
      return Optional.empty();
    }
    Capability cap = capability.get();
    Map<String, Expression> args = new LinkedHashMap<>();
    boolean ok = true;
    for (Map.Entry<String, String> a : call.args().entrySet()) {
      ParamSpec limit = cap.params().get(a.getKey());
      if (limit == null) {
        problems.add(
            at,
            cap.name()
                + " has no parameter '"
                + a.getKey()
                + "'; it takes "
                + cap.params().keySet());
        ok = false;
        continue;
      }
      Optional<Expression> value = numbers.compile(at, a.getValue(), Type.NUMBER);
      if (value.isEmpty()) {
        ok = false;
        continue;
      }
      ok &= withinLimit(at, cap, limit, a.getValue(), value.get());
      args.put(a.getKey(), value.get());
    }
    return ok ? Optional.of(new Invocation(cap, args)) : Optional.empty();
  }

  private boolean withinLimit(
      String at, Capability cap, ParamSpec limit, String text, Expression value) {
    Optional<double[]> range = corners.range(value);
    if (range.isEmpty()) {
      return true;
    }
    for (double v : range.get()) {
      String rejected = limit.reject(v);
      if (rejected != null) {
        problems.add(
            at,
            "parameter outside the profile's range: "
                + cap.name()
                + "("
                + limit.name()
                + "="
                + text
                + ") can be "
                + v
                + ", but "
                + profile.ref()
                + " allows "
                + limit.range()
                + (limit.unit().isEmpty() ? "" : " " + limit.unit())
                + (limit.integer() && v != Math.rint(v) ? " in whole numbers" : ""));
        return false;
      }
    }
    return true;
  }

  /** Every {@code next} exists; every step is reachable; the path ends. */
  private void checkFlow(String at, List<StepDoc> docs, List<Step> steps) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      index.put(steps.get(i).name(), i);
    }
    boolean ok = true;
    for (int i = 0; i < steps.size(); i++) {
      String next = steps.get(i).next();
      if (next != null && !next.equals(Step.END) && !index.containsKey(next)) {
        problems.add(
            at + "/" + i + "/next",
            "no step '" + next + "' on this path; use a step " + "name or 'end'");
        ok = false;
      }
    }
    if (!ok) {
      return;
    }
    boolean[] seen = new boolean[steps.size()];
    List<String> trail = new ArrayList<>();
    for (int i = 0; i >= 0 && i < steps.size(); ) {
      if (seen[i]) {
        trail.add(steps.get(i).name());
        problems.add(at + "/" + i, "the path never ends: " + String.join(" → ", trail));
        return;
      }
      seen[i] = true;
      trail.add(steps.get(i).name());
      String next = steps.get(i).next();
      i = next == null ? i + 1 : next.equals(Step.END) ? -1 : index.get(next);
    }
    for (int i = 0; i < steps.size(); i++) {
      if (!seen[i]) {
        problems.add(
            at + "/" + i + "/name",
            "step '" + docs.get(i).name() + "' is unreachable: no step leads to it");
      }
    }
  }

  /** The channel an expression names, for messages. */
  static Optional<Channel> channelOf(Profile profile, Expression e) {
    return e instanceof Expression.Name n ? profile.channel(n.name()) : Optional.empty();
  }
}
