package dev.hearth.specs.program;

import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hardware.source.DocumentBinder;
import dev.hearth.hardware.source.LocatedTree;
import dev.hearth.hardware.source.LocatedTreeReader;
import dev.hearth.hardware.source.Problem;
import dev.hearth.hardware.source.Problems;
import dev.hearth.hardware.source.SourceLocation;
import dev.hearth.specs.manifest.StrictSemver;
import dev.hearth.specs.program.BundleDocuments.BundleDoc;
import dev.hearth.specs.program.BundleDocuments.ProgramDoc;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads a program bundle and checks it statically against a hardware profile: every problem, each
 * at its file, line and field. A bundle that loads can run: every name it uses exists, every value
 * it can produce is inside the profile's limits, every step is bounded in time and reachable, and
 * every program has fault handling.
 */
public final class BundleLoader {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,63}");

  private BundleLoader() {}

  /** The outcome of loading: a bundle, or the problems that stop it from being one. */
  public sealed interface Result permits Loaded, Invalid {}

  /** A checked bundle. */
  public record Loaded(ProgramBundle bundle) implements Result {}

  /** Not a valid bundle for the profile; {@code problems} is never empty. */
  public record Invalid(List<Problem> problems) implements Result {
    /** All problems, one per line, for people. */
    public String describe() {
      StringBuilder out = new StringBuilder();
      problems.forEach(p -> out.append(p).append('\n'));
      return out.toString();
    }
  }

  /**
   * Loads and checks {@code files} against {@code profile}.
   *
   * @param origin prefixed to file names in problems, e.g. the bundle's folder
   */
  public static Result load(BundleFiles files, Profile profile, String origin) {
    String prefix = origin == null || origin.isEmpty() ? "" : origin.replaceAll("/$", "") + "/";
    List<Problem> problems = new ArrayList<>();
    Optional<Bound<BundleDoc>> descriptor =
        read(
            prefix + BundleFiles.DESCRIPTOR,
            files.files().get(BundleFiles.DESCRIPTOR),
            BundleDoc.class,
            problems);
    List<Program> programs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Map.Entry<String, String> f : files.programFiles().entrySet()) {
      String file = prefix + f.getKey();
      LocatedTreeReader.Result read = LocatedTreeReader.read(file, f.getValue());
      if (read instanceof LocatedTreeReader.Unreadable u) {
        problems.add(u.problem());
        continue;
      }
      LocatedTree tree = ((LocatedTreeReader.Read) read).tree();
      Problems found = new Problems(tree);
      String expectedName =
          f.getKey()
              .substring(BundleFiles.PROGRAMS.length(), f.getKey().length() - ".yaml".length());
      DocumentBinder.bind(tree, ProgramDoc.class, found)
          .map(doc -> new ProgramChecker(profile, found).check(doc, expectedName))
          .ifPresent(
              p -> {
                if (!names.add(p.name())) {
                  found.add("/name", "two programs are named '" + p.name() + "'");
                }
                programs.add(p);
              });
      problems.addAll(found.list());
    }
    ProgramBundle bundle =
        descriptor
            .map(d -> bundle(d.doc(), new Problems(d.tree()), profile, files, programs, problems))
            .orElse(null);
    if (!problems.isEmpty() || bundle == null) {
      return new Invalid(
          problems.isEmpty()
              ? List.of(
                  new Problem(
                      SourceLocation.unknown(prefix + BundleFiles.DESCRIPTOR),
                      "",
                      "is not a bundle descriptor"))
              : problems);
    }
    return new Loaded(bundle);
  }

  /** A bound document with the tree it came from, to locate later problems. */
  private record Bound<T>(T doc, LocatedTree tree) {}

  private static <T> Optional<Bound<T>> read(
      String file, String text, Class<T> type, List<Problem> out) {
    if (text == null) {
      out.add(
          new Problem(
              SourceLocation.unknown(file),
              "",
              "is missing: a bundle needs " + BundleFiles.DESCRIPTOR));
      return Optional.empty();
    }
    LocatedTreeReader.Result read = LocatedTreeReader.read(file, text);
    if (read instanceof LocatedTreeReader.Unreadable u) {
      out.add(u.problem());
      return Optional.empty();
    }
    LocatedTree tree = ((LocatedTreeReader.Read) read).tree();
    Problems found = new Problems(tree);
    Optional<T> doc = DocumentBinder.bind(tree, type, found);
    out.addAll(found.list());
    return doc.map(d -> new Bound<>(d, tree));
  }

  private static ProgramBundle bundle(
      BundleDoc d,
      Problems found,
      Profile profile,
      BundleFiles files,
      List<Program> programs,
      List<Problem> out) {
    if (d.name() == null || !NAME.matcher(d.name()).matches()) {
      found.add("/name", "a bundle name is lower-case-with-dashes, e.g. open-washer-programs");
    }
    semver(d.version(), "/version", found);
    semver(d.minAgentVersion(), "/minAgentVersion", found);
    ProfileRef ref = null;
    try {
      ref = ProfileRef.parse(d.profile());
      if (!ref.equals(profile.ref())) {
        found.add(
            "/profile",
            "this bundle is for " + ref + " but is being checked against " + profile.ref());
      }
    } catch (IllegalArgumentException e) {
      found.add("/profile", e.getMessage());
    }
    if (files.programFiles().isEmpty()) {
      found.add("", "a bundle needs at least one program under " + BundleFiles.PROGRAMS);
    }
    if (d.programs() != null) {
      for (int i = 0; i < d.programs().size(); i++) {
        String name = d.programs().get(i);
        if (programs.stream().noneMatch(p -> p.name().equals(name))
            && !files.programFiles().containsKey(BundleFiles.PROGRAMS + name + ".yaml")) {
          found.add("/programs/" + i, "no program file " + BundleFiles.PROGRAMS + name + ".yaml");
        }
      }
    }
    out.addAll(found.list());
    List<Program> ordered = new ArrayList<>(programs);
    if (d.programs() != null) {
      ordered.sort(
          java.util.Comparator.comparingInt(
              p -> {
                int i = d.programs().indexOf(p.name());
                return i < 0 ? Integer.MAX_VALUE : i;
              }));
    }
    return new ProgramBundle(
        d.name(),
        d.version(),
        ref == null ? profile.ref() : ref,
        d.minAgentVersion() == null ? "0.0.0" : d.minAgentVersion(),
        d.changelog() == null ? "" : d.changelog(),
        ordered);
  }

  private static void semver(String text, String pointer, Problems found) {
    if (text == null || !StrictSemver.isStrict(text)) {
      found.add(pointer, "'" + text + "' is not a semantic version such as 1.2.0");
    }
  }
}
