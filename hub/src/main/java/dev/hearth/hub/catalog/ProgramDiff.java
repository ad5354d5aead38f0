package dev.hearth.hub.catalog;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.hearth.specs.program.BundleFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What changed in a bundle's programs against the previous release of the same line: per program
 * file, added, removed, modified (with a unified diff of its YAML text) or unchanged.
 *
 * @param previousRevisionId the release compared against, or null when this is the line's first
 *     (then compared with the bundle the agent ships, if it is of the same line)
 * @param previousVersion the version compared against, or null when nothing was
 * @param files every program file of either bundle, by path
 */
public record ProgramDiff(String previousRevisionId, String previousVersion, List<FileDiff> files) {

  /** Lines of context around each change, as {@code diff -u}. */
  static final int CONTEXT = 3;

  /**
   * One program file.
   *
   * @param path e.g. {@code programs/cotton-40.yaml}
   * @param change {@code added}, {@code removed}, {@code modified} or {@code unchanged}
   * @param unified the unified diff, empty when unchanged
   */
  public record FileDiff(String path, String change, String unified) {}

  public ProgramDiff {
    files = List.copyOf(files);
  }

  /** The diff of {@code after} against {@code before} (empty for a first release). */
  static ProgramDiff between(
      String previousRevisionId, String previousVersion, BundleFiles before, BundleFiles after) {
    Map<String, String> old = before == null ? Map.of() : before.programFiles();
    Map<String, String> now = after.programFiles();
    var paths = new TreeSet<String>(old.keySet());
    paths.addAll(now.keySet());
    List<FileDiff> files = new ArrayList<>();
    for (String path : paths) {
      String a = old.get(path);
      String b = now.get(path);
      String change =
          a == null ? "added" : b == null ? "removed" : a.equals(b) ? "unchanged" : "modified";
      files.add(
          new FileDiff(
              path,
              change,
              change.equals("unchanged")
                  ? ""
                  : unified(path, a == null ? "" : a, b == null ? "" : b)));
    }
    return new ProgramDiff(previousRevisionId, previousVersion, files);
  }

  private static String unified(String path, String before, String after) {
    List<String> a = lines(before);
    List<String> b = lines(after);
    Patch<String> patch = DiffUtils.diff(a, b);
    List<String> out =
        UnifiedDiffUtils.generateUnifiedDiff(
            before.isEmpty() ? "/dev/null" : "a/" + path,
            after.isEmpty() ? "/dev/null" : "b/" + path,
            a,
            patch,
            CONTEXT);
    return String.join("\n", out) + "\n";
  }

  private static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
  }
}
