package dev.hearth.hardware.condition;

import dev.hearth.hardware.condition.Expression.Binary;
import dev.hearth.hardware.condition.Expression.Literal;
import dev.hearth.hardware.condition.Expression.Name;
import dev.hearth.hardware.condition.Expression.Param;
import dev.hearth.hardware.condition.Expression.Unary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks that an expression reads only known names and uses booleans and numbers where each
 * belongs. An expression that passes cannot fail when evaluated.
 */
public final class TypeChecker {

  private final Map<String, Type> channels;
  private final Map<String, Type> params;

  /**
   * @param channels the names an expression may read, with their types
   * @param params the program parameters an expression may read ({@code $name}), with their types
   */
  public TypeChecker(Map<String, Type> channels, Map<String, Type> params) {
    this.channels = Map.copyOf(channels);
    this.params = Map.copyOf(params);
  }

  /** Every problem with {@code e} when it must have type {@code expected}; empty when none. */
  public List<String> check(Expression e, Type expected) {
    List<String> problems = new ArrayList<>();
    typeOf(e, problems)
        .ifPresent(
            actual -> {
              if (actual != expected) {
                problems.add(
                    "must be "
                        + expected.article()
                        + " but is "
                        + actual.article()
                        + (expected == Type.BOOLEAN ? "; compare it, e.g. x >= 10" : ""));
              }
            });
    return problems;
  }

  private Optional<Type> typeOf(Expression e, List<String> problems) {
    if (e instanceof Literal l) {
      return Optional.of(l.bool() ? Type.BOOLEAN : Type.NUMBER);
    }
    if (e instanceof Name n) {
      return lookup(channels, n.name(), "", problems);
    }
    if (e instanceof Param p) {
      return lookup(params, p.name(), "$", problems);
    }
    if (e instanceof Unary u) {
      Type want = u.operator() == Operator.NOT ? Type.BOOLEAN : Type.NUMBER;
      expect(u.operand(), want, u.operator().symbol(), problems);
      return Optional.of(want);
    }
    Binary b = (Binary) e;
    Operator op = b.operator();
    if (op.isLogic()) {
      expect(b.left(), Type.BOOLEAN, op.symbol(), problems);
      expect(b.right(), Type.BOOLEAN, op.symbol(), problems);
      return Optional.of(Type.BOOLEAN);
    }
    if (op == Operator.EQ || op == Operator.NE) {
      Optional<Type> l = typeOf(b.left(), problems);
      Optional<Type> r = typeOf(b.right(), problems);
      if (l.isPresent() && r.isPresent() && l.get() != r.get()) {
        problems.add(
            "'" + op.symbol() + "' compares " + l.get().article() + " with " + r.get().article());
      }
      return Optional.of(Type.BOOLEAN);
    }
    expect(b.left(), Type.NUMBER, op.symbol(), problems);
    expect(b.right(), Type.NUMBER, op.symbol(), problems);
    return Optional.of(op.isComparison() ? Type.BOOLEAN : Type.NUMBER);
  }

  private void expect(Expression e, Type want, String op, List<String> problems) {
    typeOf(e, problems)
        .ifPresent(
            actual -> {
              if (actual != want) {
                problems.add(
                    "'" + op + "' needs " + want.article() + " but got " + actual.article());
              }
            });
  }

  private static Optional<Type> lookup(
      Map<String, Type> known, String name, String prefix, List<String> problems) {
    Type t = known.get(name);
    if (t == null) {
      problems.add(
          "unknown name '"
              + prefix
              + name
              + "'"
              + (known.isEmpty() ? "" : "; known: " + new TreeSet<>(known.keySet())));
      return Optional.empty();
    }
    return Optional.of(t);
  }
}
