package dev.hearth.hardware.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.hardware.condition.ExpressionCompiler;
import dev.hearth.hardware.condition.ExpressionParser;
import dev.hearth.hardware.condition.Type;
import dev.hearth.hardware.condition.TypeChecker;
import dev.hearth.hardware.profile.ProfileDocument.AddressDoc;
import dev.hearth.hardware.profile.ProfileDocument.ChannelDoc;
import dev.hearth.hardware.sim.PlantModels;
import dev.hearth.hardware.source.DocumentBinder;
import dev.hearth.hardware.source.LocatedTree;
import dev.hearth.hardware.source.LocatedTreeReader;
import dev.hearth.hardware.source.Problem;
import dev.hearth.hardware.source.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loads {@code profile.yaml} and validates it completely: every problem is reported at once, each
 * with file, line and field.
 */
public final class ProfileLoader {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,47}");

  private ProfileLoader() {}

  /** The outcome of loading: a profile, or the problems that stop it from being one. */
  public sealed interface Result permits Loaded, Invalid {}

  /** A valid profile. */
  public record Loaded(Profile profile) implements Result {}

  /** Not a valid profile; {@code problems} is never empty. */
  public record Invalid(List<Problem> problems) implements Result {
    /** All problems, one per line, for people. */
    public String describe() {
      StringBuilder out = new StringBuilder();
      problems.forEach(p -> out.append(p).append('\n'));
      return out.toString();
    }
  }

  /** Loads a profile file from disk. */
  public static Result load(Path file) {
    try {
      return load(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Loads profile text; {@code file} names it in problems. */
  public static Result load(String file, String text) {
    LocatedTreeReader.Result read = LocatedTreeReader.read(file, text);
    if (read instanceof LocatedTreeReader.Unreadable u) {
      return new Invalid(List.of(u.problem()));
    }
    LocatedTree tree = ((LocatedTreeReader.Read) read).tree();
    Problems problems = new Problems(tree);
    Optional<ProfileDocument> doc = DocumentBinder.bind(tree, ProfileDocument.class, problems);
    if (doc.isEmpty()) {
      return new Invalid(problems.list());
    }
    Profile profile = new Compiler(doc.get(), problems).compile();
    return problems.isEmpty() ? new Loaded(profile) : new Invalid(problems.list());
  }

  /** Turns a bound document into a profile, recording every problem it finds. */
  private static final class Compiler {
    private final ProfileDocument doc;
    private final Problems problems;
    private final Map<String, Channel> channels = new LinkedHashMap<>();

    Compiler(ProfileDocument doc, Problems problems) {
      this.doc = doc;
      this.problems = problems;
    }

    Profile compile() {
      ProfileRef ref = ref();
      require("/name", doc.name());
      require("/board", doc.board());
      compileChannels();
      TypeChecker checker = new TypeChecker(channelTypes(), Map.of());
      ExpressionCompiler expressions = new ExpressionCompiler(checker, problems);
      List<Capability> capabilities =
          new CapabilityCompiler(channels, problems).compile(doc.capabilities());
      Interlocks interlocks =
          new InterlockCompiler(channels, problems, expressions).compile(doc.interlocks());
      TelemetryPlan telemetry = telemetry();
      SimulationSpec simulation = simulation();
      boolean remoteStart = doc.remote() != null && Boolean.TRUE.equals(doc.remote().start());
      return new Profile(
          ref,
          doc.name(),
          doc.description() == null ? "" : doc.description(),
          doc.board(),
          remoteStart,
          new ArrayList<>(channels.values()),
          capabilities,
          interlocks,
          telemetry,
          simulation);
    }

    private ProfileRef ref() {
      if (doc.id() == null || doc.revision() == null) {
        problems.add(doc.id() == null ? "/id" : "/revision", "is required");
        return new ProfileRef("invalid", 1);
      }
      try {
        return new ProfileRef(doc.id(), doc.revision());
      } catch (IllegalArgumentException e) {
        problems.add("/id", e.getMessage());
        return new ProfileRef("invalid", 1);
      }
    }

    private void require(String pointer, Object value) {
      if (value == null) {
        problems.add(pointer, "is required");
      }
    }

    private Map<String, Type> channelTypes() {
      Map<String, Type> types = new HashMap<>();
      channels.values().forEach(c -> types.put(c.name(), c.kind().type()));
      return types;
    }

    private void compileChannels() {
      if (doc.channels() == null || doc.channels().isEmpty()) {
        problems.add("/channels", "a profile needs at least one channel");
        return;
      }
      Map<String, String> pins = new HashMap<>();
      for (int i = 0; i < doc.channels().size(); i++) {
        channel("/channels/" + i, doc.channels().get(i), pins)
            .ifPresent(
                c -> {
                  if (channels.putIfAbsent(c.name(), c) != null) {
                    problems.add("/channels", "channel '" + c.name() + "' is declared twice");
                  }
                });
      }
    }

    private Optional<Channel> channel(String at, ChannelDoc c, Map<String, String> pins) {
      if (c.name() == null || !NAME.matcher(c.name()).matches()) {
        problems.add(at + "/name", "'" + c.name() + "' must be lower_snake_case, e.g. water_level");
      }
      ChannelKind kind = null;
      try {
        kind = ChannelKind.of(c.kind());
      } catch (IllegalArgumentException e) {
        problems.add(at + "/kind", e.getMessage());
      }
      if (kind == null || c.name() == null || !NAME.matcher(c.name()).matches()) {
        return Optional.empty();
      }
      Range range = range(at + "/range", c.range(), !kind.isDigital());
      ChannelAddress address = address(at + "/address", kind, c.address(), pins, c.name());
      double safe = safe(at + "/safe", kind, c.safe(), range);
      String unit = c.unit() == null ? "" : c.unit();
      if (!kind.isDigital() && unit.isEmpty()) {
        problems.add(at + "/unit", "numeric channels need a unit, e.g. L, °C or rpm");
      }
      // A channel with problems still joins the table, so references to it do not cascade into
      // a second wave of "unknown channel" reports; the profile as a whole stays invalid.
      return Optional.of(
          new Channel(
              c.name(),
              kind,
              address,
              unit,
              range,
              safe,
              c.description() == null ? "" : c.description()));
    }

    private Range range(String at, List<Double> values, boolean required) {
      if (values == null) {
        if (required) {
          problems.add(at, "numeric channels need a range: [min, max]");
        }
        return null;
      }
      if (!required) {
        problems.add(at, "digital channels have no range; remove it");
        return null;
      }
      if (values.size() != 2) {
        problems.add(at, "write the range as [min, max]");
        return null;
      }
      try {
        return new Range(values.get(0), values.get(1));
      } catch (IllegalArgumentException e) {
        problems.add(at, e.getMessage());
        return null;
      }
    }

    private double safe(String at, ChannelKind kind, JsonNode safe, Range range) {
      if (!kind.isOutput()) {
        if (safe != null) {
          problems.add(at, "inputs have no safe state; remove it");
        }
        return Double.NaN;
      }
      if (safe == null) {
        problems.add(at, "every output needs the state it falls back to, e.g. safe: false");
        return 0.0;
      }
      if (kind.isDigital()) {
        if (!safe.isBoolean()) {
          problems.add(at, "a digital output's safe state is true or false");
          return 0.0;
        }
        return safe.booleanValue() ? 1.0 : 0.0;
      }
      if (!safe.isNumber() || (range != null && !range.contains(safe.doubleValue()))) {
        problems.add(at, "the safe state must be a number within the range " + range);
        return 0.0;
      }
      return safe.doubleValue();
    }

    private ChannelAddress address(
        String at, ChannelKind kind, AddressDoc a, Map<String, String> pins, String name) {
      if (a == null) {
        problems.add(at, "is required: where Pi4J finds this channel");
        return null;
      }
      boolean gpioKind = kind != ChannelKind.I2C_IN && kind != ChannelKind.SPI_IN;
      if (gpioKind) {
        if (a.gpio() == null || a.gpio() < 0 || a.gpio() > 27) {
          problems.add(at + "/gpio", "needs a BCM GPIO number from 0 to 27");
        } else {
          String other = pins.putIfAbsent("gpio" + a.gpio(), name);
          if (other != null) {
            problems.add(at + "/gpio", "GPIO" + a.gpio() + " is already used by '" + other + "'");
          }
        }
      }
      if (kind == ChannelKind.PWM_OUT && (a.frequency() == null || a.frequency() < 1)) {
        problems.add(at + "/frequency", "PWM outputs need a frequency in Hz");
      }
      if (kind == ChannelKind.I2C_IN) {
        if (a.bus() == null || a.device() == null || a.register() == null) {
          problems.add(at, "I2C inputs need bus, device and register");
        } else if (a.device() < 0x03 || a.device() > 0x77) {
          problems.add(at + "/device", "a 7-bit I2C address is 0x03 to 0x77");
        } else {
          String key = "i2c" + a.bus() + ":" + a.device() + ":" + a.register();
          String other = pins.putIfAbsent(key, name);
          if (other != null) {
            problems.add(at + "/register", "this register is already read by '" + other + "'");
          }
        }
      }
      if (kind == ChannelKind.SPI_IN && (a.bus() == null || a.register() == null)) {
        problems.add(at, "SPI inputs need bus (chip select) and register (ADC channel)");
      }
      if (kind == ChannelKind.PULSE_IN && (a.unitsPerHz() == null || a.unitsPerHz() <= 0)) {
        problems.add(
            at + "/unitsPerHz", "pulse inputs need unitsPerHz: units per pulse per second");
      }
      if (a.pull() != null && !List.of("up", "down", "none").contains(a.pull())) {
        problems.add(at + "/pull", "pull is up, down or none");
      }
      Range raw = null;
      if (kind == ChannelKind.I2C_IN || kind == ChannelKind.SPI_IN) {
        raw = range(at + "/raw", a.raw(), true);
      }
      return new ChannelAddress(
          a.gpio(),
          a.pull(),
          a.activeLow(),
          a.frequency(),
          a.bus(),
          a.device(),
          a.register(),
          raw,
          a.unitsPerHz());
    }

    private TelemetryPlan telemetry() {
      var t = doc.telemetry();
      if (t == null) {
        problems.add("/telemetry", "is required: sample, send and channels");
        return new TelemetryPlan(1, 5, List.of());
      }
      double sample =
          ExpressionCompiler.duration(t.sample(), problems, "/telemetry/sample").orElse(1.0);
      double send = ExpressionCompiler.duration(t.send(), problems, "/telemetry/send").orElse(5.0);
      if (send < sample) {
        problems.add("/telemetry/send", "must not be shorter than sample");
      }
      List<String> names = t.channels() == null ? List.copyOf(channels.keySet()) : t.channels();
      for (int i = 0; i < names.size(); i++) {
        if (!channels.containsKey(names.get(i))) {
          problems.add("/telemetry/channels/" + i, "unknown channel '" + names.get(i) + "'");
        }
      }
      return new TelemetryPlan(sample, send, names);
    }

    private SimulationSpec simulation() {
      var s = doc.simulation();
      if (s == null || s.model() == null) {
        problems.add("/simulation", "is required: the physics model that simulates this profile");
        return new SimulationSpec("none", Map.of(), Map.of());
      }
      Map<String, String> bindings = s.bindings() == null ? Map.of() : s.bindings();
      bindings.forEach(
          (role, channel) -> {
            if (!channels.containsKey(channel)) {
              problems.add("/simulation/bindings/" + role, "unknown channel '" + channel + "'");
            }
          });
      // A copy that keeps null values (`heaterWatts:` without a value): the check reports them.
      SimulationSpec spec =
          new SimulationSpec(
              s.model(),
              Map.copyOf(bindings),
              Collections.unmodifiableMap(
                  s.params() == null ? Map.of() : new HashMap<>(s.params())));
      PlantModels.check(spec, channels, problems::add); // model, role bindings, parameters
      return spec;
    }
  }

  /** True when {@code text} parses as an expression; used to tell literals from expressions. */
  static boolean isExpression(String text) {
    return ExpressionParser.parse(text) instanceof ExpressionParser.Parsed;
  }
}
