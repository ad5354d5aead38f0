package dev.hearth.agent.link;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.StateReport;
import dev.hearth.specs.wire.Status;
import dev.hearth.specs.wire.Topic;
import dev.hearth.specs.wire.TopicKind;
import dev.hearth.specs.wire.WireCodec;
import dev.hearth.specs.wire.WireException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's own MQTT messages outside the outbox, with the topic, QoS and retain flag the wire
 * protocol gives each: status (retained, also the will), state and command results.
 */
final class DeviceMessages {

  private static final Logger log = LoggerFactory.getLogger(DeviceMessages.class);

  private final DeviceId device;
  private final Supplier<AgentIdentity> identity;
  private final ProfileRef profile;
  private volatile AgentIdentity announced;
  private final WireCodec codec;

  DeviceMessages(
      DeviceId device, Supplier<AgentIdentity> identity, ProfileRef profile, WireCodec codec) {
    this.device = device;
    this.identity = identity;
    this.profile = profile;
    this.codec = codec;
  }

  /** The retained status; the offline one, made at connect time, is also the last will. */
  Outgoing status(Status.Presence presence, long now) {
    AgentIdentity current = identity.get();
    if (presence == Status.Presence.ONLINE) {
      announced = current;
    }
    var status = new Status(presence, current.agentVersion(), current.firmware(), profile, now);
    return message(TopicKind.STATUS, codec.encode(status));
  }

  /** The online status again, when what the agent says about itself changed since it last did. */
  Optional<Outgoing> statusIfChanged(long now) {
    AgentIdentity last = announced;
    if (last == null || last.equals(identity.get())) {
      return Optional.empty();
    }
    return Optional.of(status(Status.Presence.ONLINE, now));
  }

  /** The state, or nothing (logged) if the runtime produced one the wire cannot carry. */
  Optional<Outgoing> state(StateReport state) {
    try {
      return Optional.of(message(TopicKind.STATE, codec.encode(state)));
    } catch (WireException e) {
      log.error("state report {} cannot be sent: {}", state.seq(), e.error());
      return Optional.empty();
    }
  }

  Outgoing result(CommandResult result) {
    return message(TopicKind.COMMAND_RESULT, codec.encode(result));
  }

  /** The full topic name of {@code kind} for this device. */
  String topic(TopicKind kind) {
    return new Topic(device, kind).name();
  }

  private Outgoing message(TopicKind kind, byte[] payload) {
    return new Outgoing(topic(kind), payload, kind.defaultQos(), kind.retained());
  }
}
