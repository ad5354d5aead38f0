package dev.hearth.agent.link.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One append-only log of frames, split into segment files named after the position of their first
 * byte ({@code 00000000000000065536.seg}). A position is a byte offset in the whole log; it only
 * grows, so the cursor can name the first live entry by its position. Segments that lie wholly
 * before the head are deleted; the last one is kept for appending.
 *
 * <p>Not thread-safe: the {@link Outbox} confines it to one thread.
 */
final class SegmentLog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SegmentLog.class);
  private static final String SUFFIX = ".seg";

  private final Path dir;
  private final long segmentBytes;
  private final TreeMap<Long, Segment> segments = new TreeMap<>();
  private long nextBase;

  /** A frame found while opening, in log order. */
  record Scanned(long position, int frameBytes, Frame.Header header) {}

  private static final class Segment {
    final long base;
    final Path path;
    final FileChannel channel;
    long size;

    Segment(long base, Path path, FileChannel channel, long size) {
      this.base = base;
      this.path = path;
      this.channel = channel;
      this.size = size;
    }

    long end() {
      return base + size;
    }
  }

  private SegmentLog(Path dir, long segmentBytes, long head) {
    this.dir = dir;
    this.segmentBytes = segmentBytes;
    this.nextBase = head;
  }

  /**
   * Opens the log in {@code dir}, reading every frame from {@code head} on into {@code found}. A
   * torn or damaged frame is cut off with the rest of its segment (logged); segments wholly before
   * {@code head} are deleted.
   */
  static SegmentLog open(Path dir, long segmentBytes, long head, List<Scanned> found)
      throws IOException {
    Files.createDirectories(dir);
    var logFile = new SegmentLog(dir, segmentBytes, head);
    List<Long> bases;
    try (Stream<Path> files = Files.list(dir)) {
      bases =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(SUFFIX) && n.length() == 20 + SUFFIX.length())
              .map(n -> parseBase(n.substring(0, 20)))
              .filter(b -> b >= 0)
              .sorted()
              .toList();
    }
    for (int i = 0; i < bases.size(); i++) {
      long base = bases.get(i);
      boolean last = i == bases.size() - 1;
      Path path = dir.resolve(name(base));
      long size = Files.size(path);
      if (base + size <= head && !last) {
        // Consumed before the last run ended; the cursor already points past it.
        Files.deleteIfExists(path);
        continue;
      }
      FileChannel channel =
          FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
      var segment = new Segment(base, path, channel, size);
      long from = Math.max(0, head - base);
      segment.size = scan(segment, Math.min(from, size), found);
      logFile.segments.put(base, segment);
      logFile.nextBase = Math.max(logFile.nextBase, segment.end());
    }
    return logFile;
  }

  /** Reads frames from {@code offset}; returns the end of the last good one (the new size). */
  private static long scan(Segment segment, long offset, List<Scanned> found) throws IOException {
    ByteBuffer prefix = ByteBuffer.allocate(Frame.PREFIX_BYTES);
    long at = offset;
    while (at < segment.size) {
      prefix.clear();
      if (readFully(segment.channel, prefix, at) < Frame.PREFIX_BYTES) {
        break;
      }
      int bodyLength = Frame.bodyLength(prefix);
      long frameBytes = Frame.PREFIX_BYTES + (long) bodyLength;
      if (bodyLength < 0 || at + frameBytes > segment.size) {
        break;
      }
      ByteBuffer frame = ByteBuffer.allocate((int) frameBytes);
      readFully(segment.channel, frame, at);
      Optional<Frame.Header> header = Frame.check(frame);
      if (header.isEmpty()) {
        break;
      }
      found.add(new Scanned(segment.base + at, (int) frameBytes, header.get()));
      at += frameBytes;
    }
    if (at < segment.size) {
      log.warn(
          "outbox segment {}: cut off {} bytes after offset {} that do not form a whole frame with"
              + " a good CRC (a write torn by power loss or a crash)",
          segment.path,
          segment.size - at,
          at);
      segment.channel.truncate(at);
      segment.channel.force(true);
    }
    return at;
  }

  /**
   * Appends a frame; with {@code sync} it is on stable storage when this returns.
   *
   * @return the frame's position
   */
  long append(ByteBuffer frame, boolean sync) throws IOException {
    Segment tail = segments.isEmpty() ? null : segments.lastEntry().getValue();
    if (tail == null || tail.size >= segmentBytes) {
      tail = newSegment(tail == null ? nextBase : tail.end());
    }
    long position = tail.end();
    int length = frame.remaining();
    try {
      long at = tail.size;
      while (frame.hasRemaining()) {
        at += tail.channel.write(frame, at);
      }
      if (sync) {
        tail.channel.force(false);
      }
    } catch (IOException e) {
      // Leave no half frame behind for the next append to build on.
      try {
        tail.channel.truncate(tail.size);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    tail.size += length;
    nextBase = tail.end();
    return position;
  }

  /** Reads and re-checks the frame at {@code position}; empty when it no longer checks out. */
  Optional<byte[]> read(long position, int frameBytes) throws IOException {
    Map.Entry<Long, Segment> entry = segments.floorEntry(position);
    if (entry == null || position + frameBytes > entry.getValue().end()) {
      return Optional.empty();
    }
    ByteBuffer frame = ByteBuffer.allocate(frameBytes);
    if (readFully(entry.getValue().channel, frame, position - entry.getKey()) < frameBytes
        || Frame.bodyLength(frame) != frameBytes - Frame.PREFIX_BYTES
        || Frame.check(frame).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Frame.payload(frame));
  }

  /** The position the next frame will get. */
  long end() {
    return nextBase;
  }

  /** Deletes the segments that end at or before {@code head}, except the last. */
  void deleteBefore(long head) throws IOException {
    var consumed = new ArrayList<Segment>();
    for (Segment s : segments.values()) {
      if (s.end() <= head && s != segments.lastEntry().getValue()) {
        consumed.add(s);
      }
    }
    for (Segment s : consumed) {
      s.channel.close();
      Files.deleteIfExists(s.path);
      segments.remove(s.base);
    }
    if (!consumed.isEmpty()) {
      syncDirectory(dir);
    }
  }

  /** Bytes the segment files take on disk. */
  long diskBytes() {
    return segments.values().stream().mapToLong(s -> s.size).sum();
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (Segment s : segments.values()) {
      try {
        s.channel.close();
      } catch (IOException e) {
        failure = e;
      }
    }
    segments.clear();
    if (failure != null) {
      throw failure;
    }
  }

  private Segment newSegment(long base) throws IOException {
    Path path = dir.resolve(name(base));
    FileChannel channel =
        FileChannel.open(
            path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    // The new name must survive a power loss too, not only the bytes written into it.
    syncDirectory(dir);
    var segment = new Segment(base, path, channel, 0);
    segments.put(base, segment);
    return segment;
  }

  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Some file systems cannot open a directory for syncing; the data itself is synced.
      log.debug("cannot sync directory {}: {}", dir, e.toString());
    }
  }

  private static int readFully(FileChannel channel, ByteBuffer into, long at) throws IOException {
    int total = 0;
    while (into.hasRemaining()) {
      int n = channel.read(into, at + total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  private static String name(long base) {
    return String.format("%020d", base) + SUFFIX;
  }

  private static long parseBase(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
