/**
 * Artifact downloads over HTTP(S) with {@code Range} requests, on the JDK's HTTP client: the
 * adapter behind {@link dev.hearth.agent.update.ArtifactFetcher} for {@code http} and {@code https}
 * URLs.
 */
package dev.hearth.agent.update.http;
