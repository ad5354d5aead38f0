package dev.hearth.hub.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one exception the API throws for a request it will not serve; {@link ProblemHandler} turns it
 * into a problem document at the edge. Never logged with a stack trace: it is an answer, not a
 * fault.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ProblemType type;
  private final transient List<FieldError> errors;
  private final transient Map<String, String> headers;

  /**
   * A problem of {@code type}.
   *
   * @param detail what happened, for a person; never internal state
   * @param errors the offending fields, may be empty
   * @param headers extra response headers, e.g. {@code Retry-After}
   */
  public ApiException(
      ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {
    super(detail, null, false, false);
    this.type = Objects.requireNonNull(type, "type");
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  public ApiException(ProblemType type, String detail) {
    this(type, detail, List.of(), Map.of());
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(ProblemType.BAD_REQUEST, detail);
  }

  /**
   * A request whose field at {@code pointer} (RFC 6901, in the body or a query parameter) is wrong.
   */
  public static ApiException invalidField(String pointer, String problem) {
    return new ApiException(
        ProblemType.BAD_REQUEST,
        pointer.isEmpty() ? problem : pointer + ": " + problem,
        List.of(new FieldError(pointer, problem)),
        Map.of());
  }

  public static ApiException notFound(String detail) {
    return new ApiException(ProblemType.NOT_FOUND, detail);
  }

  public static ApiException unauthorized() {
    return new ApiException(
        ProblemType.UNAUTHORIZED,
        "log in and send the session cookie or an 'Authorization: Bearer' token",
        List.of(),
        Map.of("WWW-Authenticate", "Bearer realm=\"hearth\""));
  }

  /** Refused for now; {@code Retry-After} says when to try again. */
  public static ApiException tooManyRequests(Duration retryAfter, String detail) {
    return new ApiException(
        ProblemType.TOO_MANY_REQUESTS,
        detail,
        List.of(),
        Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds()))));
  }

  public ProblemType type() {
    return type;
  }

  public String detail() {
    return getMessage();
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /**
   * One offending field.
   *
   * @param pointer where: a JSON pointer into the body, or {@code ?name} for a query parameter
   * @param detail what is wrong
   */
  public record FieldError(String pointer, String detail) {}
}
