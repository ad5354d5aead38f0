package dev.hearth.hub.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.canonical.FieldReader;
import dev.hearth.specs.canonical.InvalidFieldException;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.enrollment.ClaimCode;
import dev.hearth.specs.manifest.StrictSemver;
import java.util.regex.Pattern;

/**
 * A device's enrollment request ({@code POST /api/v1/enrollments}).
 *
 * @param claimCode the code it presents, owner- or device-issued
 * @param hardwareId the board's stable id
 * @param profile its hardware profile
 * @param agentVersion the agent's semantic version
 */
public record EnrollmentRequest(
    ClaimCode claimCode, String hardwareId, ProfileRef profile, String agentVersion) {

  static final Pattern HARDWARE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /** Reads a request body; unknown fields are ignored, as everywhere in the device contract. */
  public static Parsed<EnrollmentRequest> read(JsonNode json) {
    return Parsed.reading(
        () -> {
          FieldReader fields = FieldReader.of(json, "");
          String code = fields.text("claimCode");
          ClaimCode claimCode =
              ClaimCode.parse(code)
                  .toOptional()
                  .orElseThrow(
                      () ->
                          new InvalidFieldException(
                              fields.pointer("claimCode"),
                              "'"
                                  + FieldReader.shorten(code)
                                  + "' is not a claim code; expected 8 characters of Crockford"
                                  + " base32 such as K7M2-9QXD"));
          String hardwareId =
              fields.text(
                  "hardwareId", HARDWARE_ID, "a hardware id (1 to 64 of A-Z a-z 0-9 . _ : -)");
          String profileText = fields.text("profile");
          ProfileRef profile;
          try {
            profile = ProfileRef.parse(profileText);
          } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(fields.pointer("profile"), e.getMessage());
          }
          String agentVersion = fields.text("agentVersion");
          if (agentVersion.length() > 64 || !StrictSemver.isStrict(agentVersion)) {
            throw new InvalidFieldException(
                fields.pointer("agentVersion"),
                "'" + FieldReader.shorten(agentVersion) + "' is not a semantic version");
          }
          return new EnrollmentRequest(claimCode, hardwareId, profile, agentVersion);
        });
  }
}
