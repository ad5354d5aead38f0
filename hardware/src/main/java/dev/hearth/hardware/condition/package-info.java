/**
 * The small condition language shared by profiles (interlocks) and programs ({@code until}, guards,
 * durations).
 *
 * <pre>
 * expr    := or
 * or      := and ("or" and)*
 * and     := not ("and" not)*
 * not     := "not" not | compare
 * compare := sum (("==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") sum)?
 * sum     := product (("+" | "-") product)*
 * product := unary (("*" | "/") unary)*
 * unary   := "-" unary | atom
 * atom    := number | duration | "true" | "false" | name | "$" name | "(" expr ")"
 * </pre>
 *
 * Names are channels of the profile, in their units; {@code $name} is a program parameter;
 * durations ({@code 500ms}, {@code 90s}, {@code 4m}, {@code 1h}) are numbers of seconds. Values are
 * either booleans or numbers and the {@link dev.hearth.hardware.condition.TypeChecker} keeps them
 * apart, so an expression that checks cannot fail at run time.
 */
package dev.hearth.hardware.condition;
