package dev.hearth.specs.program;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The files of a bundle by relative path ({@code bundle.yaml}, {@code programs/cotton-40.yaml}),
 * read from a folder or a zip, and written as a reproducible zip: the same files always give the
 * same bytes, so the same bundle always has the same SHA-256.
 */
public record BundleFiles(Map<String, String> files) {

  /** The bundle's descriptor file. */
  public static final String DESCRIPTOR = "bundle.yaml";

  /** The folder that holds one file per program. */
  public static final String PROGRAMS = "programs/";

  private static final long MAX_BUNDLE_BYTES = 4L * 1024 * 1024;
  private static final long ZIP_EPOCH_MILLIS = 315_532_800_000L; // 1980-01-01, the zip epoch

  public BundleFiles {
    files = Collections.unmodifiableMap(new TreeMap<>(files));
  }

  /** Reads {@code bundle.yaml} and {@code programs/*.yaml} from a folder. */
  public static BundleFiles fromDirectory(Path dir) {
    Map<String, String> files = new TreeMap<>();
    try {
      Path descriptor = dir.resolve(DESCRIPTOR);
      if (!Files.isRegularFile(descriptor)) {
        throw new BundleFormatException(dir + " is not a program bundle: it has no " + DESCRIPTOR);
      }
      files.put(DESCRIPTOR, Files.readString(descriptor, StandardCharsets.UTF_8));
      Path programs = dir.resolve(PROGRAMS);
      if (Files.isDirectory(programs)) {
        try (Stream<Path> list = Files.list(programs)) {
          for (Path p : list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
            files.put(PROGRAMS + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundle " + dir, e);
    }
    return new BundleFiles(files);
  }

  /**
   * Reads a bundle zip. Refuses entries outside the bundle layout and archives that expand beyond 4
   * MiB, so a hostile artifact cannot exhaust a small board.
   *
   * @throws BundleFormatException when the bytes are not a bundle zip
   */
  public static BundleFiles fromZip(byte[] zip) {
    Map<String, String> files = new TreeMap<>();
    long total = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        String name = e.getName();
        if (e.isDirectory()) {
          continue;
        }
        if (!name.equals(DESCRIPTOR)
            && !(name.startsWith(PROGRAMS)
                && name.endsWith(".yaml")
                && name.indexOf('/', PROGRAMS.length()) < 0)) {
          throw new BundleFormatException("unexpected entry '" + name + "' in bundle zip");
        }
        byte[] bytes =
            in.readNBytes((int) Math.min(MAX_BUNDLE_BYTES - total + 1, Integer.MAX_VALUE));
        total += bytes.length;
        if (total > MAX_BUNDLE_BYTES) {
          throw new BundleFormatException("bundle expands beyond 4 MiB");
        }
        files.put(name, new String(bytes, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new BundleFormatException("not a bundle zip: " + e.getMessage());
    }
    if (!files.containsKey(DESCRIPTOR)) {
      throw new BundleFormatException("bundle zip has no " + DESCRIPTOR);
    }
    return new BundleFiles(files);
  }

  /** The reproducible zip of these files: sorted entries, fixed timestamps. */
  public byte[] toZip() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setLevel(9);
      for (Map.Entry<String, String> f : files.entrySet()) {
        ZipEntry entry = new ZipEntry(f.getKey());
        entry.setTime(ZIP_EPOCH_MILLIS);
        zip.putNextEntry(entry);
        zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Program files only, by relative path. */
  public Map<String, String> programFiles() {
    Map<String, String> out = new TreeMap<>(files);
    out.remove(DESCRIPTOR);
    return out;
  }
}
