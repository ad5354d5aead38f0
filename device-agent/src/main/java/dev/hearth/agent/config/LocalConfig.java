package dev.hearth.agent.config;

import java.util.regex.Pattern;

/**
 * Section {@code local}: what the agent serves on the LAN.
 *
 * @param coap {@code local.coap}: the read-only CoAP server
 */
public record LocalConfig(Coap coap) {

  public static final LocalConfig DEFAULTS = new LocalConfig(Coap.DEFAULTS);

  public LocalConfig {
    new Violations().present("local.coap", coap).throwIfAny();
  }

  /**
   * Section {@code local.coap}: a read-only CoAP server with observable {@code /state} and {@code
   * /telemetry}.
   *
   * @param enabled {@code local.coap.enabled}
   * @param bind {@code local.coap.bind}: the IP address to listen on; {@code 0.0.0.0} for every
   *     interface
   * @param port {@code local.coap.port}: UDP port; 0 picks a free one (tests)
   */
  public record Coap(boolean enabled, String bind, int port) {

    // Before DEFAULTS: the constructor that builds DEFAULTS uses them.
    private static final Pattern IPV4 =
        Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public static final String DEFAULT_BIND = "0.0.0.0";

    /** The IANA port for CoAP (RFC 7252, section 12.6). */
    public static final int DEFAULT_PORT = 5683;

    public static final Coap DEFAULTS = new Coap(true, DEFAULT_BIND, DEFAULT_PORT);

    public Coap {
      new Violations()
          .check(
              bind != null && (IPV4.matcher(bind).matches() || IPV6.matcher(bind).matches()),
              "local.coap.bind",
              bind
                  + " — must be an IP address: 0.0.0.0 (every interface), 127.0.0.1 (this machine"
                  + " only) or one of the board's addresses")
          .range("local.coap.port", port, 0, 65_535, "")
          .throwIfAny();
    }

    /** A server on {@code bind}:{@code port}, enabled. */
    public static Coap on(String bind, int port) {
      return new Coap(true, bind, port);
    }
  }
}
