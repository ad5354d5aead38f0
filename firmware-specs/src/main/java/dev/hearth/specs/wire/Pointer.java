package dev.hearth.specs.wire;

/** JSON pointers (RFC 6901) for error locations; field names are escaped, indices are not. */
final class Pointer {

  private Pointer() {}

  static String field(String name) {
    return "/" + name.replace("~", "~0").replace("/", "~1");
  }

  static String index(int i) {
    return "/" + i;
  }
}
