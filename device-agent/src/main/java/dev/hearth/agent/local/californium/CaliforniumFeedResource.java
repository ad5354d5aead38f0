package dev.hearth.agent.local.californium;

import java.util.function.Supplier;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * One read-only, observable resource whose representation is the latest encoded payload of a {@link
 * dev.hearth.agent.local.LocalFeed}. Writes are refused with 4.05: the LAN only reads.
 */
final class CaliforniumFeedResource extends CoapResource {

  /** CoAP Content-Format of {@code application/json} (RFC 7252, section 12.3). */
  static final int JSON = 50;

  private final Supplier<byte[]> representation;
  private final long maxAgeSeconds;

  /**
   * @param name the path segment, e.g. {@code state}
   * @param resourceType the {@code rt} link attribute
   * @param title the {@code title} link attribute, for people browsing {@code /.well-known/core}
   * @param notifications CON when every notification matters (state), NON when the next one
   *     supersedes a lost one (telemetry)
   * @param maxAgeSeconds how long a representation stays fresh
   * @param representation the latest encoded payload
   */
  CaliforniumFeedResource(
      String name,
      String resourceType,
      String title,
      CoAP.Type notifications,
      long maxAgeSeconds,
      Supplier<byte[]> representation) {
    super(name);
    this.representation = representation;
    this.maxAgeSeconds = maxAgeSeconds;
    setObservable(true);
    setObserveType(notifications);
    getAttributes().setTitle(title);
    getAttributes().addResourceType(resourceType);
    // "core.s": a sensor, read with GET (CoRE Interfaces); the resource is never written.
    getAttributes().addInterfaceDescription("core.s");
    getAttributes().addContentType(JSON);
    getAttributes().setObservable();
  }

  @Override
  public void handleGET(CoapExchange exchange) {
    exchange.setMaxAge(maxAgeSeconds);
    exchange.respond(ResponseCode.CONTENT, representation.get(), JSON);
  }

  @Override
  public void handlePOST(CoapExchange exchange) {
    readOnly(exchange);
  }

  @Override
  public void handlePUT(CoapExchange exchange) {
    readOnly(exchange);
  }

  @Override
  public void handleDELETE(CoapExchange exchange) {
    readOnly(exchange);
  }

  @Override
  public void handlePATCH(CoapExchange exchange) {
    readOnly(exchange);
  }

  @Override
  public void handleIPATCH(CoapExchange exchange) {
    readOnly(exchange);
  }

  private static void readOnly(CoapExchange exchange) {
    exchange.respond(
        ResponseCode.METHOD_NOT_ALLOWED,
        "read-only: commands go through the hub",
        org.eclipse.californium.core.coap.MediaTypeRegistry.TEXT_PLAIN);
  }
}
