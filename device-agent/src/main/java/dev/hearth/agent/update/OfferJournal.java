package dev.hearth.agent.update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.wire.Decoded;
import dev.hearth.specs.wire.UpdateOffer;
import dev.hearth.specs.wire.WireCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every offer this device took and the last state each reached, on disk ({@code
 * updates/offers.json}, rewritten atomically on every state change). It is what makes an offer id
 * count once across restarts (SPEC 5.2), what an interrupted offer resumes from, and what the
 * device reports again after a restart. Only the newest entries are kept; unfinished ones never
 * drop out.
 */
public final class OfferJournal {

  private static final Logger LOG = LoggerFactory.getLogger(OfferJournal.class);
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final Path file;
  private final int keep;
  private final WireCodec codec = new WireCodec();
  private final Map<String, JournalEntry> entries = new LinkedHashMap<>();
  private long lastSeq;

  private OfferJournal(Path file, int keep) {
    this.file = file;
    this.keep = keep;
  }

  /**
   * Opens the journal at {@code file}; a damaged one is set aside (renamed {@code .damaged}) and
   * the journal starts empty, so a bad disk block cannot stop the agent from taking updates.
   *
   * @param keep how many finished offers to remember at least
   */
  public static OfferJournal open(Path file, int keep) {
    var journal = new OfferJournal(file, keep);
    journal.load();
    return journal;
  }

  /** The entry for {@code offerId}, if this device ever took that offer. */
  public synchronized Optional<JournalEntry> find(String offerId) {
    return Optional.ofNullable(entries.get(offerId));
  }

  /** Offers not finished yet, oldest first: they resume after a restart. */
  public synchronized List<JournalEntry> unfinished() {
    return entries.values().stream()
        .filter(e -> !e.isFinished())
        .sorted(Comparator.comparingLong(JournalEntry::seq))
        .toList();
  }

  /** The offer taken last, if any. */
  public synchronized Optional<JournalEntry> latest() {
    return entries.values().stream().max(Comparator.comparingLong(JournalEntry::seq));
  }

  /**
   * Records that {@code offer} reached {@code progress}, durably, before anyone hears of it.
   *
   * @throws UncheckedIOException when the journal cannot be written
   */
  public synchronized JournalEntry record(UpdateOffer offer, UpdateProgress progress) {
    JournalEntry earlier = entries.get(offer.offerId());
    long seq = earlier != null ? earlier.seq() : ++lastSeq;
    var entry = new JournalEntry(seq, offer, progress);
    entries.put(offer.offerId(), entry);
    trim();
    save();
    return entry;
  }

  private void trim() {
    List<JournalEntry> finished =
        entries.values().stream()
            .filter(JournalEntry::isFinished)
            .sorted(Comparator.comparingLong(JournalEntry::seq))
            .toList();
    for (int i = 0; i < finished.size() - keep; i++) {
      entries.remove(finished.get(i).offer().offerId());
    }
  }

  private void save() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("lastSeq", lastSeq);
    ArrayNode list = json.putArray("offers");
    for (JournalEntry e : entries.values()) {
      ObjectNode item = list.addObject();
      item.put("seq", e.seq());
      try {
        item.set("offer", MAPPER.readTree(codec.encode(e.offer())));
      } catch (IOException ex) {
        throw new UncheckedIOException("an encoded offer is always JSON", ex);
      }
      item.set("progress", ProgressJson.write(e.progress()));
    }
    try {
      DurableFiles.write(file, MAPPER.writeValueAsBytes(json));
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException("a JSON tree always serializes", ex);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write the offer journal " + file + ": " + ex, ex);
    }
  }

  private void load() {
    JsonNode json;
    try {
      json = MAPPER.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      setAside(e.toString());
      return;
    }
    List<JournalEntry> read = new ArrayList<>();
    for (JsonNode item : json.path("offers")) {
      Optional<UpdateProgress> progress = ProgressJson.read(item.get("progress"));
      Optional<UpdateOffer> offer = offer(item.get("offer"));
      if (progress.isEmpty() || offer.isEmpty() || !item.path("seq").canConvertToLong()) {
        setAside("an entry does not read: " + item);
        return;
      }
      read.add(new JournalEntry(item.get("seq").asLong(), offer.get(), progress.get()));
    }
    read.sort(Comparator.comparingLong(JournalEntry::seq));
    for (JournalEntry e : read) {
      entries.put(e.offer().offerId(), e);
      lastSeq = Math.max(lastSeq, e.seq());
    }
    lastSeq = Math.max(lastSeq, json.path("lastSeq").asLong(0));
  }

  private Optional<UpdateOffer> offer(JsonNode json) {
    if (json == null) {
      return Optional.empty();
    }
    try {
      Decoded<UpdateOffer> decoded =
          codec.decode(UpdateOffer.class, MAPPER.writeValueAsBytes(json));
      return decoded.payload();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private void setAside(String why) {
    entries.clear();
    Path aside = file.resolveSibling(file.getFileName() + ".damaged");
    LOG.warn(
        "the offer journal {} is damaged ({}); moved to {}, starting afresh", file, why, aside);
    try {
      Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      LOG.warn("cannot move {} aside: {}", file, e.toString());
    }
  }
}
