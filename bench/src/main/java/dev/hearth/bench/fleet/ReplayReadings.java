package dev.hearth.bench.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A recorded run of readings that simulated devices replay in a loop, each from its own offset so
 * the fleet does not send identical samples. Immutable and shared by every device.
 */
public final class ReplayReadings {

  private final List<Map<String, Double>> rows;

  public ReplayReadings(List<Map<String, Double>> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("a replay needs at least one row of readings");
    }
    this.rows = rows.stream().map(r -> Map.copyOf(new TreeMap<>(r))).toList();
  }

  /**
   * An open-microwave heating run at one-second steps: the cavity warms from 21 °C towards 95 °C
   * with the door shut, then cools with the door open. Each row holds three channels, so a
   * one-sample telemetry batch is about 115 bytes on the wire.
   */
  public static ReplayReadings microwaveRun() {
    List<Map<String, Double>> rows = new ArrayList<>();
    for (int s = 0; s < 600; s++) {
      boolean cooking = s < 420;
      double temp =
          cooking
              ? 21 + 74 * (1 - Math.exp(-s / 180.0))
              : 21 + (95 - 21) * Math.exp(-(s - 420) / 240.0);
      double shut = cooking ? 1.0 : 0.0;
      rows.add(
          Map.of(
              "cavity_temp",
              Math.round(temp * 16) / 16.0,
              "door_primary",
              shut,
              "door_secondary",
              shut));
    }
    return new ReplayReadings(rows);
  }

  /** The channels every row holds. */
  public List<String> channels() {
    return List.copyOf(rows.get(0).keySet());
  }

  /** Row {@code index}, wrapping around. */
  public Map<String, Double> row(long index) {
    return rows.get((int) Math.floorMod(index, (long) rows.size()));
  }

  public int size() {
    return rows.size();
  }
}
