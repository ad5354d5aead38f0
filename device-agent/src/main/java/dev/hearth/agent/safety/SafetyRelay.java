package dev.hearth.agent.safety;

import dev.hearth.hardware.safety.SafetyEvent;
import dev.hearth.hardware.safety.SafetyListener;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's listener, handed to the kernel before whoever handles its events exists (the kernel
 * drives its outputs safe in its constructor and may report a failure then). Events that arrive
 * before {@link #forwardTo} are kept and delivered then, in order.
 */
public final class SafetyRelay implements SafetyListener {

  private final List<SafetyEvent> early = new ArrayList<>();
  private volatile SafetyListener target;

  @Override
  public void onSafetyEvent(SafetyEvent event) {
    SafetyListener t = target;
    if (t == null) {
      synchronized (this) {
        t = target;
        if (t == null) {
          early.add(event);
          return;
        }
      }
    }
    t.onSafetyEvent(event);
  }

  /** Delivers the kept events to {@code listener}, then every later one. */
  public void forwardTo(SafetyListener listener) {
    synchronized (this) {
      early.forEach(listener::onSafetyEvent);
      early.clear();
      target = listener;
    }
  }
}
