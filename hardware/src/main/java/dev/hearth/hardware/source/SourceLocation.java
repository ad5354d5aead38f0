package dev.hearth.hardware.source;

/** Where something stands in a source file: 1-based line and column; 0 when unknown. */
public record SourceLocation(String file, int line, int column) {

  public static SourceLocation unknown(String file) {
    return new SourceLocation(file, 0, 0);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
