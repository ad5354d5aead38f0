package dev.hearth.hardware.profile;

import java.util.List;
import java.util.Map;

/**
 * Something a program may ask the appliance to do ({@code fill}, {@code spin}, {@code cook}),
 * expressed as output settings. Programs name capabilities, never channels, so a profile decides
 * what "fill" means on its hardware.
 *
 * @param name what programs call it
 * @param description what it does, for reviewers
 * @param params its parameters with the profile's bounds
 * @param settings the outputs it drives while active
 */
public record Capability(
    String name, String description, Map<String, ParamSpec> params, List<Setting> settings) {}
