package dev.hearth.hub.telemetry.alert;

import static dev.hearth.hub.telemetry.alert.AlertDecision.at;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.EventType;
import java.util.Optional;
import java.util.Set;

/**
 * {@code update-failed}: an {@code update-progress} event reports that a firmware update ended in
 * {@code failed} or {@code rolled-back}. Cleared when a later update reports {@code committed}.
 *
 * <p>Reads {@code data.state} (the update engine's state, as DESIGN.md names them), and, when
 * present, {@code data.version} (the offered version) and {@code data.reason}; without a reason the
 * event's message is shown.
 */
public final class UpdateFailedRule implements AlertRule {

  public static final String ID = "update-failed";

  /** Update states that mean the offered firmware is not running. */
  public static final Set<String> FAILED_STATES = Set.of("failed", "rolled-back");

  public static final String COMMITTED = "committed";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<AlertDecision> onEvent(RuleContext ctx, Event event) {
    if (!event.type().equals(EventType.UPDATE_PROGRESS.wireName())) {
      return Optional.empty();
    }
    JsonNode data = event.data();
    String state = data.path("state").asText("");
    if (FAILED_STATES.contains(state)) {
      String version = data.path("version").asText("");
      String reason = data.path("reason").asText(event.message());
      String title =
          version.isEmpty()
              ? "Update " + state.replace('-', ' ')
              : "Update to " + version + " " + state.replace('-', ' ');
      return Optional.of(
          AlertDecision.raise(
              Event.Severity.WARNING, Messages.titled(title, reason), at(event.ts())));
    }
    if (state.equals(COMMITTED)) {
      return Optional.of(AlertDecision.clear(at(event.ts())));
    }
    return Optional.empty();
  }
}
