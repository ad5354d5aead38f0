package dev.hearth.hardware.source;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Binds a {@link LocatedTree} onto authoring records strictly: an unknown field (a typo) is an
 * error, and every error points at the field that caused it.
 */
public final class DocumentBinder {

  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

  private DocumentBinder() {}

  /** The bound document, or empty with the problem added to {@code problems}. */
  public static <T> Optional<T> bind(LocatedTree tree, Class<T> type, Problems problems) {
    try {
      return Optional.of(STRICT.treeToValue(tree.root(), type));
    } catch (JsonMappingException e) {
      String pointer = pointer(e);
      problems.add(pointer, message(e));
      return Optional.empty();
    } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
      problems.add("", e.getMessage());
      return Optional.empty();
    }
  }

  private static String pointer(JsonMappingException e) {
    StringBuilder p = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      Object segment = ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex();
      p.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
    }
    return p.toString();
  }

  private static String message(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown field '"
          + u.getPropertyName()
          + "'; expected one of "
          + u.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "));
    }
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      return e.getCause().getMessage();
    }
    String original = e.getOriginalMessage();
    int cut = original.indexOf(" at [Source");
    return cut > 0 ? original.substring(0, cut) : original;
  }
}
