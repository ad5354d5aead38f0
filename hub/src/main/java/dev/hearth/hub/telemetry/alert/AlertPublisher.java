package dev.hearth.hub.telemetry.alert;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.live.LiveUpdates;
import dev.hearth.hub.store.Alerts.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes alert changes live as kind {@code alert}: {@code {change: raised|cleared, id, rule,
 * severity, message, raisedAt, clearedAt}}, times as ISO-8601 instants, {@code clearedAt} null
 * while open.
 */
final class AlertPublisher {

  private static final Logger log = LoggerFactory.getLogger(AlertPublisher.class);

  private final LiveUpdates live;

  AlertPublisher(LiveUpdates live) {
    this.live = live;
  }

  void raised(Alert alert) {
    publish(alert, "raised");
  }

  void cleared(Alert alert) {
    publish(alert, "cleared");
  }

  private void publish(Alert alert, String change) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("change", change);
    data.put("id", alert.id());
    data.put("rule", alert.rule());
    data.put("severity", alert.severity());
    data.put("message", alert.message());
    data.put("raisedAt", alert.raisedAt().toString());
    data.put("clearedAt", alert.clearedAt() == null ? null : alert.clearedAt().toString());
    try {
      live.publish(alert.deviceId(), "alert", data);
    } catch (RuntimeException e) {
      // The alert is stored; browsers see it on their next load.
      log.warn("live alert update for {} failed", alert.deviceId(), e);
    }
  }
}
