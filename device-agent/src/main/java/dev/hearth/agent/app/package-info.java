/**
 * The composition root: which board, which kernel, which runtime, and the command line that runs
 * them. Wiring only; the behaviour lives in {@code hal}, {@code safety}, {@code runtime} and {@code
 * cli}.
 */
package dev.hearth.agent.app;
