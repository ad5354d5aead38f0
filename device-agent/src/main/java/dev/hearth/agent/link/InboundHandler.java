package dev.hearth.agent.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hearth.agent.runtime.Appliance;
import dev.hearth.agent.runtime.ApplianceEvent;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.Decoded;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.TopicKind;
import dev.hearth.specs.wire.UpdateOffer;
import dev.hearth.specs.wire.WireCodec;
import dev.hearth.specs.wire.WireError;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the hub sends: {@code commands} and {@code update} payloads in, results and events out, as
 * values. A payload that does not decode changes nothing: it yields a {@code payload-error} event
 * and, for a command whose {@code id} can still be read, an {@code error} result so the hub is not
 * left waiting.
 */
final class InboundHandler {

  /** Results remembered, to answer a redelivered command without running it twice. */
  static final int REMEMBERED_COMMANDS = 256;

  private static final Logger log = LoggerFactory.getLogger(InboundHandler.class);
  private static final int MAX_MESSAGE = 1024;

  /**
   * What to publish in answer.
   *
   * @param result the command result, if any
   * @param events events to queue
   */
  record Outcome(Optional<CommandResult> result, List<ApplianceEvent> events) {
    static final Outcome NOTHING = new Outcome(Optional.empty(), List.of());
  }

  private final Appliance appliance;
  private final UpdateOffers offers;
  private final WireCodec codec;
  private final LongSupplier clock;
  private final JsonMapper lenient = JsonMapper.builder().build();
  private final Map<String, CommandResult> answered =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CommandResult> eldest) {
          return size() > REMEMBERED_COMMANDS;
        }
      };

  InboundHandler(Appliance appliance, UpdateOffers offers, WireCodec codec, LongSupplier clock) {
    this.appliance = appliance;
    this.offers = offers;
    this.codec = codec;
    this.clock = clock;
  }

  /** A {@code commands} payload: run it through the appliance, or reject it. */
  Outcome command(byte[] payload) {
    Decoded<Command> decoded = codec.decode(Command.class, payload);
    if (decoded instanceof Decoded.Rejected<Command> rejected) {
      WireError error = rejected.error();
      log.warn("rejected a commands payload: {}", error);
      Optional<CommandResult> result =
          readableId(payload, error)
              .map(
                  id ->
                      new CommandResult(
                          id, CommandResult.Outcome.ERROR, clip("malformed command: " + error)));
      return new Outcome(result, List.of(payloadError(TopicKind.COMMANDS, error)));
    }
    Command command = decoded.payload().orElseThrow();
    CommandResult earlier = answered.get(command.id());
    if (earlier != null) {
      log.info(
          "command {} was delivered again; answering with its result, not running it again",
          command.id());
      return new Outcome(Optional.of(earlier), List.of());
    }
    CommandResult result = execute(command);
    answered.put(command.id(), result);
    return new Outcome(Optional.of(result), List.of());
  }

  /** An {@code update} payload: hand the offer on, or reject it. */
  Outcome update(byte[] payload) {
    Decoded<UpdateOffer> decoded = codec.decode(UpdateOffer.class, payload);
    if (decoded instanceof Decoded.Rejected<UpdateOffer> rejected) {
      log.warn("rejected an update payload: {}", rejected.error());
      return new Outcome(
          Optional.empty(), List.of(payloadError(TopicKind.UPDATE, rejected.error())));
    }
    UpdateOffer offer = decoded.payload().orElseThrow();
    try {
      offers.offered(offer);
    } catch (RuntimeException e) {
      log.error("the update engine failed on offer {}", offer.offerId(), e);
    }
    return Outcome.NOTHING;
  }

  private CommandResult execute(Command command) {
    CommandResult result;
    try {
      result = appliance.execute(command);
    } catch (RuntimeException e) {
      log.error("command {} ({}) failed in the appliance", command.id(), command.name(), e);
      return new CommandResult(
          command.id(),
          CommandResult.Outcome.ERROR,
          clip(
              "the agent failed to carry out "
                  + command.name()
                  + ": "
                  + e.getClass().getSimpleName()));
    }
    if (result == null) {
      log.error("the appliance returned no result for command {}", command.id());
      return new CommandResult(
          command.id(), CommandResult.Outcome.ERROR, "no result from the appliance");
    }
    if (!result.id().equals(command.id())) {
      return new CommandResult(command.id(), result.status(), result.message());
    }
    return result;
  }

  /**
   * The {@code id} of a rejected command, if the payload is still a JSON object with a valid id.
   * Payloads over the size limit are never parsed.
   */
  private Optional<String> readableId(byte[] payload, WireError error) {
    if (error.code() == WireError.Code.TOO_LARGE) {
      return Optional.empty();
    }
    try {
      JsonNode tree = lenient.readTree(payload);
      JsonNode id = tree == null ? null : tree.get("id");
      if (id == null || !id.isTextual()) {
        return Optional.empty();
      }
      // Building a result checks the id's syntax.
      new CommandResult(id.asText(), CommandResult.Outcome.ERROR, "");
      return Optional.of(id.asText());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private ApplianceEvent payloadError(TopicKind kind, WireError error) {
    Event event = Event.payloadError(0, clock.getAsLong(), kind, error);
    return new ApplianceEvent(
        event.ts(), event.type(), event.severity(), event.message(), event.data());
  }

  private static String clip(String message) {
    if (message.length() <= MAX_MESSAGE) {
      return message;
    }
    int end = MAX_MESSAGE;
    if (Character.isHighSurrogate(message.charAt(end - 1))) {
      end--;
    }
    return message.substring(0, end);
  }
}
