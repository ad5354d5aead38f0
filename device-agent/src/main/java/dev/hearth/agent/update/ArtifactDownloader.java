package dev.hearth.agent.update;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads an artifact from an offer's URLs in their order of preference, each with the fetcher
 * that speaks its scheme, all of them resuming the same partial file: bytes that came over HTTP are
 * not fetched again over CoAP. A failed round is tried again after a pause, a few times.
 */
final class ArtifactDownloader {

  private static final Logger LOG = LoggerFactory.getLogger(ArtifactDownloader.class);

  private final List<ArtifactFetcher> fetchers;
  private final UpdateSettings settings;

  ArtifactDownloader(List<ArtifactFetcher> fetchers, UpdateSettings settings) {
    this.fetchers = List.copyOf(fetchers);
    this.settings = settings;
  }

  FetchOutcome download(
      List<URI> urls, Path partial, long size, ArtifactFetcher.FetchProgress progress)
      throws InterruptedException {
    Set<String> problems = new LinkedHashSet<>();
    for (int round = 1; round <= settings.downloadRounds(); round++) {
      for (URI url : urls) {
        Optional<ArtifactFetcher> fetcher =
            fetchers.stream().filter(f -> f.fetches(url)).findFirst();
        if (fetcher.isEmpty()) {
          problems.add(url + ": this agent cannot fetch " + url.getScheme() + " URLs");
          continue;
        }
        FetchOutcome outcome;
        try {
          outcome = fetcher.get().fetch(url, partial, size, progress);
        } catch (RuntimeException e) {
          LOG.warn("fetching {} failed", url, e);
          outcome = FetchOutcome.failed(url + ": " + e);
        }
        if (outcome instanceof FetchOutcome.Complete) {
          return outcome;
        }
        String detail = ((FetchOutcome.Failed) outcome).detail();
        LOG.warn("download round {} of {}: {}", round, settings.downloadRounds(), detail);
        problems.add(detail);
      }
      if (round < settings.downloadRounds()) {
        Thread.sleep(settings.retryPause().toMillis());
      }
    }
    return FetchOutcome.failed(String.join("; ", problems));
  }
}
