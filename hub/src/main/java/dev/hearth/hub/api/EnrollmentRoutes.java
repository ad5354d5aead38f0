package dev.hearth.hub.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.registry.EnrollmentOutcome;
import dev.hearth.hub.registry.EnrollmentRequest;
import dev.hearth.hub.registry.EnrollmentService;
import dev.hearth.specs.canonical.Parsed;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;

/**
 * {@code POST /enrollments}, the device-facing endpoint of {@code firmware-specs/SPEC.md, chapter
 * "Enrollment"}; unauthenticated by design (the claim code is the secret).
 */
final class EnrollmentRoutes {

  private final EnrollmentService enrollment;
  private final Work work;
  private final ApiMetrics metrics;

  EnrollmentRoutes(EnrollmentService enrollment, Work work, ApiMetrics metrics) {
    this.enrollment = enrollment;
    this.work = work;
    this.metrics = metrics;
  }

  void mount(Endpoints endpoints) {
    endpoints.open(HttpMethod.POST, "/api/v1/enrollments").handler(this::enroll);
  }

  private void enroll(RoutingContext ctx) {
    Parsed<EnrollmentRequest> parsed = EnrollmentRequest.read(Requests.jsonObject(ctx));
    if (parsed instanceof Parsed.Invalid<EnrollmentRequest> invalid) {
      metrics.enrollment("malformed");
      throw ApiException.invalidField(invalid.field(), invalid.problem());
    }
    EnrollmentRequest request = parsed.orElseThrow();
    String address = Requests.clientAddress(ctx);
    work.then(
        ctx,
        () -> enrollment.enroll(request, address),
        (c, outcome) -> {
          metrics.enrollment(outcome.getClass().getSimpleName());
          respond(c, outcome);
        });
  }

  private static void respond(RoutingContext ctx, EnrollmentOutcome outcome) {
    if (outcome instanceof EnrollmentOutcome.Pending pending) {
      ObjectNode json = Json.object();
      json.put("status", "pending");
      json.put("pollAfterSeconds", pending.pollAfter().toSeconds());
      Json.send(ctx, 202, json);
    } else if (outcome instanceof EnrollmentOutcome.Enrolled enrolled) {
      Json.send(ctx, 200, enrolledJson(enrolled));
    } else if (outcome instanceof EnrollmentOutcome.Throttled throttled) {
      throw ApiException.tooManyRequests(
          throttled.retryAfter(), "too many enrollment requests from this address");
    } else {
      EnrollmentOutcome.Refused refused = (EnrollmentOutcome.Refused) outcome;
      throw new ApiException(problemFor(refused.reason()), refused.detail());
    }
  }

  private static ProblemType problemFor(EnrollmentOutcome.Refusal reason) {
    switch (reason) {
      case CODE_TAKEN:
        return ProblemType.CODE_TAKEN;
      case ALREADY_ENROLLED:
        return ProblemType.ALREADY_ENROLLED;
      case REVOKED:
        return ProblemType.DEVICE_REVOKED;
      case UNKNOWN_PROFILE:
      default:
        return ProblemType.UNKNOWN_PROFILE;
    }
  }

  private static ObjectNode enrolledJson(EnrollmentOutcome.Enrolled enrolled) {
    ObjectNode json = Json.object();
    json.put("status", "enrolled");
    json.put("deviceId", enrolled.deviceId());
    json.putObject("mqtt")
        .put("uri", enrolled.mqttUri().toString())
        .put("username", enrolled.deviceId())
        .put("password", enrolled.credentials().password());
    if (enrolled.coapUri() != null) {
      json.putObject("coap")
          .put("uri", enrolled.coapUri().toString())
          .put("pskIdentity", enrolled.deviceId())
          .put("psk", Base64.getEncoder().encodeToString(enrolled.credentials().psk()));
    }
    json.set("root", enrolled.root());
    return json;
  }
}
