package dev.hearth.hub.gateway;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Quoting for the few small JSON texts the gateway writes by hand. */
final class JsonText {

  private JsonText() {}

  static String quote(String value) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
  }
}
