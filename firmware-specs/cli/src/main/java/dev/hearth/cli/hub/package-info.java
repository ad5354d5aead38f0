/**
 * Talking to a hub from the command line: connection options and the session token, a small HTTP
 * client that turns the hub's problem documents into messages, resumable artifact uploads and their
 * progress display.
 */
package dev.hearth.cli.hub;
