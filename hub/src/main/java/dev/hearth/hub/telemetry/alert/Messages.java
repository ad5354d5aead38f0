package dev.hearth.hub.telemetry.alert;

import java.time.Duration;

/** Wording shared by the rules' alert messages. */
final class Messages {

  /** Alerts hold at most this many characters, as the store's column does. */
  static final int MAX = 2000;

  private Messages() {}

  /** {@code title: detail}, or the title alone when the device said nothing. */
  static String titled(String title, String detail) {
    String text = detail == null || detail.isBlank() ? title : title + ": " + detail.strip();
    return text.length() <= MAX ? text : text.substring(0, MAX);
  }

  /** A duration as people say it: {@code 12 minutes}, {@code 3 h 5 min}. */
  static String human(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 1) {
      return d.toSeconds() + " seconds";
    }
    if (minutes < 120) {
      return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
    return d.toHours() + " h " + d.toMinutesPart() + " min";
  }
}
