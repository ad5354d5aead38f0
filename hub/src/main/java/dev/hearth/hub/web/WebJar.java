package dev.hearth.hub.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A WebJar on the class path: its name and the version its Maven metadata declares, which is also
 * the directory its files are in under {@code META-INF/resources/webjars/<name>/}.
 *
 * @param name the WebJar's artifact id, e.g. {@code uplot}
 * @param version its version, e.g. {@code 1.6.30}
 */
record WebJar(String name, String version) {

  private static final List<String> GROUPS = List.of("org.webjars.npm", "org.webjars");
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  WebJar {
    if (!SAFE.matcher(name).matches() || !SAFE.matcher(version).matches()) {
      throw new IllegalArgumentException("not a WebJar name and version: " + name + " " + version);
    }
  }

  /**
   * The WebJar {@code name} as found on the class path (NPM WebJars first, then classic ones).
   *
   * @throws IllegalStateException when it is not on the class path
   */
  static WebJar find(String name) {
    ClassLoader loader = WebJar.class.getClassLoader();
    for (String group : GROUPS) {
      String pom = "META-INF/maven/" + group + "/" + name + "/pom.properties";
      try (InputStream in = loader.getResourceAsStream(pom)) {
        if (in != null) {
          Properties properties = new Properties();
          properties.load(in);
          return new WebJar(name, properties.getProperty("version", ""));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + pom, e);
      }
    }
    throw new IllegalStateException(
        "the " + name + " WebJar is not on the class path; the dashboard needs it");
  }

  /** The URL path of {@code file} inside this WebJar, e.g. {@code dist/uPlot.esm.js}. */
  String path(String file) {
    return "/webjars/" + name + "/" + version + "/" + file;
  }
}
