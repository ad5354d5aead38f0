package dev.hearth.specs.program;

import dev.hearth.hardware.profile.ProfileRef;
import java.util.List;
import java.util.Optional;

/**
 * A checked bundle of programs for one hardware profile: the unit a {@code program} firmware
 * revision ships.
 *
 * @param name the bundle's name, also the manifest's name
 * @param version its semantic version
 * @param profile the hardware profile it was checked against
 * @param minAgentVersion the oldest agent that can run it
 * @param changelog what changed, for owners and reviewers
 * @param programs its programs, in authored order
 */
public record ProgramBundle(
    String name,
    String version,
    ProfileRef profile,
    String minAgentVersion,
    String changelog,
    List<Program> programs) {

  public ProgramBundle {
    programs = List.copyOf(programs);
  }

  public Optional<Program> program(String programName) {
    return programs.stream().filter(p -> p.name().equals(programName)).findFirst();
  }
}
