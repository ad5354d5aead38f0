package dev.hearth.agent.enroll;

import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.enrollment.ClaimCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.random.RandomGenerator;

/**
 * The board's own claim code, kept in {@code <stateDir>/claim-code} until it is enrolled, so the
 * code {@code hearth-agent selftest} shows is the one {@code hearth-agent enroll} later presents to
 * the hub: the owner can type it into the dashboard at either moment.
 */
public final class BoardClaimCode {

  static final String FILE = "claim-code";

  private BoardClaimCode() {}

  /**
   * The stored code, or a new one stored for next time.
   *
   * @return the code, and whether it is stored (false when the state directory is not writable:
   *     then it is valid only until enrollment in this same run)
   */
  public static Result loadOrCreate(Path stateDir, RandomGenerator random) {
    Path file = stateDir.resolve(FILE);
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (ClaimCode.parse(text) instanceof Parsed.Ok<ClaimCode> ok) {
        return new Result(ok.value(), true);
      }
    } catch (NoSuchFileException e) {
      // First use: make one below.
    } catch (IOException e) {
      return new Result(ClaimCode.generate(random), false);
    }
    ClaimCode code = ClaimCode.generate(random);
    try {
      Files.createDirectories(stateDir);
      AtomicFiles.write(file, (code.value() + "\n").getBytes(StandardCharsets.US_ASCII));
      return new Result(code, true);
    } catch (IOException | UnsupportedOperationException e) {
      return new Result(code, false);
    }
  }

  /** Forgets the code once the board is enrolled; it cannot be used twice anyway. */
  public static void forget(Path stateDir) {
    try {
      Files.deleteIfExists(stateDir.resolve(FILE));
    } catch (IOException e) {
      // Harmless: a stale code is refused by the hub and replaced at the next enrollment.
    }
  }

  /**
   * A claim code and whether it is stored.
   *
   * @param code the code
   * @param stored true when it survives this process
   */
  public record Result(ClaimCode code, boolean stored) {}
}
