package dev.hearth.agent.update;

import dev.hearth.agent.runtime.ProgramAppliance;
import dev.hearth.specs.program.ProgramBundle;
import java.util.Optional;

/** The agent's {@link ProgramAppliance} behind the update engine's two seams. */
final class ProgramApplianceSeams implements ApplianceGate, ProgramRuntime {

  private final ProgramAppliance appliance;

  ProgramApplianceSeams(ProgramAppliance appliance) {
    this.appliance = appliance;
  }

  @Override
  public Optional<Hold> holdIfIdle(String why) {
    return appliance.holdStartsIfIdle(why).map(hold -> hold::close);
  }

  @Override
  public ProgramBundle bundle() {
    return appliance.bundle();
  }

  @Override
  public void run(ProgramBundle next) {
    appliance.replaceBundle(next);
  }
}
