package dev.hearth.hardware.profile;

import java.util.List;

/**
 * How the agent samples and reports telemetry for this appliance.
 *
 * @param sampleSeconds interval between samples
 * @param sendSeconds interval between batches (a state change sends at once)
 * @param channels the channels sampled
 */
public record TelemetryPlan(double sampleSeconds, double sendSeconds, List<String> channels) {}
