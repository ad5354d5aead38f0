package dev.hearth.hardware.profile;

import java.util.Map;

/**
 * Which physics model simulates this appliance, which channel plays which role in it, and the
 * model's parameters (heating rate, flows, thermal mass...).
 *
 * @param model the model's name, e.g. {@code washer}
 * @param bindings model role to channel name
 * @param params model parameter to value; the model supplies defaults for the rest
 */
public record SimulationSpec(
    String model, Map<String, String> bindings, Map<String, Double> params) {}
