package dev.hearth.hardware.condition;

/** The operators of the condition language, with their spelling and meaning. */
public enum Operator {
  OR("or"),
  AND("and"),
  NOT("not"),
  EQ("=="),
  NE("!="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">="),
  PLUS("+"),
  MINUS("-"),
  TIMES("*"),
  DIVIDE("/");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  boolean isComparison() {
    return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
  }

  boolean isLogic() {
    return this == OR || this == AND || this == NOT;
  }

  double apply(double l, double r) {
    return switch (this) {
      case OR -> (l != 0.0 || r != 0.0) ? 1.0 : 0.0;
      case AND -> (l != 0.0 && r != 0.0) ? 1.0 : 0.0;
      case EQ -> l == r ? 1.0 : 0.0;
      case NE -> l != r ? 1.0 : 0.0;
      case LT -> l < r ? 1.0 : 0.0;
      case LE -> l <= r ? 1.0 : 0.0;
      case GT -> l > r ? 1.0 : 0.0;
      case GE -> l >= r ? 1.0 : 0.0;
      case PLUS -> l + r;
      case MINUS -> l - r;
      case TIMES -> l * r;
      // Division by zero yields infinity, never an exception in the safety path.
      case DIVIDE -> l / r;
      case NOT -> throw new IllegalStateException("not is unary");
    };
  }
}
