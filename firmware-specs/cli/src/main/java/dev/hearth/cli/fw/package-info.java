/**
 * {@code hearth fw}: packing a release (artifact and unsigned manifest), signing it, and verifying
 * it with the one trust verifier the agent and the hub use.
 */
package dev.hearth.cli.fw;
