package dev.hearth.hardware.condition;

import dev.hearth.hardware.source.Problems;
import java.util.List;
import java.util.Optional;

/** Parses and type-checks authored expressions, reporting problems at the authored field. */
public final class ExpressionCompiler {

  private final TypeChecker checker;
  private final Problems problems;

  public ExpressionCompiler(TypeChecker checker, Problems problems) {
    this.checker = checker;
    this.problems = problems;
  }

  /** The expression at {@code pointer}, or empty with its problems recorded. */
  public Optional<Expression> compile(String pointer, String text, Type type) {
    if (text == null) {
      problems.add(pointer, "is required");
      return Optional.empty();
    }
    ExpressionParser.Result result = ExpressionParser.parse(text);
    if (result instanceof ExpressionParser.Invalid invalid) {
      problems.add(
          pointer, "'" + text + "' at column " + invalid.column() + ": " + invalid.message());
      return Optional.empty();
    }
    Expression e = ((ExpressionParser.Parsed) result).expression();
    List<String> typeProblems = checker.check(e, type);
    typeProblems.forEach(p -> problems.add(pointer, "'" + text + "': " + p));
    return typeProblems.isEmpty() ? Optional.of(e) : Optional.empty();
  }

  /** An optional expression: absent text is fine. */
  public Optional<Expression> compileOptional(String pointer, String text, Type type) {
    return text == null ? Optional.empty() : compile(pointer, text, type);
  }

  /** A literal duration such as {@code 90s} or {@code 6m}, in seconds, or empty with a problem. */
  public static Optional<Double> duration(String text, Problems problems, String pointer) {
    if (text == null) {
      problems.add(pointer, "is required: a duration such as 90s, 4m or 1h");
      return Optional.empty();
    }
    ExpressionParser.Result result = ExpressionParser.parse(text);
    if (result instanceof ExpressionParser.Parsed parsed
        && parsed.expression() instanceof Expression.Literal literal
        && !literal.bool()
        && literal.value() > 0
        && !text.strip().matches("[0-9.]+")) {
      return Optional.of(literal.value());
    }
    problems.add(pointer, "'" + text + "' is not a positive duration; write e.g. 90s, 4m or 1h");
    return Optional.empty();
  }
}
