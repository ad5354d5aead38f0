/**
 * The firmware catalog: accounts' signing keys, the trusted root metadata, content-addressed
 * artifacts and their resumable uploads, submitted revisions (validated, simulated, reviewed by
 * signature, released to channels) and what owners may install on their devices. Built by {@link
 * dev.hearth.hub.catalog.FirmwareCatalog}; served over HTTP by {@code catalog.http}; stored in the
 * hub's store ({@code catalog.store}). Every trust decision is the {@code TrustVerifier}'s.
 */
package dev.hearth.hub.catalog;
