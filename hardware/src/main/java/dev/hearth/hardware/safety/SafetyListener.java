package dev.hearth.hardware.safety;

/** Receives what the kernel did on its own; called on the thread that caused it. */
@FunctionalInterface
public interface SafetyListener {

  void onSafetyEvent(SafetyEvent event);

  /** A listener that ignores everything. */
  static SafetyListener none() {
    return e -> {};
  }
}
