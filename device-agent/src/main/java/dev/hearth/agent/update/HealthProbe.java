package dev.hearth.agent.update;

import dev.hearth.agent.safety.ChannelCheck;
import dev.hearth.agent.safety.SelftestReport;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One thing a new release must show within the health check's deadline (SPEC 5.4, rule 7): the
 * agent is connected to the hub, the channel self-test passes, the installed bundle loads.
 */
@FunctionalInterface
public interface HealthProbe {

  /** Looks once. Called again after {@link Result.Wait} until the deadline; never after a pass. */
  Result probe();

  /** What a probe found: passed, not yet (look again), or failed for good. */
  sealed interface Result {
    /** Shown. */
    record Pass() implements Result {}

    /** Not shown yet; may still be before the deadline. */
    record Wait(String why) implements Result {}

    /** Cannot be shown. */
    record Fail(String why) implements Result {}
  }

  static Result pass() {
    return new Result.Pass();
  }

  static Result waitFor(String why) {
    return new Result.Wait(why);
  }

  static Result fail(String why) {
    return new Result.Fail(why);
  }

  /** The agent is connected to its hub. */
  static HealthProbe hubConnected(BooleanSupplier online) {
    Objects.requireNonNull(online, "online");
    return () -> online.getAsBoolean() ? pass() : waitFor("the agent is not connected to the hub");
  }

  /** Every channel answers the self-test (skipped channels do not count against it). */
  static HealthProbe channelsAnswer(Supplier<SelftestReport> selftest) {
    Objects.requireNonNull(selftest, "selftest");
    return () -> {
      SelftestReport report = selftest.get();
      if (report.passed()) {
        return pass();
      }
      return fail(
          "the channel self-test failed: "
              + report.with(ChannelCheck.Outcome.NO_ANSWER).stream()
                  .map(c -> c.channel() + " (" + c.detail() + ")")
                  .collect(Collectors.joining(", ")));
    };
  }

  /** The installed bundle loads and checks against the profile: {@code problem} is empty. */
  static HealthProbe bundleLoads(Optional<String> problem) {
    Objects.requireNonNull(problem, "problem");
    return () -> problem.<Result>map(HealthProbe::fail).orElseGet(HealthProbe::pass);
  }
}
