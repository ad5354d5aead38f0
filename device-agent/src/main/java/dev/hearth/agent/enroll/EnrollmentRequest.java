package dev.hearth.agent.enroll;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.enrollment.ClaimCode;
import java.util.Objects;

/**
 * The body of {@code POST {hub}/api/v1/enrollments}. Repeating it is safe: the hub treats the same
 * claim code and hardware id as the same request.
 *
 * @param claimCode owner- or device-issued
 * @param hardwareId this board
 * @param profile the hardware profile the board drives
 * @param agentVersion this agent's version, semver
 */
public record EnrollmentRequest(
    ClaimCode claimCode, HardwareId hardwareId, ProfileRef profile, String agentVersion) {

  public EnrollmentRequest {
    Objects.requireNonNull(claimCode, "claimCode");
    Objects.requireNonNull(hardwareId, "hardwareId");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(agentVersion, "agentVersion");
  }

  /** The JSON body. */
  public ObjectNode toJson() {
    return JsonNodeFactory.instance
        .objectNode()
        .put("claimCode", claimCode.value())
        .put("hardwareId", hardwareId.value())
        .put("profile", profile.toString())
        .put("agentVersion", agentVersion);
  }
}
