package dev.hearth.agent.update;

import dev.hearth.hardware.profile.Profile;
import dev.hearth.specs.program.BundleFiles;
import dev.hearth.specs.program.BundleFormatException;
import dev.hearth.specs.program.BundleLoader;
import dev.hearth.specs.program.ProgramBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the program bundle of the active program slot, checked against the profile like any bundle
 * ({@link BundleLoader}), and makes sure it is the release its slot says it is. When there is no
 * active slot the shipped bundle runs; when the active slot is missing or broken the shipped bundle
 * runs too, and the problem says why.
 */
public final class InstalledPrograms {

  private static final Logger LOG = LoggerFactory.getLogger(InstalledPrograms.class);

  private final SlotStore slots;
  private final Profile profile;
  private final ProgramBundle shipped;

  public InstalledPrograms(SlotStore slots, Profile profile, ProgramBundle shipped) {
    this.slots = slots;
    this.profile = profile;
    this.shipped = shipped;
  }

  public ProgramBundle shipped() {
    return shipped;
  }

  /** The bundle of the active slot as the table says now, or the shipped one. */
  public BootBundle active() {
    SlotTable table = slots.read();
    if (table.active().isEmpty()) {
      return new BootBundle(shipped, Optional.empty(), Optional.empty());
    }
    Slot slot = table.active().get();
    Checked checked = check(slot, table.contents().get(slot));
    if (checked.problem.isPresent()) {
      LOG.warn(
          "program slot {} cannot run ({}); running the shipped {} {} instead",
          slot.id(),
          checked.problem.get(),
          shipped.name(),
          shipped.version());
      return new BootBundle(shipped, Optional.empty(), checked.problem);
    }
    return new BootBundle(checked.bundle.orElseThrow(), Optional.of(slot), Optional.empty());
  }

  private Checked check(Slot slot, SlotRelease release) {
    Path file = slots.artifact(slot);
    String where = "slots/program/" + slot.id();
    byte[] zip;
    try {
      zip = Files.readAllBytes(file);
    } catch (IOException e) {
      return Checked.failed(where + ": cannot read " + file.getFileName() + ": " + e);
    }
    BundleLoader.Result result;
    try {
      result = BundleLoader.load(BundleFiles.fromZip(zip), profile, where);
    } catch (BundleFormatException e) {
      return Checked.failed(where + " is not a program bundle: " + e.getMessage());
    }
    if (result instanceof BundleLoader.Invalid invalid) {
      return Checked.failed(
          "the bundle in "
              + where
              + " does not check against "
              + profile.ref()
              + ": "
              + invalid.describe().strip());
    }
    ProgramBundle bundle = ((BundleLoader.Loaded) result).bundle();
    if (release != null
        && (!bundle.name().equals(release.name()) || !bundle.version().equals(release.version()))) {
      return Checked.failed(
          "the bundle in "
              + where
              + " calls itself "
              + bundle.name()
              + " "
              + bundle.version()
              + " but its manifest says "
              + release.name()
              + " "
              + release.version());
    }
    return new Checked(Optional.of(bundle), Optional.empty());
  }

  private record Checked(Optional<ProgramBundle> bundle, Optional<String> problem) {
    static Checked failed(String problem) {
      return new Checked(Optional.empty(), Optional.of(problem));
    }
  }
}
