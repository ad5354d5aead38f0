package dev.hearth.agent.link;

import dev.hearth.hardware.profile.TelemetryPlan;

/**
 * When to sample and when to send, from the profile's telemetry plan: a sample every {@code
 * sampleSeconds}, a batch every {@code sendSeconds} (checked at each sample, so a batch holds whole
 * sample intervals), and after a batch sent early on a state change, the next regular one a whole
 * interval later. The first sample is sent at once, so the hub (and an owner watching) has a
 * reading within one sample interval of the agent starting, and the regular cadence counts from it.
 * Pure; the caller owns the timer.
 */
final class TelemetryCadence {

  private final long sampleMillis;
  private final long sendMillis;
  private long nextSampleAt;
  private long nextSendAt;
  private boolean firstSample = true;

  TelemetryCadence(TelemetryPlan plan, long now) {
    this.sampleMillis = Math.max(1, Math.round(plan.sampleSeconds() * 1000));
    this.sendMillis = Math.max(sampleMillis, Math.round(plan.sendSeconds() * 1000));
    this.nextSampleAt = now + sampleMillis;
    this.nextSendAt = now + sendMillis;
  }

  /** When the next sample is due, epoch milliseconds. */
  long nextSampleAt() {
    return nextSampleAt;
  }

  /**
   * A sample was taken at {@code now}: moves on to the next one.
   *
   * @return whether a batch is due now
   */
  boolean sampled(long now) {
    boolean send = now >= nextSendAt || firstSample;
    if (firstSample) {
      // The regular cadence starts from this first batch, so every later batch is whole.
      nextSendAt = now;
      firstSample = false;
    }
    while (nextSendAt <= now) {
      nextSendAt += sendMillis;
    }
    nextSampleAt += sampleMillis;
    if (nextSampleAt <= now) {
      // Fell behind (a suspended board, a stepped clock): skip the missed samples.
      nextSampleAt = now + sampleMillis;
    }
    return send;
  }

  /** A batch was sent early at {@code now}; the next regular one follows a whole interval later. */
  void sentEarly(long now) {
    nextSendAt = now + sendMillis;
  }
}
