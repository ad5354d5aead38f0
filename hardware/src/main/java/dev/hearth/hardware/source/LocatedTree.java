package dev.hearth.hardware.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A parsed YAML or JSON document that remembers where each field came from, so that problems found
 * long after parsing can still point at file, line and column.
 *
 * <p>Paths are JSON pointers ({@code /channels/2/range}); {@link #locate} falls back to the nearest
 * ancestor that has a location, so a missing field is reported at its parent.
 */
public final class LocatedTree {

  private final String file;
  private final JsonNode root;
  private final Map<String, SourceLocation> locations;

  LocatedTree(String file, JsonNode root, Map<String, SourceLocation> locations) {
    this.file = file;
    this.root = root;
    this.locations = Map.copyOf(locations);
  }

  public String file() {
    return file;
  }

  public JsonNode root() {
    return root;
  }

  /** The location of the field at {@code pointer}, or of its nearest located ancestor. */
  public SourceLocation locate(String pointer) {
    String p = pointer;
    while (true) {
      SourceLocation found = locations.get(p);
      if (found != null) {
        return found;
      }
      if (p.isEmpty()) {
        return SourceLocation.unknown(file);
      }
      p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
    }
  }

  /** A problem located at {@code pointer}, its field written the way authors read it. */
  public Problem problem(String pointer, String message) {
    return new Problem(locate(pointer), FieldPath.display(pointer), message);
  }
}
