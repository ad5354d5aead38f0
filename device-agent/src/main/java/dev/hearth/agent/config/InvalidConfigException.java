package dev.hearth.agent.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration record was built with values it does not accept. Each violation names the key as
 * it is written in {@code agent.yaml} ({@code link.keepalive}) and says how to fix it.
 *
 * <p>The one exception of this package. {@link AgentConfigLoader} never lets it escape: it turns
 * each violation into a located problem.
 */
public final class InvalidConfigException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public InvalidConfigException(List<Violation> violations) {
    super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }

  /**
   * One bad value.
   *
   * @param key the dotted key as written in {@code agent.yaml}, e.g. {@code link.keepalive}
   * @param message the value and what it must be, e.g. {@code -3 — must be 5..3600 seconds}
   */
  public record Violation(String key, String message) {
    @Override
    public String toString() {
      return key + ": " + message;
    }
  }
}
