package dev.hearth.agent.enroll;

/**
 * The hub's reason for refusing an enrollment: an RFC 9457 problem document, or what could be made
 * of a response that was not one.
 *
 * @param status the HTTP status
 * @param type the problem type URI, {@code about:blank} when none
 * @param title the short summary
 * @param detail this occurrence, for people; may be empty
 */
public record HubProblem(int status, String type, String title, String detail) {

  /** One paragraph for people: what the hub said and what to do about it. */
  public String describe() {
    StringBuilder s = new StringBuilder("the hub refused (HTTP ").append(status).append("): ");
    s.append(title);
    if (!detail.isBlank() && !detail.equals(title)) {
      s.append(" — ").append(detail);
    }
    String hint = hint();
    if (!hint.isEmpty()) {
      s.append(". ").append(hint);
    }
    return s.toString();
  }

  private String hint() {
    return switch (status) {
      case 404 ->
          "Check the claim code; an owner-issued code expires, so ask the hub for a new one";
      case 409 -> "This code was already used by another board; ask the hub for a new one";
      case 400 ->
          "The hub could not use this request; if the agent is older than the hub, update it";
      case 401, 403 -> "This hub does not accept enrollments from here; check the hub URL";
      default -> "";
    };
  }
}
