package dev.hearth.hub.live;

/** Event bus addresses of live updates. */
public final class LiveAddresses {

  /** Header of every live message naming its kind ({@code state}, {@code telemetry}, ...). */
  public static final String KIND_HEADER = "kind";

  private LiveAddresses() {}

  /** Where updates about one device are published. */
  public static String device(String deviceId) {
    return "hearth.live.device." + deviceId;
  }

  /** Where rollout progress is published, for the streams of maintainers and admins. */
  public static String rollouts() {
    return "hearth.live.rollouts";
  }

  /** Where news for one owner's streams is published (a device they just claimed). */
  public static String owner(String ownerId) {
    return "hearth.live.owner." + ownerId;
  }
}
