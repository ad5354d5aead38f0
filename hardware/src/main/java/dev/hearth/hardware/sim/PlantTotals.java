package dev.hearth.hardware.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a plant has consumed so far and what is really going on inside it, for reports and for tests
 * that must tell a sensor's reading from the truth.
 *
 * @param seconds simulated time since the plant was created
 * @param energyWh electrical energy drawn from the mains, in watt-hours
 * @param waterLitres fresh water let in through the inlet, in litres
 * @param truth the model's state without sensor faults or noise, by name (e.g. {@code waterLitres},
 *     {@code waterC}, {@code loadC}); each model documents its names
 */
public record PlantTotals(
    double seconds, double energyWh, double waterLitres, Map<String, Double> truth) {

  public PlantTotals {
    truth = Collections.unmodifiableMap(new LinkedHashMap<>(truth));
  }

  /**
   * One truth value.
   *
   * @throws IllegalArgumentException naming the known values when this model has no such value
   */
  public double truth(String name) {
    Double value = truth.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "no truth value '" + name + "'; this model has " + truth.keySet());
    }
    return value;
  }
}
