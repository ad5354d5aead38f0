package dev.hearth.hub.gateway.coap;

import dev.hearth.hub.gateway.Admission;
import dev.hearth.hub.gateway.DeviceIngest;
import dev.hearth.hub.gateway.Refusal;
import dev.hearth.hub.gateway.RefusalLog;
import dev.hearth.hub.gateway.Transport;
import dev.hearth.specs.wire.CoapPaths;
import dev.hearth.specs.wire.DeviceId;
import java.security.Principal;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;

/**
 * The CoAP mirror of the device→hub topics: every path under {@code /hearth} lands here (the device
 * id is a path segment, so the resources cannot be listed in advance) and is parsed with {@link
 * CoapPaths}. The device is who its DTLS identity says, never what the path says; a path naming
 * another device is refused with 4.03.
 *
 * <p>A POST is answered 2.04 only after its group commit, the CoAP counterpart of a PUBACK.
 */
final class CaliforniumMirrorResource extends CoapResource {

  /** Seconds a device should wait before retrying when the hub is busy. */
  private static final long RETRY_AFTER_SECONDS = 2;

  private final DeviceIngest ingest;
  private final RefusalLog log;

  CaliforniumMirrorResource(DeviceIngest ingest) {
    super("hearth");
    this.ingest = ingest;
    this.log = ingest.log();
    setVisible(false);
  }

  /** Every deeper path is this resource too; see the class comment. */
  @Override
  public Resource getChild(String name) {
    return this;
  }

  @Override
  public void handlePOST(CoapExchange exchange) {
    Exchange advanced = exchange.advanced();
    Request request = advanced.getRequest();
    String path = "/" + request.getOptions().getUriPathString();
    Principal peer = request.getSourceContext().getPeerIdentity();
    if (!(peer instanceof PreSharedKeyIdentity psk) || !DeviceId.isValid(psk.getIdentity())) {
      log.refused(
          Transport.COAP.label(),
          String.valueOf(peer),
          "publish",
          path,
          "UNAUTHENTICATED",
          "no device DTLS identity");
      respond(
          exchange,
          ResponseCode.UNAUTHORIZED,
          new Refusal(
              Refusal.Reason.FORBIDDEN,
              "UNAUTHENTICATED",
              "",
              "a device DTLS identity is required"));
      return;
    }
    var device = new DeviceId(psk.getIdentity());
    int format = request.getOptions().getContentFormat();
    if (format != MediaTypeRegistry.UNDEFINED && format != CoapPaths.CONTENT_FORMAT_JSON) {
      var refusal =
          new Refusal(
              Refusal.Reason.MALFORMED,
              "UNSUPPORTED_CONTENT_FORMAT",
              "",
              "Content-Format " + format + " is not application/json (50)");
      log.refused(Transport.COAP.label(), device.value(), path, refusal);
      respond(exchange, ResponseCode.UNSUPPORTED_CONTENT_FORMAT, refusal);
      return;
    }
    Admission admission = ingest.post(device, path, request.getPayload());
    if (admission instanceof Admission.Accepted accepted) {
      accepted
          .durable()
          .whenComplete(
              (v, failure) -> {
                if (failure == null) {
                  exchange.respond(ResponseCode.CHANGED);
                } else {
                  respond(exchange, ResponseCode.SERVICE_UNAVAILABLE, busy("not stored; retry"));
                }
              });
    } else {
      Refusal refusal = ((Admission.Refused) admission).refusal();
      respond(exchange, code(refusal), refusal);
    }
  }

  /** The response code for a refusal (wire chapter, section 1.2). */
  static ResponseCode code(Refusal refusal) {
    switch (refusal.reason()) {
      case UNKNOWN_TOPIC:
        return ResponseCode.NOT_FOUND;
      case FORBIDDEN:
        return ResponseCode.FORBIDDEN;
      case TOO_LARGE:
        return ResponseCode.REQUEST_ENTITY_TOO_LARGE;
      case RATE_LIMITED:
        return ResponseCode.TOO_MANY_REQUESTS;
      case BUSY:
        return ResponseCode.SERVICE_UNAVAILABLE;
      case MALFORMED:
      default:
        return ResponseCode.BAD_REQUEST;
    }
  }

  private static Refusal busy(String message) {
    return new Refusal(Refusal.Reason.BUSY, "BUSY", "", message);
  }

  private static void respond(CoapExchange exchange, ResponseCode code, Refusal refusal) {
    var response = new Response(code);
    response.setPayload(refusal.toJson());
    response.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
    if (code == ResponseCode.SERVICE_UNAVAILABLE || code == ResponseCode.TOO_MANY_REQUESTS) {
      response.getOptions().setMaxAge(RETRY_AFTER_SECONDS);
    }
    exchange.respond(response);
  }
}
