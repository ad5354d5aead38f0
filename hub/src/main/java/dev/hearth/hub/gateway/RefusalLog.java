package dev.hearth.hub.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every refusal (bad credentials, forbidden topics, bad payloads, rate limits) with the device
 * and the reason, at WARN. A device that repeats the same mistake in a loop would flood the log, so
 * each (device, action, code) is logged at most once a second; the next line says how many similar
 * refusals were left out.
 */
public final class RefusalLog {

  private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);
  private static final long QUIET_NANOS = 1_000_000_000L;
  private static final int MAX_LOGGED_CHARS = 300;

  private final LongSupplier nanoClock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public RefusalLog() {
    this(System::nanoTime);
  }

  RefusalLog(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /**
   * Logs one refusal.
   *
   * @param transport {@code mqtt} or {@code coap}
   * @param device the device id as claimed (may be unauthenticated for connect refusals)
   * @param action what was refused: {@code connect}, {@code publish}, {@code subscribe}
   * @param target the topic, filter or path, or {@code ""}
   * @param code a stable name of the reason
   * @param reason the full reason for a person
   */
  public void refused(
      String transport, String device, String action, String target, String code, String reason) {
    long suppressed = admit(device + '\u0000' + action + '\u0000' + code);
    if (suppressed < 0) {
      return;
    }
    LOG.warn(
        "{} {} refused for device '{}'{}: {}{}",
        transport,
        action,
        clean(device),
        target.isEmpty() ? "" : " on '" + clean(target) + "'",
        clean(reason),
        suppressed == 0 ? "" : " (" + suppressed + " similar refusals not logged)");
  }

  /** Logs a refused publish. */
  public void refused(String transport, String device, String target, Refusal refusal) {
    refused(transport, device, "publish", target, refusal.code(), refusal.toString());
  }

  /**
   * Device ids, topics and reasons may quote what a device sent; control characters are replaced
   * and length is capped so that a device cannot forge or flood log lines.
   */
  static String clean(String text) {
    String capped =
        text.length() > MAX_LOGGED_CHARS ? text.substring(0, MAX_LOGGED_CHARS) + "…" : text;
    var out = new StringBuilder(capped.length());
    capped.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return out.toString();
  }

  /** -1 to stay quiet, else how many were left out since the last line for this key. */
  private long admit(String key) {
    long now = nanoClock.getAsLong();
    Window window = windows.computeIfAbsent(key, k -> new Window());
    synchronized (window) {
      if (window.logged && now - window.since < QUIET_NANOS) {
        window.suppressed++;
        return -1;
      }
      long suppressed = window.suppressed;
      window.logged = true;
      window.since = now;
      window.suppressed = 0;
      return suppressed;
    }
  }

  private static final class Window {
    private boolean logged;
    private long since;
    private long suppressed;
  }
}
