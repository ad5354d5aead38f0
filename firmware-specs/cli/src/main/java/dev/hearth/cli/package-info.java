/**
 * The {@code hearth} contributor command line: {@code keys}, {@code fw}, {@code root} and {@code
 * program} commands over the {@code firmware-specs} library. {@link dev.hearth.cli.HearthCli} is
 * the composition root; each command is a small class in the package of its area; failures carry
 * their exit code ({@link dev.hearth.cli.CommandFailure}) and are printed once, at the edge.
 */
package dev.hearth.cli;
