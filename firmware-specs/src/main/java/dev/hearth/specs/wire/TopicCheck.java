package dev.hearth.specs.wire;

import java.util.Objects;
import java.util.Optional;

/** The outcome of parsing a topic or path, or of an ACL check: the topic, or why not. */
public sealed interface TopicCheck permits TopicCheck.Accepted, TopicCheck.Refused {

  /** The topic parsed (and, for ACL checks, the device may use it). */
  record Accepted(Topic topic) implements TopicCheck {
    public Accepted {
      Objects.requireNonNull(topic, "topic");
    }
  }

  /** Refused; {@code message} is fit for a log line and quotes the offending input. */
  record Refused(TopicProblem problem, String message) implements TopicCheck {
    public Refused {
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(message, "message");
    }
  }

  default boolean isAccepted() {
    return this instanceof Accepted;
  }

  /** The accepted topic, empty when refused. */
  default Optional<Topic> accepted() {
    return this instanceof Accepted a ? Optional.of(a.topic()) : Optional.empty();
  }

  /** The problem, empty when accepted. */
  default Optional<TopicProblem> refusal() {
    return this instanceof Refused r ? Optional.of(r.problem()) : Optional.empty();
  }
}
