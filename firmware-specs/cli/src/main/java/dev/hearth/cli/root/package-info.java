/** {@code hearth root}: writing and signing root metadata, offline. */
package dev.hearth.cli.root;
