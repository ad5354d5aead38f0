package dev.hearth.agent.enroll;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.agent.config.HubUrl;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.hardware.source.DocumentBinder;
import dev.hearth.hardware.source.LocatedTree;
import dev.hearth.hardware.source.LocatedTreeReader;
import dev.hearth.hardware.source.Problem;
import dev.hearth.hardware.source.Problems;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.enrollment.ClaimCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * First boot from a freshly flashed SD card: the owner left a {@code hearth.yaml} with the hub's
 * URL and a claim code on the boot partition (the one a PC can write); the agent enrolls by itself
 * and renames the file to {@code hearth.yaml.done}, with the claim code taken out.
 *
 * <p>A file that is wrong, or a hub that refuses, leaves the file where it is, so the owner can fix
 * it and reboot; the problem goes to the journal.
 */
public final class FirstBoot {

  /** Where Raspberry Pi OS mounts the boot partition: Bookworm and later, then older releases. */
  public static final List<Path> DEFAULT_FILES =
      List.of(Path.of("/boot/firmware/hearth.yaml"), Path.of("/boot/hearth.yaml"));

  /** Long enough to outlast a slow network start and a hub restart. */
  public static final Duration DEFAULT_PATIENCE = Duration.ofHours(1);

  /** Makes the enroller for the hub the file names. */
  @FunctionalInterface
  public interface Enrollers {
    Enroller forHub(URI hub);
  }

  private final List<Path> candidates;
  private final Optional<ProfileRef> configuredProfile;
  private final EnrollmentStore store;
  private final Enrollers enrollers;
  private final HardwareId hardwareId;
  private final String agentVersion;
  private final Clock clock;

  /**
   * @param candidates where to look for {@code hearth.yaml}, in order; the first that exists counts
   * @param configuredProfile {@code profile} from {@code agent.yaml}, if set
   * @param store where the enrollment goes
   * @param enrollers makes the enroller for the file's hub
   * @param hardwareId this board
   * @param agentVersion this agent's version
   * @param clock for the note left in {@code hearth.yaml.done}
   */
  public FirstBoot(
      List<Path> candidates,
      Optional<ProfileRef> configuredProfile,
      EnrollmentStore store,
      Enrollers enrollers,
      HardwareId hardwareId,
      String agentVersion,
      Clock clock) {
    this.candidates = List.copyOf(candidates);
    this.configuredProfile = configuredProfile;
    this.store = store;
    this.enrollers = enrollers;
    this.hardwareId = hardwareId;
    this.agentVersion = agentVersion;
    this.clock = clock;
  }

  /** How first boot went. */
  public sealed interface Result {}

  /** No {@code hearth.yaml}: nothing to do (the normal case after the first boot). */
  public record NoFile() implements Result {}

  /**
   * The board was already enrolled; the file was retired without asking the hub.
   *
   * @param done the retired file
   */
  public record AlreadyEnrolled(Path done) implements Result {}

  /**
   * Enrolled; the file was retired.
   *
   * @param enrollment what was stored
   * @param done the retired file, without the claim code
   */
  public record Enrolled(Enrollment enrollment, Path done) implements Result {}

  /**
   * The file cannot be used; it stays in place.
   *
   * @param file the file
   * @param problems each with line, key and fix
   */
  public record Invalid(Path file, List<Problem> problems) implements Result {}

  /**
   * The hub refused or could not be reached in time; the file stays in place.
   *
   * @param file the file
   * @param message for people
   */
  public record Failed(Path file, String message) implements Result {}

  /** Looks for {@code hearth.yaml} and, when there is one, enrolls with it. */
  public Result run(Duration patience, Enroller.Progress progress) {
    Optional<Path> found = candidates.stream().filter(Files::isRegularFile).findFirst();
    if (found.isEmpty()) {
      return new NoFile();
    }
    Path file = found.get();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return new Failed(file, "cannot read " + file + ": " + e.getMessage());
    }
    BootFile boot = parse(file, text);
    if (!boot.problems().isEmpty()) {
      return new Invalid(file, boot.problems());
    }
    if (store.isEnrolled()) {
      // Enrolled before, e.g. a first boot that was cut off before it could retire the file.
      return new AlreadyEnrolled(retire(file, boot, "this board was already enrolled"));
    }
    EnrollmentRequest request =
        new EnrollmentRequest(boot.claim(), hardwareId, boot.profile(), agentVersion);
    Enroller.Outcome outcome = enrollers.forHub(boot.hub()).enroll(request, patience, progress);
    if (outcome instanceof Enroller.Enrolled enrolled) {
      Enrollment e = enrolled.enrollment();
      return new Enrolled(e, retire(file, boot, "enrolled as " + e.deviceId()));
    }
    String message =
        outcome instanceof Enroller.Refused r ? r.message() : ((Enroller.GaveUp) outcome).message();
    return new Failed(file, message);
  }

  /** What {@code hearth.yaml} says, or its problems. */
  private record BootFile(URI hub, ClaimCode claim, ProfileRef profile, List<Problem> problems) {}

  private BootFile parse(Path file, String text) {
    LocatedTreeReader.Result read = LocatedTreeReader.read(file.toString(), text);
    if (read instanceof LocatedTreeReader.Unreadable u) {
      return new BootFile(null, null, null, List.of(u.problem()));
    }
    LocatedTree tree = ((LocatedTreeReader.Read) read).tree();
    Problems problems = new Problems(tree);
    if (!tree.root().isObject()) {
      problems.add("", "must be keys: hub, claim and, if agent.yaml does not name it, profile");
      return new BootFile(null, null, null, problems.list());
    }
    Optional<BootFileDocument> bound = DocumentBinder.bind(tree, BootFileDocument.class, problems);
    if (bound.isEmpty()) {
      return new BootFile(null, null, null, problems.list());
    }
    BootFileDocument doc = bound.get();
    URI hub = hub(doc.hub(), problems);
    ClaimCode claim = claim(doc.claim(), problems);
    ProfileRef profile = profile(doc.profile(), problems);
    return new BootFile(hub, claim, profile, problems.list());
  }

  private static URI hub(JsonNode node, Problems problems) {
    if (!given(node)) {
      problems.add("/hub", "is missing — add the hub's address, e.g. hub: https://hub.example.org");
      return null;
    }
    HubUrl.Checked url = HubUrl.parse(node.asText());
    if (!url.ok()) {
      problems.add("/hub", url.problem());
    }
    return url.url();
  }

  private static ClaimCode claim(JsonNode node, Problems problems) {
    if (!given(node)) {
      problems.add("/claim", "is missing — add the code the hub gave you, e.g. claim: K7M2-9QXD");
      return null;
    }
    Parsed<ClaimCode> code = ClaimCode.parse(node.asText());
    if (code instanceof Parsed.Invalid<ClaimCode> invalid) {
      problems.add("/claim", invalid.problem());
      return null;
    }
    return code.orElseThrow();
  }

  private ProfileRef profile(JsonNode node, Problems problems) {
    if (!given(node)) {
      if (configuredProfile.isEmpty()) {
        problems.add(
            "/profile",
            "is missing — add the appliance's hardware profile, e.g. profile: open-washer@1 (or"
                + " set profile in /etc/hearth/agent.yaml)");
      }
      return configuredProfile.orElse(null);
    }
    String text = node.asText();
    ProfileRef ref;
    try {
      ref = ProfileRef.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add("/profile", e.getMessage());
      return null;
    }
    if (ShippedProfiles.find(ref.toString()).isEmpty()) {
      problems.add(
          "/profile",
          text
              + " — no such profile; this agent knows "
              + ShippedProfiles.all().stream().map(p -> p.ref().toString()).toList());
      return null;
    }
    if (configuredProfile.isPresent() && !configuredProfile.get().equals(ref)) {
      problems.add(
          "/profile",
          text
              + " — but /etc/hearth/agent.yaml says "
              + configuredProfile.get()
              + "; remove one of them");
      return null;
    }
    return ref;
  }

  private static boolean given(JsonNode node) {
    return node != null && !node.isNull() && !(node.isTextual() && node.textValue().isBlank());
  }

  /**
   * Replaces {@code hearth.yaml} by {@code hearth.yaml.done} without the claim code. The code is
   * used up once enrolled, but it has no business lying around on a partition any PC can read.
   */
  private Path retire(Path file, BootFile boot, String what) {
    Path done = file.resolveSibling(file.getFileName() + ".done");
    String note =
        "# Used by hearth-agent on "
            + clock.instant()
            + ": "
            + what
            + ".\n"
            + "# The claim code was removed. To enroll this board again, run\n"
            + "# hearth-agent enroll --force, or write a new hearth.yaml here and remove the\n"
            + "# agent's enrollment.json.\n"
            + "hub: "
            + boot.hub()
            + "\nprofile: "
            + boot.profile()
            + "\n";
    try {
      AtomicFiles.write(done, note.getBytes(StandardCharsets.UTF_8));
      Files.delete(file);
      AtomicFiles.syncFolder(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "enrolled, but cannot retire "
              + file
              + " ("
              + e.getMessage()
              + "); delete it by hand so the claim code does not stay on the boot partition",
          e);
    }
    return done;
  }
}
