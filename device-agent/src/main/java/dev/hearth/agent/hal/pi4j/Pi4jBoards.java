package dev.hearth.agent.hal.pi4j;

import com.pi4j.context.Context;
import dev.hearth.agent.hal.Board;
import dev.hearth.agent.hal.BoardSettings;
import dev.hearth.agent.hal.SimulatedBoard;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.sim.Plant;
import java.util.function.LongSupplier;

/** Where boards come from: a Raspberry Pi's real pins, or Pi4J's mock plugin and a plant. */
public final class Pi4jBoards {

  private Pi4jBoards() {}

  /**
   * A board on this Raspberry Pi, through the configured Pi4J providers. Channels that cannot be
   * opened are listed by {@link Board#unavailable()}.
   *
   * @param millis the agent's clock, for pulse rates
   * @throws dev.hearth.agent.hal.HardwareException when Pi4J cannot start its providers
   */
  public static Board onDevice(Profile profile, BoardSettings settings, LongSupplier millis) {
    boolean rp1 = Pi4jContexts.rp1();
    Context context = Pi4jContexts.onBoard(settings, rp1);
    Pi4jProviders providers = Pi4jProviders.onBoard(settings, rp1);
    String board = context.boardInfo().getBoardModel().getLabel();
    return new Pi4jBoard(
        context,
        providers,
        profile,
        settings,
        millis,
        "Pi4J " + providers.description() + " on " + board);
  }

  /**
   * A board on Pi4J's mock plugin with {@code plant} wired to its pins: the whole agent runs on it
   * unchanged. Nothing moves until the returned hardware is stepped.
   *
   * @param millis the agent's clock, for pulse rates: the simulation's clock
   */
  public static SimulatedBoard simulated(Profile profile, Plant plant, LongSupplier millis) {
    Pi4jBoard board =
        new Pi4jBoard(
            Pi4jContexts.mock(),
            Pi4jProviders.mock(),
            profile,
            BoardSettings.DEFAULTS.withShutdownHook(false),
            millis,
            "Pi4J mock plugin, simulated " + profile.ref() + " (" + plant.model() + " model)");
    return new SimulatedBoard(board, new Pi4jMockPlant(board, plant));
  }
}
