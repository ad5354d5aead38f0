package dev.hearth.hub.telemetry.alert;

import static dev.hearth.hub.telemetry.alert.AlertDecision.at;

import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.StateReport;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An alert for a family of safety alarms, e.g. {@link #leak()} or {@link #overheating()}: raised by
 * the alarm's event, or by a state report that lists an interlock raising it as tripped (so a hub
 * that missed the event still raises it); cleared by the first state report where none of those
 * interlocks is tripped any more, i.e. once the latched trip has been reset on the appliance.
 */
public final class LatchedAlarmRule implements AlertRule {

  /** Alarms the shipped profiles raise for overheating. */
  public static final Set<String> OVERHEAT_ALARMS =
      Set.of("water-overheat", "cavity-overheat", "magnetron-overheat");

  /** The alarm the washer's leak float switch raises. */
  public static final Set<String> LEAK_ALARMS = Set.of("leak-detected");

  private final String id;
  private final String title;
  private final Set<String> alarms;

  /**
   * A rule for {@code alarms}.
   *
   * @param id the rule id
   * @param title the alert's message before the device's own words, e.g. {@code Leak detected}
   * @param alarms the profile alarm names this rule stands for
   */
  public LatchedAlarmRule(String id, String title, Set<String> alarms) {
    this.id = Objects.requireNonNull(id, "id");
    this.title = Objects.requireNonNull(title, "title");
    this.alarms = Set.copyOf(alarms);
  }

  /** Water in the base pan: {@code leak}. */
  public static LatchedAlarmRule leak() {
    return new LatchedAlarmRule("leak", "Leak detected", LEAK_ALARMS);
  }

  /** Water, cavity or magnetron too hot: {@code overheating}. */
  public static LatchedAlarmRule overheating() {
    return new LatchedAlarmRule("overheating", "Overheating", OVERHEAT_ALARMS);
  }

  /** The alarms this rule stands for, so the generic interlock rule can leave them to it. */
  public Set<String> alarms() {
    return alarms;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Optional<AlertDecision> onEvent(RuleContext ctx, Event event) {
    return ctx.alarmOf(event)
        .filter(alarms::contains)
        .map(
            alarm ->
                AlertDecision.raise(
                    Event.Severity.ALARM, Messages.titled(title, event.message()), at(event.ts())));
  }

  @Override
  public Optional<AlertDecision> onState(RuleContext ctx, StateReport state) {
    Optional<String> trip =
        state.tripped().stream().filter(t -> alarms.contains(ctx.alarmOfTrip(t))).findFirst();
    if (trip.isPresent()) {
      return Optional.of(
          AlertDecision.raise(
              Event.Severity.ALARM,
              title + " (interlock " + trip.get() + " tripped)",
              at(state.ts())));
    }
    return Optional.of(AlertDecision.clear(at(state.ts())));
  }
}
