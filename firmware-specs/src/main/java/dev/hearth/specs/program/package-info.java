/**
 * The program language: program bundles (the firmware owners run), their authored format, and the
 * static checker that validates a bundle against a hardware profile before anyone runs it.
 *
 * <p>A bundle is a folder (or a zip of it) holding {@code bundle.yaml} and one file per program
 * under {@code programs/}. See SPEC.md, chapter "Program language".
 */
package dev.hearth.specs.program;
