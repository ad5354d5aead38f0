package dev.hearth.hub.rollout.store;

/**
 * A device taken into a rollout.
 *
 * @param deviceId the device
 * @param ownerId its owner (whose time zone the maintenance window is read in)
 * @param group the group it belongs to
 * @param state {@link DeviceUpdateState#PENDING}, or {@link DeviceUpdateState#EXCLUDED} for a
 *     device that already runs the release or a newer one
 * @param reason why it is excluded, else null
 */
public record NewMember(
    String deviceId, String ownerId, int group, DeviceUpdateState state, String reason) {

  /** Excluded because it already runs the release or a newer version of it. */
  public static final String UP_TO_DATE = "UP_TO_DATE";

  /** Excluded because it left the audience before its offer (channel off, removed). */
  public static final String LEFT_AUDIENCE = "LEFT_AUDIENCE";

  public static NewMember pending(String deviceId, String ownerId, int group) {
    return new NewMember(deviceId, ownerId, group, DeviceUpdateState.PENDING, null);
  }

  public static NewMember upToDate(String deviceId, String ownerId, int group) {
    return new NewMember(deviceId, ownerId, group, DeviceUpdateState.EXCLUDED, UP_TO_DATE);
  }
}
