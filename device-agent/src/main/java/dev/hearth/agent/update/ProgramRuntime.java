package dev.hearth.agent.update;

import dev.hearth.specs.program.ProgramBundle;

/** The program runtime as an update sees it: which programs run, and running others instead. */
public interface ProgramRuntime {

  /** The bundle that runs now. */
  ProgramBundle bundle();

  /**
   * Runs {@code next} from now on, in this process (a program release needs no restart). Called
   * only under an {@link ApplianceGate.Hold}.
   */
  void run(ProgramBundle next);
}
