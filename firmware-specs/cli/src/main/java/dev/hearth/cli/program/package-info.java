/** {@code hearth program}: static checks and simulation of program bundles. */
package dev.hearth.cli.program;
