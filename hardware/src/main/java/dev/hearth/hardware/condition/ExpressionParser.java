package dev.hearth.hardware.condition;

import dev.hearth.hardware.condition.Expression.Binary;
import dev.hearth.hardware.condition.Expression.Literal;
import dev.hearth.hardware.condition.Expression.Name;
import dev.hearth.hardware.condition.Expression.Param;
import dev.hearth.hardware.condition.Expression.Unary;
import java.util.Map;

/** Recursive-descent parser for the grammar in {@link dev.hearth.hardware.condition}. */
public final class ExpressionParser {

  private static final Map<String, Double> DURATION_UNITS =
      Map.of("ms", 0.001, "s", 1.0, "m", 60.0, "h", 3600.0);

  private final String text;
  private int pos;

  private ExpressionParser(String text) {
    this.text = text;
  }

  /** The outcome of parsing: an expression, or where and why the text is not one. */
  public sealed interface Result permits Parsed, Invalid {}

  /** The text is an expression. */
  public record Parsed(Expression expression) implements Result {}

  /**
   * The text is not an expression.
   *
   * @param column 1-based column in the expression text
   */
  public record Invalid(int column, String message) implements Result {}

  /** Parses {@code text} as a whole expression. */
  public static Result parse(String text) {
    if (text == null || text.isBlank()) {
      return new Invalid(1, "the expression is empty");
    }
    ExpressionParser parser = new ExpressionParser(text);
    try {
      Expression e = parser.or();
      parser.skipSpace();
      if (parser.pos < text.length()) {
        throw parser.error("unexpected '" + text.substring(parser.pos) + "'");
      }
      return new Parsed(e);
    } catch (SyntaxError e) {
      return new Invalid(e.column, e.getMessage());
    }
  }

  private Expression or() {
    Expression left = and();
    while (keyword("or")) {
      left = new Binary(Operator.OR, left, and());
    }
    return left;
  }

  private Expression and() {
    Expression left = not();
    while (keyword("and")) {
      left = new Binary(Operator.AND, left, not());
    }
    return left;
  }

  private Expression not() {
    if (keyword("not")) {
      return new Unary(Operator.NOT, not());
    }
    return compare();
  }

  private Expression compare() {
    Expression left = sum();
    for (Operator op :
        new Operator[] {
          Operator.EQ, Operator.NE, Operator.LE, Operator.GE, Operator.LT, Operator.GT
        }) {
      if (symbol(op.symbol())) {
        return new Binary(op, left, sum());
      }
    }
    return left;
  }

  private Expression sum() {
    Expression left = product();
    while (true) {
      if (symbol("+")) {
        left = new Binary(Operator.PLUS, left, product());
      } else if (symbol("-")) {
        left = new Binary(Operator.MINUS, left, product());
      } else {
        return left;
      }
    }
  }

  private Expression product() {
    Expression left = unary();
    while (true) {
      if (symbol("*")) {
        left = new Binary(Operator.TIMES, left, unary());
      } else if (symbol("/")) {
        left = new Binary(Operator.DIVIDE, left, unary());
      } else {
        return left;
      }
    }
  }

  private Expression unary() {
    if (symbol("-")) {
      return new Unary(Operator.MINUS, unary());
    }
    return atom();
  }

  private Expression atom() {
    skipSpace();
    if (pos >= text.length()) {
      throw error("the expression ends too early");
    }
    char c = text.charAt(pos);
    if (c == '(') {
      pos++;
      Expression inner = or();
      if (!symbol(")")) {
        throw error("missing ')'");
      }
      return inner;
    }
    if (c == '$') {
      pos++;
      String name = identifier();
      if (name.isEmpty()) {
        throw error("'$' must be followed by a parameter name");
      }
      return new Param(name);
    }
    if (Character.isDigit(c) || c == '.') {
      return number();
    }
    String name = identifier();
    if (name.isEmpty()) {
      throw error("unexpected '" + c + "'");
    }
    return switch (name) {
      case "true" -> new Literal(1.0, true);
      case "false" -> new Literal(0.0, true);
      case "and", "or", "not" -> throw error("'" + name + "' needs an operand before it");
      default -> new Name(name);
    };
  }

  private Expression number() {
    int start = pos;
    while (pos < text.length()
        && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
      pos++;
    }
    double value;
    try {
      value = Double.parseDouble(text.substring(start, pos));
    } catch (NumberFormatException e) {
      pos = start;
      throw error("'" + text.substring(start) + "' is not a number");
    }
    int unitStart = pos;
    while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
      pos++;
    }
    String unit = text.substring(unitStart, pos);
    if (unit.isEmpty()) {
      return new Literal(value, false);
    }
    Double seconds = DURATION_UNITS.get(unit);
    if (seconds == null) {
      pos = unitStart;
      throw error("unknown duration unit '" + unit + "'; use ms, s, m or h");
    }
    return new Literal(value * seconds, false);
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')
        && (pos > start || !Character.isDigit(text.charAt(pos)))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private boolean keyword(String word) {
    skipSpace();
    int end = pos + word.length();
    if (text.startsWith(word, pos)
        && (end == text.length()
            || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_')) {
      pos = end;
      return true;
    }
    return false;
  }

  private boolean symbol(String s) {
    skipSpace();
    if (!text.startsWith(s, pos)) {
      return false;
    }
    // "<" must not swallow the first half of "<=", nor "=" stand alone.
    if ((s.equals("<") || s.equals(">")) && text.startsWith("=", pos + 1)) {
      return false;
    }
    pos += s.length();
    return true;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private SyntaxError error(String message) {
    return new SyntaxError(pos + 1, message);
  }

  private static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int column;

    SyntaxError(int column, String message) {
      super(message, null, false, false);
      this.column = column;
    }
  }
}
