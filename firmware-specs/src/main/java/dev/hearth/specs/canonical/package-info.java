/**
 * The ground every signed Hearth document stands on: strict JSON reading, the signable subset of
 * JSON, and its canonical bytes (RFC 8785).
 *
 * <p>Reading untrusted input yields a {@link dev.hearth.specs.canonical.Parsed} value, never an
 * exception; {@link dev.hearth.specs.canonical.InvalidFieldException} is only thrown where code
 * builds a value from bad arguments, and names the field and the fix.
 */
package dev.hearth.specs.canonical;
