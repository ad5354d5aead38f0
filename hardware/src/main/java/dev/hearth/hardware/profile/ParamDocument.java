package dev.hearth.hardware.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The authored shape of a bounded parameter, in profiles (a capability's limits) and in programs
 * (the author's choice within them).
 */
public record ParamDocument(
    Double min,
    Double max,
    @JsonProperty("default") Double defaultValue,
    String unit,
    Boolean integer,
    String description) {}
