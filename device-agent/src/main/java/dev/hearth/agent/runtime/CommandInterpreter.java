package dev.hearth.agent.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.ParamSpec;
import dev.hearth.specs.program.Program;
import dev.hearth.specs.program.ProgramBundle;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.CommandName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@link Command} into a {@link Request}, checking everything that does not depend on the
 * appliance's state: the name, the program, every parameter's name, type and range. What it cannot
 * use becomes {@link Request.Malformed} with a message that says what to send instead.
 *
 * <p>Arguments: {@code start} takes {@code {"program": name, "params": {name: number}}}; {@code
 * stop} and {@code pause} take an optional {@code {"reason": text}}; {@code resume} takes none.
 * Other fields are ignored, as everywhere on the wire.
 */
final class CommandInterpreter {

  private static final int MAX_REASON = 200;

  private CommandInterpreter() {}

  static Request interpret(Command command, ProgramBundle bundle) {
    Optional<CommandName> name = command.knownName();
    if (name.isEmpty()) {
      return new Request.Malformed(
          "unknown command '" + command.name() + "'; this agent takes start, pause, resume, stop");
    }
    ObjectNode args = command.args();
    switch (name.get()) {
      case START:
        return start(args, bundle);
      case STOP:
        return reason(args, "stop")
            .map(r -> (Request) new Request.Stop(r))
            .orElseGet(() -> new Request.Malformed("args.reason of stop must be text"));
      case PAUSE:
        return reason(args, "pause")
            .map(r -> (Request) new Request.Pause(r))
            .orElseGet(() -> new Request.Malformed("args.reason of pause must be text"));
      case RESUME:
        return new Request.Resume();
      default:
        return new Request.Malformed("command '" + command.name() + "' is not handled");
    }
  }

  private static Request start(ObjectNode args, ProgramBundle bundle) {
    JsonNode programNode = args.get("program");
    if (programNode == null || !programNode.isTextual()) {
      return new Request.Malformed(
          "start needs args.program, the name of a program: one of " + names(bundle));
    }
    String programName = programNode.asText();
    Optional<Program> program = bundle.program(programName);
    if (program.isEmpty()) {
      return new Request.Malformed(
          "no program '" + shorten(programName) + "' is installed; installed: " + names(bundle));
    }
    Map<String, Double> params = new LinkedHashMap<>();
    JsonNode paramsNode = args.get("params");
    if (paramsNode != null && !paramsNode.isNull()) {
      if (!paramsNode.isObject()) {
        return new Request.Malformed(
            "args.params must be an object of numbers, e.g. {\"temperature\": 40}");
      }
      Program p = program.get();
      for (Map.Entry<String, JsonNode> e : paramsNode.properties()) {
        ParamSpec spec = p.params().get(e.getKey());
        if (spec == null) {
          return new Request.Malformed(
              p.name()
                  + " has no parameter '"
                  + shorten(e.getKey())
                  + "'; it takes "
                  + p.params().keySet());
        }
        if (!e.getValue().isNumber()) {
          return new Request.Malformed("args.params." + spec.name() + " must be a number");
        }
        double v = e.getValue().asDouble();
        String rejected = spec.reject(v);
        if (rejected != null) {
          return new Request.Malformed(rejected);
        }
        params.put(spec.name(), v);
      }
    }
    return new Request.Start(program.get(), params);
  }

  /** The optional reason text; empty when present but not text. */
  private static Optional<String> reason(ObjectNode args, String command) {
    JsonNode r = args.get("reason");
    if (r == null || r.isNull()) {
      return Optional.of(command + " requested");
    }
    return r.isTextual() ? Optional.of(shorten(r.asText())) : Optional.empty();
  }

  private static String names(ProgramBundle bundle) {
    return bundle.programs().stream().map(Program::name).toList().toString();
  }

  private static String shorten(String text) {
    String oneLine = text.replaceAll("\\p{Cntrl}", " ");
    return oneLine.length() <= MAX_REASON ? oneLine : oneLine.substring(0, MAX_REASON) + "…";
  }
}
