package dev.hearth.hub.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one exception the catalog throws for a request it refuses: what kind of refusal, a detail a
 * person can act on, the offending places (fields, or files and lines of a bundle) and response
 * headers the client needs (the current offset of an upload). The API maps it to a problem document
 * once, at the edge. Never a fault: faults stay ordinary exceptions.
 */
public final class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of refusal; each maps to one problem type and HTTP status. */
  public enum Kind {
    /** No such thing, or not the caller's. */
    NOT_FOUND,
    /** The caller may not do this. */
    FORBIDDEN,
    /** The request is malformed. */
    INVALID,
    /** A hardware profile the hub does not know. */
    UNKNOWN_PROFILE,
    /** The revision fails validation: its manifest, its signatures or its programs. */
    INVALID_REVISION,
    /** A signature by a known key does not verify. */
    BAD_SIGNATURE,
    /** The key is not registered to the caller, or the root does not name it. */
    UNKNOWN_KEY,
    /** Uploaded bytes do not match what was announced or what the manifest says. */
    ARTIFACT_MISMATCH,
    /** Larger than the hub accepts. */
    TOO_LARGE,
    /** Refused in the resource's current state. */
    CONFLICT,
    /** A chunk does not start where the upload stands. */
    UPLOAD_OFFSET,
    /** The maintainers' quorum has not signed. */
    QUORUM_NOT_MET,
    /** New root metadata does not follow the trusted one. */
    BROKEN_ROOT_CHAIN,
    /** A byte range outside the artifact. */
    RANGE_NOT_SATISFIABLE,
    /** A part the catalog needs is not wired on this hub. */
    UNAVAILABLE
  }

  /**
   * One offending place.
   *
   * @param where a JSON pointer into the request, or {@code file:line:column} in a bundle
   * @param detail what is wrong there
   */
  public record Issue(String where, String detail) {}

  private final Kind kind;
  private final transient List<Issue> issues;
  private final transient Map<String, String> headers;

  public CatalogException(
      Kind kind, String detail, List<Issue> issues, Map<String, String> headers) {
    super(detail, null, false, false);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.issues = List.copyOf(issues);
    this.headers = Map.copyOf(headers);
  }

  public CatalogException(Kind kind, String detail) {
    this(kind, detail, List.of(), Map.of());
  }

  public static CatalogException notFound(String detail) {
    return new CatalogException(Kind.NOT_FOUND, detail);
  }

  public static CatalogException invalid(String pointer, String problem) {
    return new CatalogException(
        Kind.INVALID,
        pointer.isEmpty() ? problem : pointer + ": " + problem,
        List.of(new Issue(pointer, problem)),
        Map.of());
  }

  public static CatalogException conflict(String detail) {
    return new CatalogException(Kind.CONFLICT, detail);
  }

  public Kind kind() {
    return kind;
  }

  public String detail() {
    return getMessage();
  }

  public List<Issue> issues() {
    return issues;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
