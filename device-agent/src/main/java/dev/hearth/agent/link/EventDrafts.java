package dev.hearth.agent.link;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.agent.runtime.ApplianceEvent;

/**
 * Makes an event's free text fit the wire rules (at most 1024 characters, no control characters but
 * tab and line breaks, no lone surrogates) so a long or odd message never costs the event.
 */
final class EventDrafts {

  private static final int MAX_MESSAGE = 1024;
  private static final long MAX_EPOCH_MILLIS = 253_402_300_799_999L;

  private EventDrafts() {}

  static ApplianceEvent normalize(ApplianceEvent event) {
    String message = event.message() == null ? "" : event.message();
    var clean = new StringBuilder(Math.min(message.length(), MAX_MESSAGE));
    for (int i = 0; i < message.length() && clean.length() < MAX_MESSAGE; i++) {
      char c = message.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < message.length()
          && Character.isLowSurrogate(message.charAt(i + 1))) {
        if (clean.length() + 2 > MAX_MESSAGE) {
          break;
        }
        clean.append(c).append(message.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        clean.append('?');
      } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        clean.append(' ');
      } else {
        clean.append(c);
      }
    }
    long ts = Math.max(0, Math.min(MAX_EPOCH_MILLIS, event.ts()));
    var data = event.data() == null ? JsonNodeFactory.instance.objectNode() : event.data();
    return new ApplianceEvent(ts, event.type(), event.severity(), clean.toString(), data);
  }
}
