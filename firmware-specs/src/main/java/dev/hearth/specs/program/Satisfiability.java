package dev.hearth.specs.program;

import dev.hearth.hardware.condition.Expression;
import dev.hearth.hardware.condition.Expression.Binary;
import dev.hearth.hardware.condition.Expression.Literal;
import dev.hearth.hardware.condition.Expression.Name;
import dev.hearth.hardware.condition.Expression.Param;
import dev.hearth.hardware.condition.Operator;
import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.ParamSpec;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.Range;
import java.util.Map;
import java.util.Optional;

/**
 * Finds {@code until} conditions that can never hold because they compare a channel with a value
 * outside its range: {@code water_level >= 50} on a 40-litre drum waits until the timeout every
 * time.
 */
final class Satisfiability {

  private final Profile profile;
  private final Map<String, ParamSpec> params;

  Satisfiability(Profile profile, Map<String, ParamSpec> params) {
    this.profile = profile;
    this.params = params;
  }

  /** Why {@code e} can never hold, or empty when it might. */
  Optional<String> neverHolds(Expression e) {
    if (e instanceof Binary b && b.operator() == Operator.AND) {
      return neverHolds(b.left()).or(() -> neverHolds(b.right()));
    }
    if (e instanceof Binary b && b.operator() == Operator.OR) {
      Optional<String> l = neverHolds(b.left());
      Optional<String> r = neverHolds(b.right());
      return l.isPresent() && r.isPresent()
          ? Optional.of(l.get() + " and " + r.get())
          : Optional.empty();
    }
    if (!(e instanceof Binary b)) {
      return Optional.empty();
    }
    Optional<Channel> channel =
        b.left() instanceof Name n ? profile.channel(n.name()) : Optional.empty();
    Optional<Range> bound = bound(b.right());
    if (channel.isEmpty() || channel.get().range() == null || bound.isEmpty()) {
      return Optional.empty();
    }
    Range r = channel.get().range();
    Range v = bound.get();
    boolean never =
        switch (b.operator()) {
          case GE -> v.min() > r.max();
          case GT -> v.min() >= r.max();
          case LE -> v.max() < r.min();
          case LT -> v.max() <= r.min();
          case EQ -> v.min() > r.max() || v.max() < r.min();
          default -> false;
        };
    return never
        ? Optional.of(channel.get().name() + " only ranges over " + r + " " + channel.get().unit())
        : Optional.empty();
  }

  /** The values a literal or parameter can take. */
  private Optional<Range> bound(Expression e) {
    if (e instanceof Literal l && !l.bool()) {
      return Optional.of(new Range(l.value(), Math.nextUp(l.value())));
    }
    if (e instanceof Param p && params.containsKey(p.name())) {
      return Optional.of(params.get(p.name()).range());
    }
    return Optional.empty();
  }
}
