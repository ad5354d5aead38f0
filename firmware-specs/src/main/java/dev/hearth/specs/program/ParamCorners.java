package dev.hearth.specs.program;

import dev.hearth.hardware.condition.Bindings;
import dev.hearth.hardware.condition.Expression;
import dev.hearth.hardware.profile.ParamSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The range an expression over program parameters can take, found at the corners of the parameters'
 * ranges. Exact for the expressions programs write (sums and products of parameters and constants
 * are monotone in each parameter over positive ranges).
 */
final class ParamCorners {

  private final Map<String, ParamSpec> params;

  ParamCorners(Map<String, ParamSpec> params) {
    this.params = params;
  }

  /** {@code [min, max]} of the expression, or empty when it reads an unknown parameter. */
  Optional<double[]> range(Expression e) {
    if (!params.keySet().containsAll(e.params())) {
      return Optional.empty();
    }
    List<Map<String, Double>> corners = new ArrayList<>();
    corners.add(new HashMap<>());
    for (String p : e.params()) {
      List<Map<String, Double>> next = new ArrayList<>();
      for (Map<String, Double> c : corners) {
        for (double v : new double[] {params.get(p).range().min(), params.get(p).range().max()}) {
          Map<String, Double> copy = new HashMap<>(c);
          copy.put(p, v);
          next.add(copy);
        }
      }
      corners = next;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Map<String, Double> c : corners) {
      double v =
          e.evaluate(
              new Bindings() {
                @Override
                public double channel(String name) {
                  throw new IllegalStateException("no channels here");
                }

                @Override
                public double param(String name) {
                  return c.get(name);
                }
              });
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return Optional.of(new double[] {min, max});
  }
}
