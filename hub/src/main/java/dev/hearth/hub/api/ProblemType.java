package dev.hearth.hub.api;

/**
 * The kinds of problem the API answers with. Each has a stable type URI ({@code
 * urn:hearth:problem:<slug>}) clients may switch on, a status and a title; the detail says what
 * happened this time. The OpenAPI document lists them.
 */
public enum ProblemType {
  BAD_REQUEST(400, "bad-request", "The request is malformed"),
  UNKNOWN_PROFILE(400, "unknown-profile", "Unknown hardware profile"),
  INVALID_REVISION(400, "invalid-revision", "Revision refused"),
  BAD_SIGNATURE(400, "bad-signature", "Signature does not verify"),
  UNKNOWN_KEY(400, "unknown-key", "Unknown signing key"),
  UNAUTHORIZED(401, "unauthorized", "Authentication required"),
  INVALID_CREDENTIALS(401, "invalid-credentials", "Wrong e-mail address or password"),
  FORBIDDEN(403, "forbidden", "Not allowed"),
  NOT_FOUND(404, "not-found", "Not found"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
  CODE_TAKEN(409, "claim-code-taken", "Claim code used by another board"),
  ALREADY_ENROLLED(409, "already-enrolled", "Already enrolled"),
  DEVICE_REVOKED(409, "device-revoked", "Device removed"),
  REMOTE_START_NOT_ALLOWED(409, "remote-start-not-allowed", "Remote start not allowed"),
  CONFLICT(409, "conflict", "Conflict with the current state"),
  UPLOAD_OFFSET_MISMATCH(
      409, "upload-offset-mismatch", "Chunk does not start at the upload offset"),
  QUORUM_NOT_MET(409, "quorum-not-met", "Maintainers' quorum not met"),
  BROKEN_ROOT_CHAIN(409, "broken-root-chain", "Root metadata does not follow the trusted root"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
  RANGE_NOT_SATISFIABLE(416, "range-not-satisfiable", "Range not satisfiable"),
  ARTIFACT_MISMATCH(422, "artifact-mismatch", "Artifact does not match"),
  UNKNOWN_COMMAND(422, "unknown-command", "Unknown command"),
  TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
  INTERNAL(500, "internal-error", "Internal error"),
  UNAVAILABLE(503, "unavailable", "Service unavailable");

  private static final String PREFIX = "urn:hearth:problem:";

  private final int status;
  private final String slug;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The type URI. */
  public String uri() {
    return PREFIX + slug;
  }
}
