package dev.hearth.specs.wire;

/**
 * The device's answer to a {@link Command}, on {@code commands/result}.
 *
 * @param id the command's id
 * @param status how it went
 * @param message why, for a person; may be empty for {@code ok}
 */
public record CommandResult(String id, Outcome status, String message) implements WirePayload {

  /** How a command went. */
  public enum Outcome implements WireEnum {
    /** Done. */
    OK("ok"),
    /** Could not be carried out: unknown command, bad arguments, hardware failure. */
    ERROR("error"),
    /** Understood but not allowed now, e.g. by an interlock or the appliance's phase. */
    REFUSED("refused");

    private final String wireName;

    Outcome(String wireName) {
      this.wireName = wireName;
    }

    @Override
    public String wireName() {
      return wireName;
    }
  }

  public CommandResult {
    Check.matches(id, Check.ID, "id", "an id (letters, digits, . _ : -; at most 64)");
    Check.present(status, "status");
    Check.message(message, "message");
  }

  @Override
  public TopicKind topicKind() {
    return TopicKind.COMMAND_RESULT;
  }
}
