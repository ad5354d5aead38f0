package dev.hearth.hardware.condition;

import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed condition or numeric expression. Booleans evaluate to 1.0 (true) and 0.0 (false), so one
 * evaluation path serves both; the {@link TypeChecker} guarantees operands are used consistently.
 */
public sealed interface Expression {

  /** Evaluates against the current readings and parameters. */
  double evaluate(Bindings bindings);

  /** True when the expression holds (non-zero). */
  default boolean holds(Bindings bindings) {
    return evaluate(bindings) != 0.0;
  }

  /** The channel names this expression reads. */
  default Set<String> names() {
    Set<String> out = new TreeSet<>();
    collect(this, out, false);
    return out;
  }

  /** The program parameters ({@code $name}) this expression reads. */
  default Set<String> params() {
    Set<String> out = new TreeSet<>();
    collect(this, out, true);
    return out;
  }

  private static void collect(Expression e, Set<String> out, boolean params) {
    // Java 17 has no pattern matching for switch; the hierarchy is sealed and small.
    if (e instanceof Name n && !params) {
      out.add(n.name());
    } else if (e instanceof Param p && params) {
      out.add(p.name());
    } else if (e instanceof Unary u) {
      collect(u.operand(), out, params);
    } else if (e instanceof Binary b) {
      collect(b.left(), out, params);
      collect(b.right(), out, params);
    }
  }

  /** A number, a duration in seconds, or a boolean. */
  record Literal(double value, boolean bool) implements Expression {
    @Override
    public double evaluate(Bindings bindings) {
      return value;
    }
  }

  /** A channel's current value. */
  record Name(String name) implements Expression {
    @Override
    public double evaluate(Bindings bindings) {
      return bindings.channel(name);
    }
  }

  /** A program parameter's value. */
  record Param(String name) implements Expression {
    @Override
    public double evaluate(Bindings bindings) {
      return bindings.param(name);
    }
  }

  /** {@code not x} or {@code -x}. */
  record Unary(Operator operator, Expression operand) implements Expression {
    @Override
    public double evaluate(Bindings bindings) {
      double v = operand.evaluate(bindings);
      return operator == Operator.NOT ? (v == 0.0 ? 1.0 : 0.0) : -v;
    }
  }

  /** Arithmetic, comparison or logic on two operands. */
  record Binary(Operator operator, Expression left, Expression right) implements Expression {
    @Override
    public double evaluate(Bindings bindings) {
      double l = left.evaluate(bindings);
      // Short-circuit logic so a guard like "a and b" reads only what it needs.
      if (operator == Operator.AND && l == 0.0) {
        return 0.0;
      }
      if (operator == Operator.OR && l != 0.0) {
        return 1.0;
      }
      return operator.apply(l, right.evaluate(bindings));
    }
  }
}
