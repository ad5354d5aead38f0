package dev.hearth.hardware.source;

/** Converts between JSON pointers and the {@code a.b[2].c} form shown to authors. */
public final class FieldPath {

  private FieldPath() {}

  /** {@code /channels/2/range} becomes {@code channels[2].range}. */
  public static String display(String pointer) {
    if (pointer.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String raw : pointer.substring(1).split("/", -1)) {
      String segment = raw.replace("~1", "/").replace("~0", "~");
      if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
        out.append('[').append(segment).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(segment);
      }
    }
    return out.toString();
  }

  /** Appends a field name or index to a pointer, escaping as RFC 6901 requires. */
  public static String child(String pointer, Object segment) {
    return pointer + "/" + segment.toString().replace("~", "~0").replace("/", "~1");
  }
}
