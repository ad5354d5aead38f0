package dev.hearth.agent.enroll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Enrolls this board: asks the hub until it says enrolled (polling while a device-issued code waits
 * for its owner, backing off while the hub is busy or out of reach), then stores what it gave.
 * Stops at once when the hub refuses, and when patience runs out.
 */
public final class Enroller {

  static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  static final Duration LONGEST_RETRY = Duration.ofSeconds(60);

  private final EnrollmentEndpoint endpoint;
  private final EnrollmentStore store;
  private final Clock clock;
  private final Pause pause;
  private final RandomGenerator random;

  public Enroller(
      EnrollmentEndpoint endpoint,
      EnrollmentStore store,
      Clock clock,
      Pause pause,
      RandomGenerator random) {
    this.endpoint = endpoint;
    this.store = store;
    this.clock = clock;
    this.pause = pause;
    this.random = random;
  }

  /** Told how enrolling goes, for a person watching; called on the enrolling thread. */
  public interface Progress {
    /** The code is registered; the owner has not claimed it yet. */
    default void pending(Duration nextPoll) {}

    /** This attempt failed in a way worth retrying. */
    default void retrying(String why, Duration wait) {}

    /** Does nothing. */
    static Progress quiet() {
      return new Progress() {};
    }
  }

  /** How enrolling ended. */
  public sealed interface Outcome {}

  /** Enrolled and stored. */
  public record Enrolled(Enrollment enrollment) implements Outcome {}

  /**
   * The hub refused, or gave an answer that cannot be used; asking again will not help. Nothing was
   * stored.
   *
   * @param message what happened and what to do, for people
   */
  public record Refused(String message) implements Outcome {}

  /**
   * No final answer within the patience given (or the thread was interrupted). Nothing was stored;
   * enrolling again with the same code is safe.
   *
   * @param message the last thing that went wrong, for people
   */
  public record GaveUp(String message) implements Outcome {}

  /**
   * Enrolls with {@code request}, trying for at most {@code patience}.
   *
   * @throws java.io.UncheckedIOException when the hub enrolled the board but storing it failed
   */
  public Outcome enroll(EnrollmentRequest request, Duration patience, Progress progress) {
    Instant deadline = clock.instant().plus(patience);
    Backoff backoff = new Backoff(FIRST_RETRY, LONGEST_RETRY, random);
    String last = "no answer yet";
    while (true) {
      HubAnswer answer = endpoint.submit(request);
      Duration wait;
      if (answer instanceof HubAnswer.Enrolled enrolled) {
        return new Enrolled(store(request, enrolled));
      } else if (answer instanceof HubAnswer.Refused refused) {
        return new Refused(refused.problem().describe());
      } else if (answer instanceof HubAnswer.Unusable unusable) {
        return new Refused(unusable.why() + "; nothing was stored, report this to the hub's admin");
      } else if (answer instanceof HubAnswer.Pending pending) {
        backoff.reset();
        wait = pending.pollAfter();
        last = "the owner has not claimed code " + request.claimCode() + " in the hub yet";
        if (fits(deadline, wait)) {
          progress.pending(wait);
        }
      } else {
        HubAnswer.RetryLater later = (HubAnswer.RetryLater) answer;
        wait = later.after().orElseGet(backoff::next);
        last = later.why();
        if (fits(deadline, wait)) {
          progress.retrying(later.why(), wait);
        }
      }
      if (!fits(deadline, wait)) {
        return new GaveUp("gave up after " + describe(patience) + ": " + last);
      }
      try {
        pause.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new GaveUp("interrupted: " + last);
      }
    }
  }

  private Enrollment store(EnrollmentRequest request, HubAnswer.Enrolled answer) {
    Enrollment enrollment =
        new Enrollment(
            answer.deviceId(),
            endpoint.hub(),
            request.profile(),
            request.hardwareId(),
            clock.instant(),
            answer.mqtt(),
            answer.coap());
    store.save(enrollment, answer.root());
    return enrollment;
  }

  private boolean fits(Instant deadline, Duration wait) {
    return !clock.instant().plus(wait).isAfter(deadline);
  }

  static String describe(Duration d) {
    if (d.toSeconds() < 120) {
      return d.toSeconds() + " s";
    }
    if (d.toMinutes() < 120) {
      return d.toMinutes() + " min";
    }
    return d.toHours() + " h";
  }
}
