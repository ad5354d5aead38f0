package dev.hearth.specs.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated and truncated good vectors never make the codec throw: the outcome is always Ok or
 * Rejected, and whatever it accepts it can write back and read again unchanged.
 */
class WireFuzzTest {

  private static final int BYTE_MUTATIONS = 8_000;
  private static final int TREE_MUTATIONS = 4_000;
  private static final byte[] INTERESTING =
      "{}[]\":,\\ 0-1e.+nultrfs\u00ff".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

  private final WireCodec codec = new WireCodec();

  @Test
  void mutatedVectorsNeverEscapeTheCodec() {
    long seed = Long.getLong("hearth.wire.seed", 0xF022L);
    var random = new Random(seed);
    List<WireVectorsTest.Vector> vectors = WireVectorsTest.goodVectors();
    int accepted = 0;
    for (int i = 0; i < BYTE_MUTATIONS; i++) {
      var vector = vectors.get(random.nextInt(vectors.size()));
      byte[] input = mutate(WireVectorsTest.read(vector), random);
      // Now and then feed a payload to the wrong kind as well.
      TopicKind kind =
          random.nextInt(8) == 0
              ? TopicKind.values()[random.nextInt(TopicKind.values().length)]
              : vector.kind();
      if (check(kind, input, "seed " + seed + ", iteration " + i + ", from " + vector.file())) {
        accepted++;
      }
    }
    // Mutations that keep a payload valid exist (e.g. a digit changed); both outcomes are hit.
    assertThat(accepted).isBetween(1, BYTE_MUTATIONS - 1);
  }

  /**
   * Byte mutations mostly yield broken JSON; these keep the JSON well-formed and break the
   * payload's fields instead (drop, retype, rename), so the record validation is fuzzed too.
   */
  @Test
  void mutatedTreesNeverEscapeTheCodec() throws IOException {
    long seed = Long.getLong("hearth.wire.seed", 0x7EEEL);
    var random = new Random(seed);
    var values = new RandomPayloads(random);
    List<WireVectorsTest.Vector> vectors = WireVectorsTest.goodVectors();
    int accepted = 0;
    for (int i = 0; i < TREE_MUTATIONS; i++) {
      var vector = vectors.get(random.nextInt(vectors.size()));
      JsonNode tree = MAPPER.readTree(WireVectorsTest.read(vector));
      for (int n = 1 + random.nextInt(2); n > 0; n--) {
        mutateTree(tree, random, values);
      }
      byte[] input = MAPPER.writeValueAsBytes(tree);
      if (check(
          vector.kind(), input, "seed " + seed + ", iteration " + i + ", from " + vector.file())) {
        accepted++;
      }
    }
    assertThat(accepted).isBetween(1, TREE_MUTATIONS - 1);
  }

  /** Decodes, checks the outcome's invariants, and says whether the payload was accepted. */
  private boolean check(TopicKind kind, byte[] input, String context) {
    try {
      Decoded<WirePayload> decoded = codec.decode(kind, input);
      if (decoded instanceof Decoded.Ok<WirePayload> ok) {
        byte[] again = codec.encode(ok.value());
        assertThat(codec.decode(kind, again)).isEqualTo(decoded);
        return true;
      }
      var error = decoded.rejection().orElseThrow();
      assertThat(error.message()).isNotBlank();
      assertThat(Check.isWellFormed(error.message())).isTrue();
      assertThat(error.field()).matches("|(/[^/]*)+");
      return false;
    } catch (RuntimeException | AssertionError e) {
      throw new AssertionError(
          context
              + " (rerun with -Dhearth.wire.seed=<seed>), kind "
              + kind
              + ", input (base64) "
              + Base64.getEncoder().encodeToString(input),
          e);
    }
  }

  private static void mutateTree(JsonNode root, Random random, RandomPayloads values) {
    // Pick a random container in the tree, then one of its members.
    JsonNode container = root;
    while (random.nextInt(3) != 0) {
      List<JsonNode> children = new ArrayList<>();
      container.forEach(
          c -> {
            if (c.isContainerNode() && c.size() > 0) {
              children.add(c);
            }
          });
      if (children.isEmpty()) {
        break;
      }
      container = children.get(random.nextInt(children.size()));
    }
    if (container.size() == 0) {
      return;
    }
    JsonNode replacement = REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()));
    if (random.nextInt(4) == 0) {
      replacement = values.json(2);
    }
    if (container instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      switch (random.nextInt(3)) {
        case 0 -> object.remove(name);
        case 1 -> object.set(name, replacement.deepCopy());
        default -> object.set(name + "x", object.remove(name));
      }
    } else if (container instanceof ArrayNode array) {
      int at = random.nextInt(array.size());
      if (random.nextBoolean()) {
        array.remove(at);
      } else {
        array.set(at, replacement.deepCopy());
      }
    }
  }

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final List<JsonNode> REPLACEMENTS = replacements();

  private static List<JsonNode> replacements() {
    var nodes = JsonNodeFactory.instance;
    return List.of(
        nodes.nullNode(),
        nodes.booleanNode(true),
        nodes.numberNode(0),
        nodes.numberNode(-1),
        nodes.numberNode(Long.MAX_VALUE),
        nodes.numberNode(new BigInteger("99999999999999999999")),
        nodes.numberNode(1.5),
        nodes.numberNode(-0.0),
        nodes.numberNode(1e308),
        nodes.textNode(""),
        nodes.textNode("x"),
        nodes.textNode("online"),
        nodes.textNode("open-washer@1"),
        nodes.textNode("https://h.example/a"),
        nodes.textNode("a".repeat(2000)),
        nodes.textNode("\u0000\n"),
        nodes.arrayNode(),
        nodes.objectNode());
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] b = original;
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      b = mutateOnce(b, random);
    }
    return b;
  }

  private static byte[] mutateOnce(byte[] b, Random random) {
    if (b.length == 0) {
      return new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]};
    }
    int at = random.nextInt(b.length);
    switch (random.nextInt(7)) {
      case 0: // truncate
        return Arrays.copyOf(b, at);
      case 1: // flip a bit
        {
          byte[] c = b.clone();
          c[at] ^= (byte) (1 << random.nextInt(8));
          return c;
        }
      case 2: // replace with a JSON-significant byte
        {
          byte[] c = b.clone();
          c[at] = INTERESTING[random.nextInt(INTERESTING.length)];
          return c;
        }
      case 3: // insert a random byte
        {
          byte[] c = new byte[b.length + 1];
          System.arraycopy(b, 0, c, 0, at);
          c[at] = (byte) random.nextInt(256);
          System.arraycopy(b, at, c, at + 1, b.length - at);
          return c;
        }
      case 4: // delete a range
        {
          int end = Math.min(b.length, at + 1 + random.nextInt(16));
          byte[] c = new byte[b.length - (end - at)];
          System.arraycopy(b, 0, c, 0, at);
          System.arraycopy(b, end, c, at, b.length - end);
          return c;
        }
      case 5: // duplicate a range (duplicate fields, repeated structure)
        {
          int end = Math.min(b.length, at + 1 + random.nextInt(64));
          byte[] c = new byte[b.length + (end - at)];
          System.arraycopy(b, 0, c, 0, end);
          System.arraycopy(b, at, c, end, b.length - at);
          return c;
        }
      default: // swap two bytes
        {
          byte[] c = b.clone();
          int other = random.nextInt(b.length);
          byte t = c[at];
          c[at] = c[other];
          c[other] = t;
          return c;
        }
    }
  }
}
