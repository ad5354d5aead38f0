package dev.hearth.agent.safety;

import dev.hearth.agent.hal.Board;
import dev.hearth.agent.hal.ChannelRead;
import dev.hearth.agent.safety.ChannelCheck.Outcome;
import dev.hearth.hardware.condition.Bindings;
import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.Interlocks.DoorLock;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.safety.Decision;
import dev.hearth.hardware.safety.SafetyKernel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Exercises every channel of an idle appliance: reads each input, and drives each output briefly to
 * an active state and back to safe, one at a time and only through the safety kernel, so an output
 * whose interlocks do not allow it now is skipped, not forced. A hobbyist runs it while wiring a
 * board (each relay should click on its own turn); the update engine runs it as part of its health
 * check.
 */
public final class ChannelSelftest {

  /** How long each output is held active by default: long enough to hear a relay click. */
  public static final Duration DEFAULT_HOLD = Duration.ofMillis(500);

  private final Board board;
  private final SafetyKernel kernel;
  private final Duration hold;
  private final Consumer<Duration> wait;

  /**
   * @param hold how long each output is held active
   * @param wait lets time pass: sleeps on a board, advances the simulation in simulation
   */
  public ChannelSelftest(Board board, SafetyKernel kernel, Duration hold, Consumer<Duration> wait) {
    this.board = board;
    this.kernel = kernel;
    this.hold = hold;
    this.wait = wait;
  }

  /** Runs the test. The appliance must be idle; every output is safe when it returns. */
  public SelftestReport run() {
    Profile profile = board.profile();
    List<ChannelCheck> checks = new ArrayList<>();
    board.poll();
    for (Channel input : profile.inputs()) {
      checks.add(checkInput(input));
    }
    for (Channel output : profile.outputs()) {
      checks.add(checkOutput(output));
    }
    return new SelftestReport(board.describe(), checks);
  }

  private ChannelCheck checkInput(Channel c) {
    ChannelRead r = board.read(c.name());
    return r.answered()
        ? check(c, Outcome.ANSWERED, "reads " + c.format(r.value()))
        : check(c, Outcome.NO_ANSWER, r.problem());
  }

  private ChannelCheck checkOutput(Channel c) {
    String missing = board.unavailable().get(c.name());
    if (missing != null) {
      return check(c, Outcome.NO_ANSWER, missing);
    }
    DoorLock lock = board.profile().interlocks().lock();
    boolean isLock = lock != null && lock.output().equals(c.name());
    if (isLock && !releasable(lock)) {
      return check(
          c,
          Outcome.SKIPPED,
          "the lock could not be released afterwards: "
              + lock.releaseWhen().names()
              + " unknown"
              + " or not at rest");
    }
    double active = activeValue(c);
    Decision on = kernel.request(c.name(), active);
    if (!on.isAllowed()) {
      return check(c, Outcome.SKIPPED, "not allowed now: " + on.describe());
    }
    if (kernel.safeStateReason() != null) {
      String why = kernel.safeStateReason();
      kernel.reset();
      return check(c, Outcome.NO_ANSWER, why);
    }
    wait.accept(hold);
    kernel.request(c.name(), c.safe());
    if (kernel.output(c.name()) != c.safe()) {
      return check(c, Outcome.NO_ANSWER, "did not return to " + c.format(c.safe()));
    }
    return check(
        c,
        Outcome.ANSWERED,
        "driven " + c.format(active) + " for " + hold.toMillis() + " ms, back to safe");
  }

  /** A clearly active but gentle value: on, or 5 % of a numeric range above its safe end. */
  private static double activeValue(Channel c) {
    if (c.isDigital()) {
      return c.safe() == 0.0 ? 1.0 : 0.0;
    }
    double span = c.range().max() - c.range().min();
    return c.safe() == c.range().min() ? c.range().min() + 0.05 * span : c.range().min();
  }

  private boolean releasable(DoorLock lock) {
    Bindings now =
        name -> {
          boolean output = board.profile().channel(name).map(Channel::isOutput).orElse(false);
          return output ? kernel.output(name) : kernel.reading(name);
        };
    for (String name : lock.releaseWhen().names()) {
      if (Double.isNaN(now.channel(name))) {
        return false;
      }
    }
    return lock.releaseWhen().holds(now);
  }

  private static ChannelCheck check(Channel c, Outcome outcome, String detail) {
    return new ChannelCheck(c.name(), c.kind().id(), c.address().describe(), outcome, detail);
  }
}
