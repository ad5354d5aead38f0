package dev.hearth.agent.safety;

import java.util.List;

/**
 * The self-test's findings, inputs first, in the profile's order.
 *
 * @param board what was tested, for people
 * @param checks one per channel
 */
public record SelftestReport(String board, List<ChannelCheck> checks) {

  public SelftestReport {
    checks = List.copyOf(checks);
  }

  /** True when no channel failed to answer (skipped channels do not count against it). */
  public boolean passed() {
    return checks.stream().noneMatch(c -> c.outcome() == ChannelCheck.Outcome.NO_ANSWER);
  }

  /** The checks with {@code outcome}. */
  public List<ChannelCheck> with(ChannelCheck.Outcome outcome) {
    return checks.stream().filter(c -> c.outcome() == outcome).toList();
  }
}
