package dev.hearth.specs.canonical;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The outcome of reading untrusted input: the value, or which field is wrong and why. Bad input is
 * expected (files edited by hand, data from the network), so it is a value, not an exception.
 *
 * @param <T> the type read
 */
public sealed interface Parsed<T> permits Parsed.Ok, Parsed.Invalid {

  /** The input was read and validated. */
  record Ok<T>(T value) implements Parsed<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * The input was refused.
   *
   * @param field JSON pointer (RFC 6901) of the offending field, {@code ""} for the whole document
   * @param problem what is wrong and how to fix it
   */
  record Invalid<T>(String field, String problem) implements Parsed<T> {
    public Invalid {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(problem, "problem");
    }

    /** Field and problem in one line, for people. */
    public String message() {
      return describe(field, problem);
    }
  }

  static <T> Parsed<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Parsed<T> invalid(String field, String problem) {
    return new Invalid<>(field, problem);
  }

  /**
   * Runs a reader that signals bad input with {@link InvalidFieldException} and returns its outcome
   * as a value.
   */
  static <T> Parsed<T> reading(Supplier<T> reader) {
    try {
      return ok(reader.get());
    } catch (InvalidFieldException e) {
      return invalid(e.field(), e.problem());
    }
  }

  default boolean isOk() {
    return this instanceof Ok;
  }

  /** The value, empty when invalid. */
  default Optional<T> toOptional() {
    return this instanceof Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
  }

  /** The value, or an {@link InvalidFieldException} for callers that treat bad input as a bug. */
  default T orElseThrow() {
    if (this instanceof Ok<T> ok) {
      return ok.value();
    }
    Invalid<T> invalid = (Invalid<T>) this;
    throw new InvalidFieldException(invalid.field(), invalid.problem());
  }

  /** Transforms a value; an invalid outcome passes through. */
  default <U> Parsed<U> map(Function<? super T, ? extends U> f) {
    return flatMap(value -> ok(f.apply(value)));
  }

  /** Chains a further reading step; an invalid outcome passes through. */
  default <U> Parsed<U> flatMap(Function<? super T, Parsed<U>> f) {
    if (this instanceof Ok<T> ok) {
      return f.apply(ok.value());
    }
    Invalid<T> invalid = (Invalid<T>) this;
    return invalid(invalid.field(), invalid.problem());
  }

  /** The same outcome with an invalid field located under {@code parent}. */
  default Parsed<T> under(String parent) {
    if (this instanceof Invalid<T> invalid) {
      return invalid(parent + invalid.field(), invalid.problem());
    }
    return this;
  }

  /** Formats a field and its problem the way every Hearth reader reports them. */
  static String describe(String field, String problem) {
    return field.isEmpty() ? problem : field + ": " + problem;
  }
}
