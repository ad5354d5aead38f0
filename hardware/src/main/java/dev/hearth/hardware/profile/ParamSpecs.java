package dev.hearth.hardware.profile;

import dev.hearth.hardware.source.Problems;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Compiles authored parameters into {@link ParamSpec}s, reporting problems where they stand. */
public final class ParamSpecs {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,47}");

  private ParamSpecs() {}

  /** Every valid parameter of {@code docs} (at {@code at}), in authored order. */
  public static Map<String, ParamSpec> compile(
      String at, Map<String, ParamDocument> docs, Problems problems) {
    Map<String, ParamSpec> out = new LinkedHashMap<>();
    if (docs == null) {
      return out;
    }
    docs.forEach(
        (name, doc) ->
            compile(at + "/" + name, name, doc, problems).ifPresent(spec -> out.put(name, spec)));
    return out;
  }

  /** One parameter, or empty with the problem recorded. */
  public static Optional<ParamSpec> compile(
      String at, String name, ParamDocument p, Problems problems) {
    if (!NAME.matcher(name).matches()) {
      problems.add(at, "parameter name '" + name + "' must be lower_snake_case");
      return Optional.empty();
    }
    if (p == null || p.min() == null || p.max() == null) {
      problems.add(at, "a parameter needs min and max");
      return Optional.empty();
    }
    if (!(p.min() < p.max())) {
      problems.add(at + "/max", "max must be above min");
      return Optional.empty();
    }
    double def = p.defaultValue() == null ? p.min() : p.defaultValue();
    ParamSpec spec =
        new ParamSpec(
            name,
            new Range(p.min(), p.max()),
            def,
            p.unit() == null ? "" : p.unit(),
            Boolean.TRUE.equals(p.integer()));
    String rejected = spec.reject(def);
    if (rejected != null) {
      problems.add(at + "/default", rejected);
      return Optional.empty();
    }
    return Optional.of(spec);
  }
}
