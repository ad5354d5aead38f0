/** {@code hearth keys}: generating signing keys. */
package dev.hearth.cli.keys;
