package dev.hearth.specs.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A request from the hub on {@code commands}; the device answers on {@code commands/result} with a
 * {@link CommandResult} carrying the same {@code id}.
 *
 * @param id chosen by the hub, unique per device; the agent ignores a repeated id (QoS 1 may
 *     redeliver)
 * @param name what to do, see {@link CommandName}
 * @param args arguments, defined per command; {@code {}} when none
 */
public record Command(String id, String name, ObjectNode args) implements WirePayload {

  public Command {
    Check.matches(id, Check.ID, "id", "an id (letters, digits, . _ : -; at most 64)");
    Check.matches(name, Check.TOKEN, "name", "a command name (lower-case, digits, '-', '.')");
    args = JsonObjects.copy(args, "args");
  }

  /** A known command without arguments. */
  public Command(String id, CommandName name) {
    this(id, name.wireName(), JsonObjects.empty());
  }

  /** A copy of the arguments. */
  @Override
  public ObjectNode args() {
    return args.deepCopy();
  }

  /** The command, if this protocol version defines it. */
  public Optional<CommandName> knownName() {
    return CommandName.of(name);
  }

  @Override
  public TopicKind topicKind() {
    return TopicKind.COMMANDS;
  }
}
