package dev.hearth.bench.fleet;

import dev.hearth.agent.runtime.Appliance;
import dev.hearth.agent.runtime.ApplianceObserver;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.TelemetryPlan;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.StateReport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An appliance for the fleet: a shipped profile's identity with a telemetry plan of one sample per
 * batch at the fleet's rate, readings replayed from a {@link ReplayReadings}, an idle state that
 * never changes, and commands answered with a refusal. Cheap enough for thousands per JVM; the link
 * above it cannot tell it from a real appliance.
 */
public final class ReplayAppliance implements Appliance {

  private final Profile profile;
  private final ReplayReadings readings;
  private final AtomicLong next;
  private final StateReport idle;

  /**
   * @param base the shipped profile whose id the device enrolled with
   * @param readings what to replay; its channels become the telemetry plan's
   * @param ratePerSecond samples (and batches) per second
   * @param offset the row to start replaying from
   * @param startedAt epoch milliseconds, for the idle state's timestamp
   */
  public ReplayAppliance(
      Profile base, ReplayReadings readings, double ratePerSecond, long offset, long startedAt) {
    double interval = 1.0 / ratePerSecond;
    this.profile =
        new Profile(
            base.ref(),
            base.name(),
            base.description(),
            base.board(),
            base.remoteStart(),
            base.channels(),
            base.capabilities(),
            base.interlocks(),
            new TelemetryPlan(interval, interval, readings.channels()),
            base.simulation());
    this.readings = readings;
    this.next = new AtomicLong(offset);
    this.idle =
        new StateReport(
            startedAt,
            0,
            StateReport.Phase.IDLE,
            null,
            null,
            null,
            StateReport.Door.CLOSED,
            StateReport.Lock.NONE,
            List.of(),
            Map.of());
  }

  @Override
  public Profile profile() {
    return profile;
  }

  @Override
  public StateReport state() {
    return idle;
  }

  @Override
  public Map<String, Double> readings() {
    return readings.row(next.getAndIncrement());
  }

  @Override
  public CommandResult execute(Command command) {
    return new CommandResult(
        command.id(), CommandResult.Outcome.REFUSED, "a simulated fleet device takes no commands");
  }

  @Override
  public Registration observe(ApplianceObserver observer) {
    return () -> {};
  }
}
