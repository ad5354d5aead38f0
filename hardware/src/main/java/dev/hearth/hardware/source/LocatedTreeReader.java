package dev.hearth.hardware.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads YAML (or JSON, which is YAML) into a {@link LocatedTree}.
 *
 * <p>Strict where authors make mistakes silently: a key given twice is an error, not a
 * last-one-wins.
 */
public final class LocatedTreeReader {

  private static final JsonFactory YAML = YAMLFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LocatedTreeReader() {}

  /** The outcome of reading: a tree, or the one syntax problem that stopped the reader. */
  public sealed interface Result permits Read, Unreadable {}

  /** The document was read. */
  public record Read(LocatedTree tree) implements Result {}

  /** The document is not well-formed YAML; {@code problem} says where. */
  public record Unreadable(Problem problem) implements Result {}

  /** Parses {@code text}, attributing locations to {@code file}. */
  public static Result read(String file, String text) {
    Map<String, SourceLocation> locations = new HashMap<>();
    try (JsonParser parser = YAML.createParser(text)) {
      if (parser.nextToken() == null) {
        return new Unreadable(
            new Problem(new SourceLocation(file, 1, 1), "", "the document is empty"));
      }
      JsonNode root = new Builder(file, parser, locations).value("");
      return new Read(new LocatedTree(file, root, locations));
    } catch (DuplicateKey e) {
      return new Unreadable(
          new Problem(e.location, FieldPath.display(e.pointer), "is given twice; keep one"));
    } catch (JsonProcessingException e) {
      return new Unreadable(
          new Problem(at(file, e.getLocation()), "", "not valid YAML: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SourceLocation at(String file, JsonLocation location) {
    if (location == null) {
      return SourceLocation.unknown(file);
    }
    return new SourceLocation(file, location.getLineNr(), location.getColumnNr());
  }

  /** Walks the token stream once, building nodes and noting where each one starts. */
  private record Builder(String file, JsonParser parser, Map<String, SourceLocation> locations) {

    JsonNode value(String pointer) throws IOException {
      locations.putIfAbsent(pointer, at(file, parser.currentTokenLocation()));
      JsonToken token = parser.currentToken();
      return switch (token) {
        case START_OBJECT -> object(pointer);
        case START_ARRAY -> array(pointer);
        case VALUE_STRING -> NODES.textNode(parser.getText());
        case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
        case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
        case VALUE_TRUE -> NODES.booleanNode(true);
        case VALUE_FALSE -> NODES.booleanNode(false);
        case VALUE_NULL -> NODES.nullNode();
        default -> throw new IllegalStateException("unexpected token " + token);
      };
    }

    private ObjectNode object(String pointer) throws IOException {
      ObjectNode node = NODES.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        String child = FieldPath.child(pointer, name);
        SourceLocation where = at(file, parser.currentTokenLocation());
        if (node.has(name)) {
          throw new DuplicateKey(child, where);
        }
        locations.put(child, where);
        parser.nextToken();
        node.set(name, value(child));
      }
      return node;
    }

    private ArrayNode array(String pointer) throws IOException {
      ArrayNode node = NODES.arrayNode();
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        node.add(value(FieldPath.child(pointer, index++)));
      }
      return node;
    }
  }

  private static final class DuplicateKey extends IOException {
    private static final long serialVersionUID = 1L;
    final String pointer;
    final transient SourceLocation location;

    DuplicateKey(String pointer, SourceLocation location) {
      super(pointer);
      this.pointer = pointer;
      this.location = location;
    }
  }
}
