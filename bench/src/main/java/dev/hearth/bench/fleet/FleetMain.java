package dev.hearth.bench.fleet;

import dev.hearth.bench.enroll.HubDevices;
import dev.hearth.bench.enroll.OwnerSession;
import dev.hearth.bench.wire.IdleConfig;
import dev.hearth.bench.wire.IdleResult;
import dev.hearth.bench.wire.WireSessions;
import dev.hearth.hardware.profile.ProfileRef;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hearth-fleet}: N simulated devices against a hub or a plain MQTT broker. In {@code
 * telemetry} mode each device runs the agent's real link and sends QoS 1 telemetry; the report
 * gives the acknowledged rate and PUBACK latency percentiles. In {@code idle} mode each device only
 * holds an idle session (B2).
 */
@Command(
    name = "hearth-fleet",
    mixinStandardHelpOptions = true,
    version = "hearth-fleet 0.1.0",
    sortOptions = false,
    description = {
      "Simulated Hearth devices: the agent's real link code (HubLink, its outbox, Paho) over an"
          + " appliance that replays recorded readings.",
      "Against a hub, devices enroll with owner-issued claim codes (the owner's login is needed"
          + " once; enrollments are kept under --state for later runs).",
      "Example: hearth-fleet --hub http://hub:8080 --owner-email me@example.org"
          + " --owner-password-env PW --devices 5000 --rate-per-device 1 --duration 60s"
    })
public final class FleetMain implements Callable<Integer> {

  /** What the devices talk to. */
  static final class Target {
    @Option(
        names = "--hub",
        paramLabel = "URL",
        description = "A Hearth hub's base URL, e.g. http://127.0.0.1:8080.")
    URI hub;

    @Option(
        names = "--broker",
        paramLabel = "URI",
        description = "A plain MQTT broker, e.g. tcp://127.0.0.1:1883 (no enrollment).")
    URI broker;
  }

  /** What each device does. */
  enum Mode {
    telemetry,
    idle
  }

  /** What simulates the devices in telemetry mode. */
  enum Driver {
    link,
    wire
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(
      names = "--mode",
      description = "telemetry (default) or idle: ${COMPLETION-CANDIDATES}.",
      defaultValue = "telemetry")
  Mode mode;

  @Option(
      names = "--driver",
      description =
          "Telemetry mode: link (default: the agent's HubLink per device) or wire (one selector"
              + " thread for all devices, the agent's wire codec and window; for saturation).",
      defaultValue = "link")
  Driver driver;

  @Option(
      names = "--devices",
      paramLabel = "N",
      description = "Devices (default: ${DEFAULT-VALUE}).")
  int devices = FleetConfig.DEFAULT_DEVICES;

  @Option(
      names = "--rate-per-device",
      paramLabel = "R",
      description =
          "Telemetry batches (one ~100-byte sample each) per device per second (default:"
              + " ${DEFAULT-VALUE}; at most 50, the hub's per-device limit).")
  double ratePerDevice = FleetConfig.DEFAULT_RATE_PER_DEVICE;

  @Option(
      names = "--connect-rate",
      paramLabel = "N",
      description = "Devices that start connecting per second (default: 200; idle mode: 500).")
  Integer connectRate;

  @Option(
      names = "--warmup",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Running time before measuring, once all are online (default: 5s).")
  Duration warmup = FleetConfig.DEFAULT_WARMUP;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Measurement time (default: 20s).")
  Duration duration = FleetConfig.DEFAULT_DURATION;

  @Option(
      names = "--hold",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Idle mode: how long the sessions stay up once all are ready (default: 30s).")
  Duration hold = IdleConfig.DEFAULT_HOLD;

  @Option(
      names = "--ready-file",
      paramLabel = "FILE",
      description = "Idle mode: written once every session is ready.")
  Path readyFile;

  @Option(
      names = "--connect-patience",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long all devices may take to come online (default: 2m; idle: 5m).")
  Duration connectPatience;

  @Option(
      names = "--keep-alive",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "MQTT keep-alive (default: 30s, the agent's).")
  Duration keepAlive = FleetConfig.DEFAULT_KEEP_ALIVE;

  @Option(
      names = "--outbox-dir",
      paramLabel = "DIR",
      description = "Where the devices' outboxes go (default: /dev/shm/hearth-fleet).")
  Path outboxDir = FleetConfig.defaultOutboxRoot();

  @Option(
      names = "--state",
      paramLabel = "DIR",
      description = "Hub mode: where device enrollments are kept (default: ${DEFAULT-VALUE}).")
  Path state = Path.of("fleet-state");

  @Option(names = "--owner-email", paramLabel = "EMAIL", description = "Hub mode: the owner.")
  String ownerEmail;

  @Option(
      names = "--owner-password-env",
      paramLabel = "VAR",
      description = "Hub mode: environment variable holding the owner's password.")
  String ownerPasswordEnv;

  @Option(
      names = "--owner-password-file",
      paramLabel = "FILE",
      description = "Hub mode: file holding the owner's password.")
  Path ownerPasswordFile;

  @Option(
      names = "--mqtt-uri",
      paramLabel = "URI",
      description = "Hub mode: connect here instead of where the hub's enrollment points.")
  URI mqttUri;

  @Option(
      names = "--prefix",
      paramLabel = "ID",
      description = "Broker mode: device id prefix (default: fleet-<pid>).")
  String prefix;

  @Option(
      names = "--label",
      paramLabel = "TEXT",
      description = "Name of the target in the report (default: the URL).")
  String label;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new FleetMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    DeviceSource source = source();
    String name = label != null ? label : source.describe();
    if (mode == Mode.idle) {
      IdleConfig config =
          new IdleConfig(
              connectRate == null ? IdleConfig.DEFAULT_CONNECT_RATE : connectRate,
              keepAlive,
              IdleConfig.DEFAULT_SESSION_EXPIRY,
              hold,
              connectPatience == null ? IdleConfig.DEFAULT_CONNECT_PATIENCE : connectPatience,
              readyFile);
      IdleResult result;
      try (WireSessions sessions = wire(source.logins(devices), config.sessionExpiry())) {
        result = sessions.idle(config, name);
      }
      out.print(result.table());
      out.println(result.keyValues());
      out.flush();
      return result.failed() == 0 ? 0 : 1;
    }
    FleetConfig config =
        new FleetConfig(
            devices,
            ratePerDevice,
            connectRate == null ? FleetConfig.DEFAULT_CONNECT_RATE : connectRate,
            warmup,
            duration,
            connectPatience == null ? FleetConfig.DEFAULT_CONNECT_PATIENCE : connectPatience,
            outboxDir,
            FleetConfig.DEFAULT_OUTBOX_BYTES,
            keepAlive);
    FleetResult result;
    if (driver == Driver.wire) {
      try (WireSessions sessions =
          wire(source.logins(devices), IdleConfig.DEFAULT_SESSION_EXPIRY)) {
        result = sessions.telemetry(config, name);
      }
    } else {
      result = new Fleet(config, named(source, name), System.err).run();
    }
    out.print(result.table());
    out.println(result.keyValues());
    out.flush();
    return 0;
  }

  private WireSessions wire(List<DeviceLogin> logins, Duration sessionExpiry) throws IOException {
    return new WireSessions(
        logins, ProfileRef.parse(Fleet.PROFILE), keepAlive, sessionExpiry, System.err);
  }

  private DeviceSource source() {
    if (target.broker != null) {
      return new BrokerDevices(
          target.broker, prefix != null ? prefix : "fleet-" + ProcessHandle.current().pid());
    }
    return new HubDevices(
        target.hub,
        () -> OwnerSession.login(target.hub, requireOwner(), ownerPassword()),
        state,
        ProfileRef.parse(Fleet.PROFILE),
        Optional.ofNullable(mqttUri),
        System.err);
  }

  private String requireOwner() {
    if (ownerEmail == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "devices not yet enrolled under " + state + " need an owner: give --owner-email");
    }
    return ownerEmail;
  }

  private String ownerPassword() {
    try {
      if (ownerPasswordFile != null) {
        return Files.readString(ownerPasswordFile, StandardCharsets.UTF_8).strip();
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read --owner-password-file: " + e, e);
    }
    String value = ownerPasswordEnv == null ? null : System.getenv(ownerPasswordEnv);
    if (value == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "give the owner's password with --owner-password-env VAR or --owner-password-file FILE");
    }
    return value;
  }

  private static DeviceSource named(DeviceSource source, String name) {
    return new DeviceSource() {
      @Override
      public List<DeviceLogin> logins(int count) {
        return source.logins(count);
      }

      @Override
      public String describe() {
        return name;
      }
    };
  }
}
