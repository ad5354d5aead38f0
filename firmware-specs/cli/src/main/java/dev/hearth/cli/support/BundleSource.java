package dev.hearth.cli.support;

import dev.hearth.cli.CommandFailure;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hardware.source.LocatedTree;
import dev.hearth.hardware.source.LocatedTreeReader;
import dev.hearth.hardware.source.Problem;
import dev.hearth.hardware.source.SourceLocation;
import dev.hearth.specs.program.BundleFiles;
import dev.hearth.specs.program.BundleFormatException;
import dev.hearth.specs.program.BundleLoader;
import dev.hearth.specs.program.ProgramBundle;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A program bundle named on the command line: a folder with {@code bundle.yaml} and {@code
 * programs/*.yaml}, or a bundle zip. Problems name files under the path as given ({@code
 * my-bundle/programs/cotton-40.yaml}, or {@code my-bundle.zip!/programs/cotton-40.yaml}).
 *
 * @param path as given
 * @param files the bundle's files
 * @param origin prefixed to file names in problems
 */
public record BundleSource(Path path, BundleFiles files, String origin) {

  /** The outcome of checking a bundle against a profile. */
  public sealed interface Checked permits Ok, Problems {}

  /**
   * The bundle checks.
   *
   * @param bundle the checked bundle
   * @param profile the profile it was checked against
   */
  public record Ok(ProgramBundle bundle, Profile profile) implements Checked {}

  /**
   * The bundle has problems, each at its file, line and field; never empty.
   *
   * @param problems in file order
   */
  public record Problems(List<Problem> problems) implements Checked {}

  /**
   * Reads the bundle at {@code path}.
   *
   * @throws CommandFailure when the path is missing or is not a bundle at all
   */
  public static BundleSource open(Path path) {
    if (!Files.exists(path)) {
      throw CommandFailure.io("cannot read bundle " + path + ": no such folder or zip", null);
    }
    try {
      if (Files.isDirectory(path)) {
        return new BundleSource(path, BundleFiles.fromDirectory(path), path.toString());
      }
      return new BundleSource(path, BundleFiles.fromZip(Documents.read(path)), path + "!");
    } catch (BundleFormatException e) {
      throw CommandFailure.usage(
          e.getMessage()
              + "; a bundle is a folder with bundle.yaml and programs/*.yaml, or its zip");
    } catch (UncheckedIOException e) {
      throw CommandFailure.io(e.getMessage() + ": " + e.getCause().getMessage(), e);
    }
  }

  /**
   * Checks the bundle against a profile.
   *
   * @param profileOption the {@code --profile} value, or null for the profile {@code bundle.yaml}
   *     names
   */
  public Checked check(String profileOption) {
    Profile profile;
    if (profileOption != null) {
      profile = Profiles.resolve(profileOption);
    } else {
      Optional<Problem> unusable = declaredProfileProblem();
      if (unusable.isPresent()) {
        return new Problems(List.of(unusable.get()));
      }
      profile = Profiles.shipped(declaredProfile().orElseThrow()).orElseThrow();
    }
    BundleLoader.Result result = BundleLoader.load(files, profile, origin);
    if (result instanceof BundleLoader.Invalid invalid) {
      return new Problems(invalid.problems());
    }
    return new Ok(((BundleLoader.Loaded) result).bundle(), profile);
  }

  /** The {@code profile} field of {@code bundle.yaml}, if it can be read. */
  private Optional<String> declaredProfile() {
    return descriptor()
        .map(tree -> tree.root().path("profile"))
        .filter(node -> node.isTextual())
        .map(node -> node.asText());
  }

  /** Why {@code bundle.yaml} names no shipped profile, located; empty when it does. */
  private Optional<Problem> declaredProfileProblem() {
    String file = origin.replaceAll("/$", "") + "/" + BundleFiles.DESCRIPTOR;
    String text = files.files().get(BundleFiles.DESCRIPTOR);
    if (text == null) {
      return Optional.of(
          new Problem(SourceLocation.unknown(file), "", "is missing: a bundle needs one"));
    }
    LocatedTreeReader.Result read = LocatedTreeReader.read(file, text);
    if (read instanceof LocatedTreeReader.Unreadable unreadable) {
      return Optional.of(unreadable.problem());
    }
    LocatedTree tree = ((LocatedTreeReader.Read) read).tree();
    Optional<String> declared = declaredProfile();
    if (declared.isEmpty()) {
      return Optional.of(
          tree.problem(
              "/profile",
              "names no hardware profile; add e.g. 'profile: open-washer@1', or pass --profile"));
    }
    try {
      ProfileRef.parse(declared.get());
    } catch (IllegalArgumentException e) {
      return Optional.of(tree.problem("/profile", e.getMessage()));
    }
    if (Profiles.shipped(declared.get()).isEmpty()) {
      return Optional.of(
          tree.problem(
              "/profile",
              "no shipped profile '"
                  + declared.get()
                  + "' (shipped: "
                  + String.join(", ", Profiles.shippedRefs())
                  + "); pass --profile path/to/profile.yaml to check against your own"));
    }
    return Optional.empty();
  }

  private Optional<LocatedTree> descriptor() {
    String text = files.files().get(BundleFiles.DESCRIPTOR);
    if (text == null) {
      return Optional.empty();
    }
    LocatedTreeReader.Result read = LocatedTreeReader.read(BundleFiles.DESCRIPTOR, text);
    return read instanceof LocatedTreeReader.Read r ? Optional.of(r.tree()) : Optional.empty();
  }
}
