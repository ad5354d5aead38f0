/**
 * The hub's REST API under {@code /api/v1}, its OpenAPI document and Swagger UI, the live stream
 * endpoint, {@code /health} and {@code /metrics}, all on one vertx-web {@link
 * io.vertx.ext.web.Router} made by {@link dev.hearth.hub.api.HubRouter#create}.
 *
 * <p>Handlers are thin: they read the request, run a plain service on a worker thread (the store
 * blocks) and write the answer. Every error leaves as an RFC 9457 problem document, mapped once, in
 * {@link dev.hearth.hub.api.ProblemHandler}, from one exception type, {@link
 * dev.hearth.hub.api.ApiException}. An owner reaches only their own devices; anyone else's device
 * answers 404, exactly like one that does not exist, so ids do not leak.
 */
package dev.hearth.hub.api;
