package dev.hearth.agent.enroll;

import dev.hearth.agent.config.AgentConfig;
import dev.hearth.agent.config.AgentConfigLoader;
import dev.hearth.agent.config.HubUrl;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.enrollment.ClaimCode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hearth-agent enroll}: makes this board known to a hub and stores its credentials and the
 * pinned root metadata. With {@code --claim} it uses a code the owner got from the hub; without, it
 * prints a fresh code, also as a QR code, for the owner to type into the hub, and waits for it.
 * With {@code --first-boot} it does what {@code hearth.yaml} on the boot partition says.
 *
 * <p>Exit status: 0 enrolled (or already enrolled, or no {@code hearth.yaml} with {@code
 * --first-boot}), 1 refused or gave up, 2 bad usage.
 */
@Command(
    name = "enroll",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Enrolls this board with a hub: stores its credentials and the hub's pinned root"
          + " metadata in the state directory.",
      "Without --claim, prints a fresh claim code (and a QR code of it) to type into the hub,"
          + " and waits until the owner has."
    },
    footer = {
      "",
      "Examples:",
      "  sudo hearth-agent enroll --hub https://hub.example.org --claim K7M2-9QXD",
      "  sudo hearth-agent enroll --hub https://hub.example.org --profile open-washer@1"
    })
public final class EnrollCommand implements Callable<Integer> {

  static final int ENROLLED = 0;
  static final int FAILED = 1;
  static final int USAGE = CommandLine.ExitCode.USAGE;

  @Option(
      names = "--hub",
      paramLabel = "<url>",
      description =
          "The hub's address, e.g. https://hub.example.org. Default: hub.url in the config.")
  String hub;

  @Option(
      names = "--claim",
      paramLabel = "<code>",
      description = "A claim code from the hub, e.g. K7M2-9QXD. Without it, one is generated.")
  String claim;

  @Option(
      names = "--profile",
      paramLabel = "<id@rev>",
      description =
          "The appliance's hardware profile, e.g. open-washer@1. Default: profile in the config.")
  String profile;

  @Option(
      names = "--config",
      paramLabel = "<file>",
      description = "Agent configuration. Default: " + "/etc/hearth/agent.yaml, if it exists.")
  Path config;

  @Option(names = "--force", description = "Enroll again, even though this board is enrolled.")
  boolean force;

  @Option(
      names = "--ca-file",
      paramLabel = "<pem>",
      description =
          "Trust only these certificate authorities for the hub. Default: link.tls.caFile.")
  Path caFile;

  @Option(
      names = "--wait",
      paramLabel = "<time>",
      defaultValue = "30m",
      converter = WaitConverter.class,
      description =
          "How long to wait for the hub, e.g. 90s, 30m, 2h. Default: ${DEFAULT-VALUE} (1h with"
              + " --first-boot).")
  Duration wait;

  @Option(
      names = "--first-boot",
      description =
          "Enroll from hearth.yaml on the boot partition, if there is one, and retire it.")
  boolean firstBoot;

  @Option(
      names = "--boot-file",
      paramLabel = "<file>",
      description =
          "Where --first-boot looks. Default: /boot/firmware/hearth.yaml, /boot/hearth.yaml.")
  List<Path> bootFiles;

  @Option(
      names = "--light-terminal",
      description = "Draw the QR code for dark text on a light background.")
  boolean lightTerminal;

  @Spec CommandSpec spec;

  // The world, replaced in tests.
  Path systemRoot = Path.of("/");
  Clock clock = Clock.systemUTC();
  Pause pause = Pause.real();
  RandomGenerator random = new SecureRandom();
  String agentVersion = dev.hearth.agent.AgentVersion.current();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<AgentConfig> loaded = loadConfig(err);
    if (loaded.isEmpty()) {
      return FAILED;
    }
    AgentConfig agentConfig = loaded.get();
    EnrollmentStore store = new EnrollmentStore(agentConfig.stateDir());
    Optional<HardwareId> hardwareId = HardwareId.detect(systemRoot);
    if (hardwareId.isEmpty()) {
      err.println(
          "Cannot tell this board's hardware id: found no serial number (device tree,"
              + " /proc/cpuinfo) and no /etc/machine-id.");
      return FAILED;
    }
    Optional<Path> ca =
        caFile != null ? Optional.of(caFile.toAbsolutePath()) : agentConfig.link().tls().caFile();
    try {
      if (firstBoot) {
        return firstBoot(agentConfig, store, hardwareId.get(), ca, out, err);
      }
      return enroll(agentConfig, store, hardwareId.get(), ca, out, err);
    } catch (UncheckedIOException e) {
      err.println(e.getMessage());
      return FAILED;
    }
  }

  private int enroll(
      AgentConfig agentConfig,
      EnrollmentStore store,
      HardwareId hardwareId,
      Optional<Path> ca,
      PrintWriter out,
      PrintWriter err) {
    if (store.isEnrolled() && !force) {
      out.println(alreadyEnrolled(store));
      return ENROLLED;
    }
    URI hubUrl = hubUrl(agentConfig);
    ProfileRef profileRef = profileRef(agentConfig);
    ClaimCode code;
    if (claim != null) {
      Parsed<ClaimCode> parsed = ClaimCode.parse(claim);
      if (parsed instanceof Parsed.Invalid<ClaimCode> invalid) {
        throw usage("--claim " + claim + ": " + invalid.problem());
      }
      code = parsed.orElseThrow();
    } else {
      code = BoardClaimCode.loadOrCreate(agentConfig.stateDir(), random).code();
      out.println("Claim code for this " + profileRef + ": " + code);
      out.println();
      out.print(
          QrText.render(
              code.value(), lightTerminal ? QrText.Terminal.LIGHT : QrText.Terminal.DARK));
      out.println();
      out.println(
          "Add the appliance in the hub at "
              + hubUrl
              + " and type this code (or scan it). Waiting up to "
              + Enroller.describe(wait)
              + "; Ctrl-C to stop.");
      out.flush();
    }
    Enroller enroller = enroller(hubUrl, ca, store);
    EnrollmentRequest request = new EnrollmentRequest(code, hardwareId, profileRef, agentVersion);
    Enroller.Outcome outcome = enroller.enroll(request, wait, progress(out));
    int exit = report(outcome, store, out, err);
    if (store.isEnrolled()) {
      BoardClaimCode.forget(agentConfig.stateDir());
    }
    return exit;
  }

  private int firstBoot(
      AgentConfig agentConfig,
      EnrollmentStore store,
      HardwareId hardwareId,
      Optional<Path> ca,
      PrintWriter out,
      PrintWriter err) {
    if (hub != null || claim != null || profile != null) {
      throw usage("--first-boot takes hub, claim and profile from hearth.yaml, not from options");
    }
    List<Path> files =
        bootFiles == null || bootFiles.isEmpty() ? FirstBoot.DEFAULT_FILES : bootFiles;
    FirstBoot boot =
        new FirstBoot(
            files,
            agentConfig.profile(),
            store,
            hubUrl -> enroller(hubUrl, ca, store),
            hardwareId,
            agentVersion,
            clock);
    boolean waitGiven = spec.commandLine().getParseResult().hasMatchedOption("--wait");
    FirstBoot.Result result =
        boot.run(waitGiven ? wait : FirstBoot.DEFAULT_PATIENCE, progress(out));
    if (result instanceof FirstBoot.NoFile) {
      out.println("No hearth.yaml in " + files + "; nothing to do.");
      return ENROLLED;
    } else if (result instanceof FirstBoot.AlreadyEnrolled already) {
      out.println(alreadyEnrolled(store) + " Retired the boot file as " + already.done() + ".");
      return ENROLLED;
    } else if (result instanceof FirstBoot.Enrolled enrolled) {
      out.println(enrolledMessage(enrolled.enrollment(), store));
      out.println("Retired the boot file as " + enrolled.done() + " (claim code removed).");
      return ENROLLED;
    } else if (result instanceof FirstBoot.Invalid invalid) {
      err.println(invalid.file() + " cannot be used; fix it and reboot (or run this again):");
      invalid.problems().forEach(p -> err.println("  " + p));
      return FAILED;
    }
    FirstBoot.Failed failed = (FirstBoot.Failed) result;
    err.println("Not enrolled: " + failed.message());
    err.println(failed.file() + " stays in place; it is tried again at the next boot.");
    return FAILED;
  }

  private int report(
      Enroller.Outcome outcome, EnrollmentStore store, PrintWriter out, PrintWriter err) {
    if (outcome instanceof Enroller.Enrolled enrolled) {
      out.println(enrolledMessage(enrolled.enrollment(), store));
      out.println("Start the agent: sudo systemctl restart hearth-agent");
      return ENROLLED;
    }
    String message =
        outcome instanceof Enroller.Refused r ? r.message() : ((Enroller.GaveUp) outcome).message();
    err.println("Not enrolled: " + message);
    return FAILED;
  }

  private Enroller enroller(URI hubUrl, Optional<Path> ca, EnrollmentStore store) {
    EnrollmentEndpoint endpoint = HubEnrollmentClient.create(hubUrl, ca, agentVersion, clock);
    return new Enroller(endpoint, store, clock, pause, random);
  }

  private static Enroller.Progress progress(PrintWriter out) {
    return new Enroller.Progress() {
      private boolean saidPending;

      @Override
      public void pending(Duration nextPoll) {
        if (!saidPending) {
          out.println("The hub knows this board now; waiting for the owner to claim it…");
          out.flush();
          saidPending = true;
        }
      }

      @Override
      public void retrying(String why, Duration wait) {
        out.println(why + "; trying again in " + Enroller.describe(wait) + ".");
        out.flush();
      }
    };
  }

  private Optional<AgentConfig> loadConfig(PrintWriter err) {
    Path file = config;
    if (file == null) {
      if (!Files.exists(AgentConfig.DEFAULT_FILE)) {
        return Optional.of(AgentConfig.DEFAULTS);
      }
      file = AgentConfig.DEFAULT_FILE;
    }
    AgentConfigLoader.Result result = AgentConfigLoader.load(file);
    if (result instanceof AgentConfigLoader.Invalid invalid) {
      err.println("The configuration has problems; fix them and try again:");
      err.println(invalid.describe());
      return Optional.empty();
    }
    return Optional.of(((AgentConfigLoader.Loaded) result).config());
  }

  private URI hubUrl(AgentConfig agentConfig) {
    if (hub == null) {
      return agentConfig
          .hub()
          .url()
          .orElseThrow(
              () ->
                  usage(
                      "Which hub? Pass --hub https://hub.example.org or set hub.url in agent.yaml."));
    }
    HubUrl.Checked checked = HubUrl.parse(hub);
    if (!checked.ok()) {
      throw usage("--hub " + checked.problem());
    }
    return checked.url();
  }

  private ProfileRef profileRef(AgentConfig agentConfig) {
    if (profile == null) {
      return agentConfig
          .profile()
          .orElseThrow(
              () ->
                  usage(
                      "Which appliance? Pass --profile (one of "
                          + shippedProfiles()
                          + ") or set profile in agent.yaml."));
    }
    ProfileRef ref;
    try {
      ref = ProfileRef.parse(profile);
    } catch (IllegalArgumentException e) {
      throw usage("--profile " + e.getMessage());
    }
    if (ShippedProfiles.find(ref.toString()).isEmpty()) {
      throw usage(
          "--profile " + profile + ": no such profile; this agent knows " + shippedProfiles());
    }
    if (agentConfig.profile().isPresent() && !agentConfig.profile().get().equals(ref)) {
      throw usage(
          "--profile "
              + ref
              + " but agent.yaml says "
              + agentConfig.profile().get()
              + "; the agent would drive one and report the other");
    }
    return ref;
  }

  private static String shippedProfiles() {
    return String.join(", ", ShippedProfiles.all().stream().map(p -> p.ref().toString()).toList());
  }

  private static String alreadyEnrolled(EnrollmentStore store) {
    EnrollmentStore.Loaded loaded = store.load();
    if (loaded instanceof EnrollmentStore.Present present) {
      Enrollment e = present.enrollment();
      return "Already enrolled as "
          + e.deviceId()
          + " with "
          + e.hub()
          + " since "
          + e.enrolledAt()
          + "; use --force to enroll again.";
    }
    return "Already enrolled ("
        + store.enrollmentFile()
        + " exists"
        + (loaded instanceof EnrollmentStore.Unusable u ? ", but " + u.why() : "")
        + "); use --force to enroll again.";
  }

  private static String enrolledMessage(Enrollment e, EnrollmentStore store) {
    return "Enrolled as "
        + e.deviceId()
        + " with "
        + e.hub()
        + ".\n  credentials: "
        + store.enrollmentFile()
        + "\n  pinned root: "
        + store.rootFile();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Reads {@code 90s}, {@code 30m}, {@code 2h}. */
  static final class WaitConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern TIME = Pattern.compile("(\\d{1,6})\\s*(s|m|h)");

    @Override
    public Duration convert(String value) {
      Matcher m = TIME.matcher(value.trim());
      if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a time; write e.g. 90s, 30m or 2h");
      }
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
  }
}
