package dev.hearth.hub.registry;

import dev.hearth.specs.enrollment.ClaimCode;
import java.time.Instant;

/**
 * An owner-issued claim code, to be written into a board's {@code hearth.yaml}.
 *
 * @param code the code
 * @param expiresAt when it stops being accepted
 */
public record IssuedClaimCode(ClaimCode code, Instant expiresAt) {}
