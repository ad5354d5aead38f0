package dev.hearth.specs.program;

import dev.hearth.hardware.profile.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default program bundle of each shipped profile, from {@code firmware-specs/programs/<id>},
 * packaged in the jar under {@code hearth/programs/<id>/}. What a freshly flashed agent runs until
 * an owner installs something else.
 */
public final class ShippedBundles {

  private static final Pattern PROGRAM_LIST = Pattern.compile("(?m)^programs:\\s*\\[(.*)]\\s*$");

  private ShippedBundles() {}

  /** The files of {@code profile}'s default bundle. */
  public static BundleFiles files(Profile profile) {
    String base = "hearth/programs/" + profile.ref().id() + "/";
    String descriptor = resource(base + BundleFiles.DESCRIPTOR);
    Map<String, String> files = new TreeMap<>();
    files.put(BundleFiles.DESCRIPTOR, descriptor);
    // A jar cannot list a folder; bundle.yaml names the programs, and the test that loads every
    // shipped bundle from disk checks that it names all of them.
    Matcher m = PROGRAM_LIST.matcher(descriptor);
    if (!m.find()) {
      throw new IllegalStateException(base + "bundle.yaml must list its programs");
    }
    for (String name : m.group(1).split(",")) {
      String path = BundleFiles.PROGRAMS + name.strip() + ".yaml";
      files.put(path, resource(base + path));
    }
    return new BundleFiles(files);
  }

  /** {@code profile}'s default bundle, checked. */
  public static ProgramBundle load(Profile profile) {
    BundleLoader.Result result =
        BundleLoader.load(files(profile), profile, "hearth/programs/" + profile.ref().id());
    if (result instanceof BundleLoader.Invalid invalid) {
      throw new IllegalStateException(
          "the shipped bundle for " + profile.ref() + " does not check:\n" + invalid.describe());
    }
    return ((BundleLoader.Loaded) result).bundle();
  }

  private static String resource(String name) {
    try (InputStream in = ShippedBundles.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing from the jar: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
