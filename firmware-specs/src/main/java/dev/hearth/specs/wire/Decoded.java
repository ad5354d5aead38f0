package dev.hearth.specs.wire;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of decoding a payload: the record, or the reason it was rejected. Malformed input is
 * an expected outcome on a network, so it is a value rather than an exception.
 *
 * @param <T> the payload type
 */
public sealed interface Decoded<T> permits Decoded.Ok, Decoded.Rejected {

  /** The payload decoded and validated. */
  record Ok<T>(T value) implements Decoded<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The payload was refused; {@code error} says where and why. */
  record Rejected<T>(WireError error) implements Decoded<T> {
    public Rejected {
      Objects.requireNonNull(error, "error");
    }
  }

  default boolean isOk() {
    return this instanceof Ok;
  }

  /** The decoded value, empty when rejected. */
  default Optional<T> payload() {
    return this instanceof Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
  }

  /** The rejection, empty when decoded. */
  default Optional<WireError> rejection() {
    return this instanceof Rejected<T> rejected ? Optional.of(rejected.error()) : Optional.empty();
  }

  /** Transforms a decoded value; a rejection passes through unchanged. */
  default <U> Decoded<U> map(Function<? super T, ? extends U> f) {
    if (this instanceof Ok<T> ok) {
      return new Ok<>(f.apply(ok.value()));
    }
    return new Rejected<>(((Rejected<T>) this).error());
  }
}
