package dev.hearth.agent.update.http;

import dev.hearth.agent.update.ArtifactFetcher;
import dev.hearth.agent.update.FetchOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches artifacts over HTTP(S), resuming with {@code Range: bytes=<on disk>-} (SPEC 5.1): a
 * {@code 206} whose {@code Content-Range} starts where the file ends is appended; a {@code 200}
 * (the server ignored the range) starts the file over; anything else is a failure, the bytes so far
 * kept. Bytes are written as they arrive, so a download interrupted by anything, even {@code kill
 * -9}, resumes from what reached the disk.
 *
 * <p>A server that stops sending for {@link #DEFAULT_STALL_TIMEOUT} is given up on, so a hung
 * connection cannot hold an update for ever.
 */
public final class HttpArtifactFetcher implements ArtifactFetcher {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(30);

  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final long WAIT_STEP_MILLIS = 100;

  private final Supplier<HttpClient> client;
  private final Duration stallTimeout;

  /**
   * With the JDK's default trust store and the default timeouts. The client (and the TLS classes it
   * loads, a few MB on a small board) is made on the first download, not at start.
   */
  public HttpArtifactFetcher() {
    this(
        () ->
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build(),
        DEFAULT_STALL_TIMEOUT);
  }

  /**
   * @param client the client (its TLS trust, proxy and connect timeout apply)
   * @param stallTimeout how long the server may send nothing before the fetch is given up
   */
  public HttpArtifactFetcher(HttpClient client, Duration stallTimeout) {
    this(constant(Objects.requireNonNull(client, "client")), stallTimeout);
  }

  private HttpArtifactFetcher(Supplier<HttpClient> makeClient, Duration stallTimeout) {
    if (stallTimeout == null || stallTimeout.isNegative() || stallTimeout.isZero()) {
      throw new IllegalArgumentException("stallTimeout must be positive, got " + stallTimeout);
    }
    this.client = memoized(makeClient);
    this.stallTimeout = stallTimeout;
  }

  private static Supplier<HttpClient> constant(HttpClient client) {
    return () -> client;
  }

  private static Supplier<HttpClient> memoized(Supplier<HttpClient> make) {
    return new Supplier<>() {
      private HttpClient made;

      @Override
      public synchronized HttpClient get() {
        if (made == null) {
          made = make.get();
        }
        return made;
      }
    };
  }

  @Override
  public boolean fetches(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https");
  }

  @Override
  public FetchOutcome fetch(URI url, Path partial, long size, FetchProgress progress)
      throws InterruptedException {
    long have;
    try {
      Files.createDirectories(partial.toAbsolutePath().getParent());
      have = Files.exists(partial) ? Files.size(partial) : 0;
    } catch (IOException e) {
      return FetchOutcome.failed("cannot open " + partial + ": " + e);
    }
    if (have == size) {
      return FetchOutcome.complete();
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
    if (have > 0) {
      request.header("Range", "bytes=" + have + "-");
    }
    var sink = new FileSink(partial, have, size, progress);
    CompletableFuture<HttpResponse<Void>> response =
        client
            .get()
            .sendAsync(request.build(), info -> sink.bodyFor(info.statusCode(), info.headers()));
    // The body ends when the server ends it, or when the sink stops taking bytes (too many).
    CompletableFuture<Object> finished = CompletableFuture.anyOf(response, sink.done);
    try {
      awaitWithoutStall(finished, sink);
    } catch (TimeoutException e) {
      response.cancel(true);
      sink.cancel();
      return FetchOutcome.failed(
          url
              + ": no data for "
              + stallTimeout.toSeconds()
              + " s after "
              + sink.onDisk()
              + " bytes");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return FetchOutcome.failed(
          url
              + ": "
              + cause.getClass().getSimpleName()
              + " after "
              + sink.onDisk()
              + " of "
              + size
              + " bytes"
              + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"));
    } catch (InterruptedException e) {
      response.cancel(true);
      sink.cancel();
      throw e;
    }
    sink.close();
    if (sink.refusal() != null) {
      return FetchOutcome.failed(url + ": " + sink.refusal());
    }
    if (sink.onDisk() < size) {
      return FetchOutcome.failed(
          url
              + ": the server ended the artifact after "
              + sink.onDisk()
              + " of "
              + size
              + " bytes");
    }
    return FetchOutcome.complete();
  }

  private void awaitWithoutStall(CompletableFuture<Object> finished, FileSink sink)
      throws InterruptedException, ExecutionException, TimeoutException {
    while (true) {
      try {
        finished.get(WAIT_STEP_MILLIS, TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException e) {
        if (System.nanoTime() - sink.lastActivityNanos() > stallTimeout.toNanos()) {
          throw e;
        }
      }
    }
  }

  /**
   * Receives the body into the partial file: appends after a matching {@code 206}, starts over
   * after a {@code 200}, writes nothing otherwise. Stops one byte past the expected size.
   */
  private static final class FileSink implements Flow.Subscriber<List<ByteBuffer>> {
    private final Path partial;
    private final long size;
    private final FetchProgress progress;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile long onDisk;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile String refusal;
    private volatile Flow.Subscription subscription;
    private FileChannel channel;

    FileSink(Path partial, long have, long size, FetchProgress progress) {
      this.partial = partial;
      this.onDisk = have;
      this.size = size;
      this.progress = progress;
    }

    HttpResponse.BodySubscriber<Void> bodyFor(int status, java.net.http.HttpHeaders headers) {
      lastActivityNanos = System.nanoTime();
      try {
        if (status == 206) {
          long start = rangeStart(headers);
          if (start != onDisk) {
            refusal = "asked for bytes from " + onDisk + ", got a range from " + start;
            return HttpResponse.BodySubscribers.replacing(null);
          }
          channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          channel.truncate(onDisk);
          channel.position(onDisk);
        } else if (status == 200) {
          // The server does not do ranges (or the bytes changed): start over.
          channel =
              FileChannel.open(
                  partial,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.TRUNCATE_EXISTING);
          onDisk = 0;
        } else {
          refusal =
              "HTTP "
                  + status
                  + (status == 416
                      ? " (the server has fewer than "
                          + onDisk
                          + " bytes; the download starts over)"
                      : "");
          if (status == 416) {
            Files.deleteIfExists(partial);
          }
          return HttpResponse.BodySubscribers.replacing(null);
        }
      } catch (IOException e) {
        refusal = "cannot write " + partial + ": " + e;
        return HttpResponse.BodySubscribers.replacing(null);
      }
      return HttpResponse.BodySubscribers.fromSubscriber(this, s -> null);
    }

    private static long rangeStart(java.net.http.HttpHeaders headers) {
      Matcher m = CONTENT_RANGE.matcher(headers.firstValue("Content-Range").orElse(""));
      return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      lastActivityNanos = System.nanoTime();
      try {
        for (ByteBuffer b : buffers) {
          long room = size + 1 - onDisk;
          if (b.remaining() > room) {
            b.limit(b.position() + (int) room);
          }
          while (b.hasRemaining()) {
            onDisk += channel.write(b);
          }
        }
      } catch (IOException e) {
        subscription.cancel();
        onError(e);
        return;
      }
      progress.onDisk(onDisk);
      if (onDisk > size) {
        // An artifact longer than its manifest: stop here, the size check will say so.
        subscription.cancel();
        onComplete();
        return;
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
      close();
      done.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      close();
      done.complete(null);
    }

    void cancel() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      close();
    }

    synchronized void close() {
      if (channel != null) {
        try {
          channel.force(true);
          channel.close();
        } catch (IOException e) {
          // the bytes written so far are what they are; the hash check follows anyway
        }
        channel = null;
      }
    }

    long onDisk() {
      return onDisk;
    }

    long lastActivityNanos() {
      return lastActivityNanos;
    }

    String refusal() {
      return refusal;
    }
  }
}
