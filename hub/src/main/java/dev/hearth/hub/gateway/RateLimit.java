package dev.hearth.hub.gateway;

/**
 * How many messages one device may publish: a token bucket refilled at {@code perSecond} tokens a
 * second holding at most {@code burst}. The burst lets an agent drain its offline buffer after a
 * reconnect without being refused, while a device stuck in a loop is held to the sustained rate.
 *
 * @param perSecond sustained messages per second, at least 1
 * @param burst messages a device may send at once after being quiet, at least {@code perSecond}
 */
public record RateLimit(int perSecond, int burst) {

  public static final int DEFAULT_PER_SECOND = 50;
  public static final int DEFAULT_BURST = 500;

  public RateLimit {
    if (perSecond < 1) {
      throw new GatewayException("rate limit must allow at least 1 message a second: " + perSecond);
    }
    if (burst < perSecond) {
      throw new GatewayException(
          "rate limit burst (" + burst + ") must be at least the rate (" + perSecond + ")");
    }
  }

  public static RateLimit defaults() {
    return new RateLimit(DEFAULT_PER_SECOND, DEFAULT_BURST);
  }
}
