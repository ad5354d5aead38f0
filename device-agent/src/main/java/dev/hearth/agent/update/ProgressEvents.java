package dev.hearth.agent.update;

import dev.hearth.agent.runtime.ApplianceEvent;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.EventType;

/** Turns an offer's progress into the {@code update-progress} event the hub receives. */
final class ProgressEvents {

  private ProgressEvents() {}

  static ApplianceEvent event(UpdateProgress p, long ts) {
    return new ApplianceEvent(
        ts,
        EventType.UPDATE_PROGRESS.wireName(),
        p.state() == UpdateState.FAILED || p.state() == UpdateState.ROLLED_BACK
            ? Event.Severity.WARNING
            : Event.Severity.INFO,
        message(p),
        ProgressJson.write(p));
  }

  /** One line for the owner's history, e.g. {@code washer-programs 1.1.0: downloading, 40 %}. */
  static String message(UpdateProgress p) {
    StringBuilder m = new StringBuilder(p.release()).append(": ").append(p.state().wireName());
    if (p.progress() != null) {
      m.append(", ").append(Math.round(p.progress() * 100)).append(" %");
    }
    if (p.state() == UpdateState.COMMITTED && p.from() != null) {
      m.append(" (was ").append(p.from()).append(')');
    }
    if (p.reason() != null) {
      m.append(": ").append(p.reason());
    }
    if (p.detail() != null) {
      m.append(" — ").append(p.detail());
    }
    return m.toString();
  }
}
