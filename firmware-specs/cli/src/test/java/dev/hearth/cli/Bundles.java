package dev.hearth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Copies of the shipped bundles that tests may edit. */
final class Bundles {

  private Bundles() {}

  /** A copy of the shipped washer bundle in {@code dir}/open-washer. */
  static Path copyOfWasher(Path dir) throws IOException {
    Path copy = dir.resolve("open-washer");
    try (Stream<Path> files = Files.walk(Cli.WASHER_BUNDLE)) {
      for (Path from : files.toList()) {
        Path to = copy.resolve(Cli.WASHER_BUNDLE.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
    return copy;
  }

  /** Replaces the first {@code from} in {@code file} by {@code to}; it must be there. */
  static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).as(file.toString()).contains(from);
    Files.writeString(file, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
  }
}
