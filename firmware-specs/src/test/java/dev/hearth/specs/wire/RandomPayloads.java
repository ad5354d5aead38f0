package dev.hearth.specs.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.ProfileRef;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Valid payloads drawn from a seeded generator, covering edge values of every field. */
final class RandomPayloads {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String NAME_START = "abcxyzABCXYZ";
  private static final String NAME_REST = "abcz0129_.-XYZ";
  private static final String TEXT = "aZ09 -_.:/é€ü\n\t\"\\😀日本";

  private final Random random;

  RandomPayloads(Random random) {
    this.random = random;
  }

  WirePayload any() {
    return of(TopicKind.values()[random.nextInt(TopicKind.values().length)]);
  }

  WirePayload of(TopicKind kind) {
    return switch (kind) {
      case STATUS -> status();
      case TELEMETRY -> telemetry();
      case STATE -> state();
      case EVENTS -> event();
      case COMMANDS -> command();
      case COMMAND_RESULT -> commandResult();
      case UPDATE -> updateOffer();
    };
  }

  Status status() {
    return new Status(
        pick(Status.Presence.values()),
        version(),
        random.nextBoolean() ? null : new Status.Firmware(label(), version()),
        new ProfileRef(
            random.nextBoolean() ? "open-washer" : "open-microwave", 1 + random.nextInt(3)),
        millis());
  }

  TelemetryBatch telemetry() {
    var samples = new ArrayList<TelemetryBatch.Sample>();
    for (int i = random.nextInt(6); i > 0; i--) {
      samples.add(new TelemetryBatch.Sample(millis(), numbers(5)));
    }
    return new TelemetryBatch(nonNegative(), samples, random.nextInt(3) == 0 ? nonNegative() : 0);
  }

  StateReport state() {
    var tripped = new LinkedHashSet<String>();
    for (int i = random.nextInt(4); i > 0; i--) {
      tripped.add(name());
    }
    return new StateReport(
        millis(),
        nonNegative(),
        pick(StateReport.Phase.values()),
        random.nextBoolean() ? null : label(),
        random.nextBoolean() ? null : label(),
        random.nextBoolean() ? null : nonNegative(),
        pick(StateReport.Door.values()),
        pick(StateReport.Lock.values()),
        List.copyOf(tripped),
        numbers(6));
  }

  Event event() {
    String type =
        random.nextBoolean()
            ? pick(EventType.values()).wireName()
            : "x" + name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
    return new Event(
        nonNegative(), millis(), type, pick(Event.Severity.values()), text(200), json(3));
  }

  Command command() {
    String name =
        random.nextBoolean()
            ? pick(CommandName.values()).wireName()
            : "custom-" + random.nextInt(99);
    return new Command(id(), name, json(3));
  }

  CommandResult commandResult() {
    return new CommandResult(id(), pick(CommandResult.Outcome.values()), text(300));
  }

  UpdateOffer updateOffer() {
    var urls = new ArrayList<URI>();
    String[] schemes = {"https", "http", "coaps", "coap"};
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      urls.add(
          URI.create(
              pick(schemes)
                  + "://host"
                  + random.nextInt(9)
                  + ".example:"
                  + (1 + random.nextInt(65535))
                  + "/a/"
                  + id()));
    }
    ObjectNode manifest = NODES.objectNode();
    manifest.set("signed", json(4));
    manifest.putArray("signatures").addObject().put("keyid", id()).put("sig", id());
    return new UpdateOffer(id(), random.nextBoolean() ? null : id(), manifest, urls, millis());
  }

  /** A free-form object nested at most {@code depth} levels, with every JSON value type. */
  ObjectNode json(int depth) {
    ObjectNode o = NODES.objectNode();
    for (int i = random.nextInt(4); i > 0; i--) {
      o.set(text(12), value(depth - 1));
    }
    return o;
  }

  private JsonNode value(int depth) {
    int choice = random.nextInt(depth > 0 ? 9 : 7);
    return switch (choice) {
      case 0 -> NODES.textNode(text(30));
      case 1 -> NODES.numberNode(random.nextLong());
      case 2 -> NODES.numberNode(random.nextInt());
      case 3 -> NODES.numberNode(finiteDouble());
      case 4 -> NODES.booleanNode(random.nextBoolean());
      case 5 -> NODES.nullNode();
      case 6 -> NODES.numberNode(new java.math.BigInteger(100, random));
      case 7 -> json(depth);
      default -> {
        ArrayNode a = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          a.add(value(depth - 1));
        }
        yield a;
      }
    };
  }

  private Map<String, Double> numbers(int max) {
    var map = new TreeMap<String, Double>();
    for (int i = random.nextInt(max + 1); i > 0; i--) {
      map.put(name(), finiteDouble());
    }
    return map;
  }

  private double finiteDouble() {
    return switch (random.nextInt(7)) {
      case 0 -> 0.0;
      case 1 -> -0.0;
      case 2 -> random.nextInt(2);
      case 3 -> Double.MAX_VALUE * (random.nextBoolean() ? 1 : -1);
      case 4 -> Double.MIN_VALUE;
      case 5 -> (double) random.nextLong();
      default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20) - 10);
    };
  }

  private long millis() {
    return random.nextInt(4) == 0
        ? pick(new Long[] {0L, Check.MAX_EPOCH_MILLIS})
        : Payloads.TS + random.nextInt(1_000_000);
  }

  private long nonNegative() {
    return random.nextInt(4) == 0 ? Long.MAX_VALUE : random.nextInt(100_000);
  }

  private String name() {
    var sb = new StringBuilder().append(NAME_START.charAt(random.nextInt(NAME_START.length())));
    for (int i = random.nextInt(12); i > 0; i--) {
      sb.append(NAME_REST.charAt(random.nextInt(NAME_REST.length())));
    }
    return sb.toString();
  }

  private String id() {
    return "id-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
  }

  private String version() {
    return random.nextInt(5)
        + "."
        + random.nextInt(20)
        + "."
        + random.nextInt(99)
        + (random.nextBoolean() ? "" : "-rc." + random.nextInt(9));
  }

  private String label() {
    return "L" + text(20).replaceAll("\\p{Cntrl}", "");
  }

  private String text(int max) {
    var sb = new StringBuilder();
    int n = random.nextInt(max + 1);
    while (sb.length() < n) {
      int cp =
          TEXT.codePointAt(
              TEXT.offsetByCodePoints(0, random.nextInt(TEXT.codePointCount(0, TEXT.length()))));
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  @SafeVarargs
  private <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }
}
