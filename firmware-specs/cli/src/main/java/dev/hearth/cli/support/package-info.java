/**
 * What the commands share: reading and writing the files named on the command line, key files and
 * keyids, hardware profiles and program bundles as arguments, option converters.
 */
package dev.hearth.cli.support;
