package dev.hearth.hardware.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.hardware.condition.Expression;
import dev.hearth.hardware.condition.ExpressionCompiler;
import dev.hearth.hardware.condition.Type;
import dev.hearth.hardware.condition.TypeChecker;
import dev.hearth.hardware.profile.ProfileDocument.CapabilityDoc;
import dev.hearth.hardware.source.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Compiles the {@code capabilities} of a profile and checks them against its channels. */
final class CapabilityCompiler {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,47}");

  private final Map<String, Channel> channels;
  private final Problems problems;

  CapabilityCompiler(Map<String, Channel> channels, Problems problems) {
    this.channels = channels;
    this.problems = problems;
  }

  List<Capability> compile(List<CapabilityDoc> docs) {
    List<Capability> out = new ArrayList<>();
    if (docs == null || docs.isEmpty()) {
      problems.add("/capabilities", "a profile needs at least one capability for programs to use");
      return out;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < docs.size(); i++) {
      String at = "/capabilities/" + i;
      CapabilityDoc doc = docs.get(i);
      if (doc.name() == null || !NAME.matcher(doc.name()).matches()) {
        problems.add(at + "/name", "'" + doc.name() + "' must be lower-case-with-dashes");
        continue;
      }
      if (!seen.add(doc.name())) {
        problems.add(at + "/name", "capability '" + doc.name() + "' is declared twice");
        continue;
      }
      Map<String, ParamSpec> params = ParamSpecs.compile(at + "/params", doc.params(), problems);
      List<Setting> settings = settings(at + "/sets", doc.sets(), params);
      out.add(
          new Capability(
              doc.name(), doc.description() == null ? "" : doc.description(), params, settings));
    }
    return out;
  }

  private List<Setting> settings(
      String at, Map<String, JsonNode> sets, Map<String, ParamSpec> params) {
    List<Setting> out = new ArrayList<>();
    if (sets == null || sets.isEmpty()) {
      problems.add(at, "a capability must set at least one output");
      return out;
    }
    Map<String, Type> paramTypes = new HashMap<>();
    params.keySet().forEach(p -> paramTypes.put(p, Type.NUMBER));
    ExpressionCompiler expressions =
        new ExpressionCompiler(new TypeChecker(Map.of(), paramTypes), problems);
    sets.forEach(
        (output, value) ->
            setting(at + "/" + output, output, value, params, expressions).ifPresent(out::add));
    return out;
  }

  private Optional<Setting> setting(
      String at,
      String output,
      JsonNode value,
      Map<String, ParamSpec> params,
      ExpressionCompiler expressions) {
    Channel channel = channels.get(output);
    if (channel == null || !channel.isOutput()) {
      problems.add(at, "'" + output + "' is not an output channel of this profile");
      return Optional.empty();
    }
    if (value.isObject()) {
      return duty(at, channel, value, params, expressions);
    }
    if (channel.isDigital()) {
      if (!value.isBoolean()) {
        problems.add(at, "a digital output is set to true or false, or {duty, period}");
        return Optional.empty();
      }
      return Optional.of(
          new Setting.Level(
              output, new Expression.Literal(value.booleanValue() ? 1.0 : 0.0, true)));
    }
    String text = value.isNumber() ? value.asText() : value.isTextual() ? value.textValue() : null;
    if (text == null) {
      problems.add(at, "set '" + output + "' to a number or an expression such as $rpm");
      return Optional.empty();
    }
    Optional<Expression> e = expressions.compile(at, text, Type.NUMBER);
    if (channel.range() != null) {
      e.ifPresent(expr -> withinRange(at, expr, params, channel.range(), "'" + output + "'"));
    }
    return e.map(expr -> new Setting.Level(output, expr));
  }

  private Optional<Setting> duty(
      String at,
      Channel channel,
      JsonNode value,
      Map<String, ParamSpec> params,
      ExpressionCompiler expressions) {
    if (!channel.isDigital()) {
      problems.add(at, "duty cycling is for digital outputs; set a PWM output to a level");
      return Optional.empty();
    }
    JsonNode duty = value.get("duty");
    JsonNode period = value.get("period");
    if (duty == null || period == null || value.size() != 2) {
      problems.add(at, "write a duty cycle as {duty: <percent>, period: <duration>}");
      return Optional.empty();
    }
    Optional<Expression> percent = expressions.compile(at + "/duty", duty.asText(), Type.NUMBER);
    Optional<Double> seconds =
        ExpressionCompiler.duration(period.asText(), problems, at + "/period");
    percent.ifPresent(p -> withinRange(at + "/duty", p, params, new Range(0, 100), "the duty"));
    if (percent.isEmpty() || seconds.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Setting.Duty(channel.name(), percent.get(), seconds.get()));
  }

  /**
   * Checks the value over the corners of the parameters' ranges: settings are monotone in each
   * parameter in every profile we know, so the corners bound the whole range.
   */
  private void withinRange(
      String at, Expression e, Map<String, ParamSpec> params, Range range, String what) {
    List<Map<String, Double>> corners = new ArrayList<>();
    corners.add(new HashMap<>());
    for (String p : e.params()) {
      ParamSpec spec = params.get(p);
      List<Map<String, Double>> next = new ArrayList<>();
      for (Map<String, Double> corner : corners) {
        for (double v : new double[] {spec.range().min(), spec.range().max()}) {
          Map<String, Double> c = new HashMap<>(corner);
          c.put(p, v);
          next.add(c);
        }
      }
      corners = next;
    }
    for (Map<String, Double> corner : corners) {
      double v =
          e.evaluate(
              new dev.hearth.hardware.condition.Bindings() {
                @Override
                public double channel(String name) {
                  throw new IllegalStateException("settings read no channels");
                }

                @Override
                public double param(String name) {
                  return corner.get(name);
                }
              });
      if (!range.contains(v)) {
        problems.add(
            at,
            what
                + " can reach "
                + v
                + " (parameters "
                + corner
                + "), outside its range "
                + range
                + "; narrow the parameter's min/max");
        return;
      }
    }
  }
}
