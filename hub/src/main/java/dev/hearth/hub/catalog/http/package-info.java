/**
 * The firmware catalog's HTTP API on Vert.x Web: thin handlers over {@link
 * dev.hearth.hub.catalog.FirmwareCatalog}, refusals mapped to the API's problem documents in one
 * place, uploads streamed to disk, artifacts served with byte ranges.
 */
package dev.hearth.hub.catalog.http;
