package dev.hearth.hub.catalog;

import dev.hearth.specs.simulate.FaultPlan;
import java.util.List;
import java.util.Map;

/**
 * The faults every submitted program is simulated with, per plant model, besides one run without
 * faults. Each is a failure the program's fault handling must bring to rest, injected while a
 * typical program is busy with what the fault disturbs:
 *
 * <table>
 *   <caption>faults per model</caption>
 *   <tr><th>model</th><th>fault</th><th>when</th><th>what the program must survive</th></tr>
 *   <tr><td>washer</td><td>{@code stuck-level-sensor}</td><td>30 s</td>
 *       <td>the level reading freezes while filling: the fill must time out, not overflow</td></tr>
 *   <tr><td>washer</td><td>{@code failed-heater}</td><td>0 s</td>
 *       <td>the element heats nothing: heating must time out or continue cold</td></tr>
 *   <tr><td>washer</td><td>{@code leak}</td><td>120 s</td>
 *       <td>water in the base pan: the leak interlock trips, the program drains</td></tr>
 *   <tr><td>microwave</td><td>{@code door-opened}</td><td>20 s</td>
 *       <td>the door opens mid-cook: the magnetron stops, the program pauses or faults</td></tr>
 *   <tr><td>microwave</td><td>{@code cavity-fire}</td><td>20 s</td>
 *       <td>the load burns: the over-temperature interlock trips</td></tr>
 * </table>
 *
 * A model not listed is simulated without faults only.
 */
final class StandardFaults {

  private static final Map<String, List<FaultPlan>> BY_MODEL =
      Map.of(
          "washer",
          List.of(
              new FaultPlan("stuck-level-sensor", 30),
              new FaultPlan("failed-heater", 0),
              new FaultPlan("leak", 120)),
          "microwave",
          List.of(new FaultPlan("door-opened", 20), new FaultPlan("cavity-fire", 20)));

  private StandardFaults() {}

  /** The faults for {@code model}, in the order the reports list them. */
  static List<FaultPlan> forModel(String model) {
    return BY_MODEL.getOrDefault(model, List.of());
  }
}
