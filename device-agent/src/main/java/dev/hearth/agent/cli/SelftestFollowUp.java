package dev.hearth.agent.cli;

import dev.hearth.agent.safety.SelftestReport;
import dev.hearth.hardware.profile.Profile;
import java.io.PrintWriter;

/**
 * Something to tell the person at the board after a self-test, e.g. the next step of setting it up
 * (enrolling it with a claim code). Registered by the composition root.
 */
@FunctionalInterface
public interface SelftestFollowUp {

  /**
   * Called once the report is printed.
   *
   * @param simulated true when the self-test ran on a simulated appliance
   */
  void after(SelftestReport report, Profile profile, boolean simulated, PrintWriter out);
}
