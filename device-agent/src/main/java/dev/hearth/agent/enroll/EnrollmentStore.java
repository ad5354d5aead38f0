package dev.hearth.agent.enroll;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.canonical.StrictJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code enrollment.json} and {@code root.json} in the agent's state directory, each written
 * atomically and readable by the agent's user only. The root is written first: a board with an
 * {@code enrollment.json} always has the root it enrolled with.
 */
public final class EnrollmentStore {

  public static final String ENROLLMENT_FILE = "enrollment.json";
  public static final String ROOT_FILE = "root.json";

  private final Path stateDir;

  public EnrollmentStore(Path stateDir) {
    this.stateDir = stateDir;
  }

  public Path stateDir() {
    return stateDir;
  }

  public Path enrollmentFile() {
    return stateDir.resolve(ENROLLMENT_FILE);
  }

  /** The pinned root envelope, as the hub sent it at enrollment; the trust verifier reads it. */
  public Path rootFile() {
    return stateDir.resolve(ROOT_FILE);
  }

  /** Whether this board has enrolled; an enrolled board does not enroll again unless forced. */
  public boolean isEnrolled() {
    return Files.exists(enrollmentFile());
  }

  /** What {@link #load()} found. */
  public sealed interface Loaded {}

  /** Not enrolled yet. */
  public record Absent() implements Loaded {}

  /** Enrolled. */
  public record Present(Enrollment enrollment) implements Loaded {}

  /**
   * {@code enrollment.json} exists but cannot be used.
   *
   * @param why the file and what is wrong with it, for people
   */
  public record Unusable(String why) implements Loaded {}

  /** Reads {@code enrollment.json}. */
  public Loaded load() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(enrollmentFile());
    } catch (NoSuchFileException e) {
      return new Absent();
    } catch (AccessDeniedException e) {
      return new Unusable(
          enrollmentFile() + " cannot be read by this user; run as the hearth user or with sudo");
    } catch (IOException e) {
      return new Unusable("cannot read " + enrollmentFile() + ": " + e.getMessage());
    }
    Parsed<com.fasterxml.jackson.databind.JsonNode> json = StrictJson.parse(bytes);
    Parsed<Enrollment> enrollment = json.flatMap(EnrollmentJson::read);
    if (enrollment instanceof Parsed.Invalid<Enrollment> invalid) {
      return new Unusable(
          enrollmentFile()
              + " is damaged ("
              + invalid.message()
              + "); enroll again with hearth-agent enroll --force");
    }
    return new Present(enrollment.orElseThrow());
  }

  /**
   * Stores an enrollment and its root, creating the state directory (0700) if needed.
   *
   * @throws UncheckedIOException naming the file and, where it helps, the fix
   */
  public void save(Enrollment enrollment, ObjectNode root) {
    try {
      if (!Files.isDirectory(stateDir)) {
        createPrivateDirectories(stateDir);
      }
      AtomicFiles.write(rootFile(), StrictJson.write(root));
      AtomicFiles.write(enrollmentFile(), StrictJson.write(EnrollmentJson.write(enrollment)));
    } catch (AccessDeniedException e) {
      throw new UncheckedIOException(
          "cannot write to "
              + stateDir
              + ": permission denied; run with sudo (the files will belong to the owner of "
              + stateDir
              + ") or set stateDir in agent.yaml",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the enrollment in " + stateDir + ": " + e, e);
    }
  }

  private static void createPrivateDirectories(Path dir) throws IOException {
    try {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    }
  }
}
