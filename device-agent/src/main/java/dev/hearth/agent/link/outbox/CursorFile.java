package dev.hearth.agent.link.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Stores the {@link Cursor} in two fixed-size slots written in turn, each with a generation number
 * and a CRC. A write torn by power loss spoils at most the slot being written; opening takes the
 * good slot with the highest generation, so the previous cursor survives.
 */
final class CursorFile implements AutoCloseable {

  private static final int MAGIC = 0x48435552; // "HCUR"
  private static final byte FORMAT = 1;
  private static final int LONGS = 15;
  private static final int BYTES = 4 + 1 + 8 + LONGS * 8 + 4;

  private final FileChannel[] slots = new FileChannel[2];
  private long generation;
  private Cursor loaded = Cursor.EMPTY;

  private CursorFile() {}

  /** Opens (creating when absent) the slots in {@code dir} and reads the newest good cursor. */
  static CursorFile open(Path dir) throws IOException {
    var file = new CursorFile();
    for (int i = 0; i < 2; i++) {
      file.slots[i] =
          FileChannel.open(
              dir.resolve("cursor." + i),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      Optional<long[]> read = read(file.slots[i]);
      if (read.isPresent() && read.get()[0] > file.generation) {
        file.generation = read.get()[0];
        file.loaded = decode(read.get());
      }
    }
    SegmentLog.syncDirectory(dir);
    return file;
  }

  /** The cursor found when opening; {@link Cursor#EMPTY} for a new outbox. */
  Cursor loaded() {
    return loaded;
  }

  /** Writes {@code cursor} to the older slot; it is on stable storage when this returns. */
  void write(Cursor cursor) throws IOException {
    generation++;
    ByteBuffer buffer = ByteBuffer.allocate(BYTES);
    buffer.putInt(MAGIC).put(FORMAT).putLong(generation);
    for (long value : encode(cursor)) {
      buffer.putLong(value);
    }
    var crc = new CRC32C();
    crc.update(buffer.array(), 0, BYTES - 4);
    buffer.putInt((int) crc.getValue()).flip();
    FileChannel slot = slots[(int) (generation % 2)];
    while (buffer.hasRemaining()) {
      slot.write(buffer, buffer.position());
    }
    slot.force(false);
  }

  @Override
  public void close() throws IOException {
    for (FileChannel slot : slots) {
      if (slot != null) {
        slot.close();
      }
    }
  }

  private static long[] encode(Cursor c) {
    return new long[] {
      c.eventsHead(),
      c.eventsSeqFloor(),
      c.telemetryHead(),
      c.telemetrySeqFloor(),
      c.openGap().samples(),
      c.openGap().batches(),
      c.openGap().fromT(),
      c.openGap().toT(),
      c.claimSeq(),
      c.claimedGap().samples(),
      c.claimedGap().batches(),
      c.claimedGap().fromT(),
      c.claimedGap().toT(),
      0,
      0
    };
  }

  /** {@code values[0]} is the generation, the rest the cursor's longs in {@link #encode} order. */
  private static Cursor decode(long[] values) {
    return new Cursor(
        values[1],
        values[2],
        values[3],
        values[4],
        new Gap(values[5], values[6], values[7], values[8]),
        values[9],
        new Gap(values[10], values[11], values[12], values[13]));
  }

  private static Optional<long[]> read(FileChannel slot) throws IOException {
    if (slot.size() < BYTES) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.allocate(BYTES);
    while (buffer.hasRemaining()) {
      if (slot.read(buffer, buffer.position()) < 0) {
        return Optional.empty();
      }
    }
    var crc = new CRC32C();
    crc.update(buffer.array(), 0, BYTES - 4);
    if (buffer.getInt(0) != MAGIC
        || buffer.get(4) != FORMAT
        || buffer.getInt(BYTES - 4) != (int) crc.getValue()) {
      return Optional.empty();
    }
    long[] values = new long[1 + LONGS];
    buffer.position(5);
    for (int i = 0; i < values.length; i++) {
      values[i] = buffer.getLong();
    }
    return Optional.of(values);
  }
}
