package dev.hearth.agent.local;

import dev.hearth.agent.runtime.Appliance;
import dev.hearth.agent.runtime.ApplianceObserver;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.StateReport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An appliance for the LAN's tests: its state and readings are set by the test. */
public final class FakeAppliance implements Appliance {

  private final Profile profile = ShippedProfiles.get("open-washer@1");
  private final List<ApplianceObserver> observers = new CopyOnWriteArrayList<>();
  private final Map<String, Double> readings = new ConcurrentHashMap<>();
  private volatile StateReport state = state(0, StateReport.Phase.IDLE, null);

  /** A washer state report: door closed, nothing tripped. */
  public static StateReport state(long seq, StateReport.Phase phase, String step) {
    return new StateReport(
        1_700_000_000_000L + seq,
        seq,
        phase,
        step == null ? null : "cotton-40",
        step,
        step == null ? null : 3600L - seq,
        StateReport.Door.CLOSED,
        step == null ? StateReport.Lock.UNLOCKED : StateReport.Lock.LOCKED,
        List.of(),
        Map.of("heater", step == null ? 0.0 : 1.0, "motor_speed", 0.0));
  }

  /** Changes the state and tells the observers, as the runtime does. */
  public void change(StateReport next) {
    state = next;
    observers.forEach(o -> o.onState(next));
  }

  public void read(String channel, double value) {
    readings.put(channel, value);
  }

  public int observerCount() {
    return observers.size();
  }

  @Override
  public Profile profile() {
    return profile;
  }

  @Override
  public StateReport state() {
    return state;
  }

  @Override
  public Map<String, Double> readings() {
    return Map.copyOf(readings);
  }

  @Override
  public CommandResult execute(Command command) {
    return new CommandResult(command.id(), CommandResult.Outcome.ERROR, "not in this test");
  }

  @Override
  public Registration observe(ApplianceObserver observer) {
    observers.add(observer);
    return () -> observers.remove(observer);
  }
}
