package dev.hearth.agent.enroll;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.agent.config.HubUrl;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.canonical.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code POST {hub}/api/v1/enrollments} over the JDK's HTTP client: TLS verified (the system's
 * certificate authorities, or only those in {@code link.tls.caFile}), host name checked, redirects
 * not followed (a POST is not replayed elsewhere), bounded in time and in size.
 */
public final class HubEnrollmentClient implements EnrollmentEndpoint {

  /** Path of the endpoint under the hub's base URL. */
  public static final String PATH = "api/v1/enrollments";

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  static final Duration DEFAULT_POLL = Duration.ofSeconds(5);
  static final Duration MIN_WAIT = Duration.ofSeconds(1);
  static final Duration MAX_WAIT = Duration.ofHours(1);

  /** A root envelope is at most 1 MiB; the rest of an answer is small. */
  static final int MAX_BODY_BYTES = (1 << 20) + (64 << 10);

  private final URI hub;
  private final URI endpoint;
  private final HttpClient http;
  private final String agentVersion;
  private final Clock clock;

  private HubEnrollmentClient(URI hub, HttpClient http, String agentVersion, Clock clock) {
    this.hub = hub;
    this.endpoint = HubUrl.resolve(hub, PATH);
    this.http = http;
    this.agentVersion = agentVersion;
    this.clock = clock;
  }

  /**
   * A client of the hub at {@code hub}.
   *
   * @param caFile PEM certificates to trust instead of the system's, if any
   * @throws UncheckedIOException when {@code caFile} cannot be read or holds no certificate
   */
  public static HubEnrollmentClient create(
      URI hub, Optional<Path> caFile, String agentVersion, Clock clock) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER);
    caFile.ifPresent(f -> builder.sslContext(trusting(f)));
    return new HubEnrollmentClient(hub, builder.build(), agentVersion, clock);
  }

  @Override
  public URI hub() {
    return hub;
  }

  @Override
  public HubAnswer submit(EnrollmentRequest request) {
    HttpRequest post =
        HttpRequest.newBuilder(endpoint)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, application/problem+json")
            .header("User-Agent", "hearth-agent/" + agentVersion)
            .POST(HttpRequest.BodyPublishers.ofByteArray(StrictJson.write(request.toJson())))
            .build();
    try {
      HttpResponse<InputStream> response =
          http.send(post, HttpResponse.BodyHandlers.ofInputStream());
      byte[] body;
      try (InputStream in = response.body()) {
        body = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      if (body.length > MAX_BODY_BYTES) {
        return new HubAnswer.Unusable(
            "the hub's answer is larger than " + MAX_BODY_BYTES + " bytes");
      }
      return answer(response, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HubAnswer.RetryLater(Optional.empty(), "interrupted");
    } catch (IOException e) {
      return unreachable(e);
    }
  }

  private HubAnswer answer(HttpResponse<?> response, byte[] body) {
    int status = response.statusCode();
    if (status == 200) {
      Parsed<HubAnswer.Enrolled> enrolled =
          StrictJson.parse(body).flatMap(EnrollmentJson::readEnrolled);
      if (enrolled instanceof Parsed.Invalid<HubAnswer.Enrolled> invalid) {
        return new HubAnswer.Unusable(
            "the hub said enrolled, but its answer cannot be used: " + invalid.message());
      }
      return enrolled.orElseThrow();
    }
    if (status == 202) {
      return new HubAnswer.Pending(pollAfter(body));
    }
    if (status == 429 || status == 503) {
      return new HubAnswer.RetryLater(
          retryAfter(response),
          status == 429
              ? "the hub asks to slow down (HTTP 429)"
              : "the hub is unavailable (HTTP 503)");
    }
    if (status >= 500) {
      return new HubAnswer.RetryLater(Optional.empty(), "the hub failed (HTTP " + status + ")");
    }
    if (status >= 300 && status < 400) {
      String location = response.headers().firstValue("Location").orElse("elsewhere");
      return new HubAnswer.Refused(
          new HubProblem(
              status,
              "about:blank",
              "the hub redirects to " + location,
              "use that address as the hub URL"));
    }
    return new HubAnswer.Refused(problem(status, body));
  }

  /** {@code pollAfterSeconds} of a 202 body; the default when absent or unreadable. */
  private static Duration pollAfter(byte[] body) {
    JsonNode json = StrictJson.parse(body).toOptional().orElse(null);
    JsonNode seconds = json == null ? null : json.get("pollAfterSeconds");
    if (seconds == null || !seconds.isIntegralNumber()) {
      return DEFAULT_POLL;
    }
    return clamp(Duration.ofSeconds(seconds.longValue()));
  }

  /** {@code Retry-After} as delta-seconds or an HTTP date (RFC 9110, section 10.2.3). */
  private Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .map(String::strip)
        .flatMap(
            value -> {
              if (value.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
              }
              try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(Duration.between(clock.instant(), at.toInstant()));
              } catch (DateTimeParseException e) {
                return Optional.empty();
              }
            })
        .map(HubEnrollmentClient::clamp);
  }

  private static HubProblem problem(int status, byte[] body) {
    JsonNode json = StrictJson.parse(body).toOptional().filter(JsonNode::isObject).orElse(null);
    if (json == null) {
      String text = new String(body, StandardCharsets.UTF_8).strip();
      String excerpt = text.length() > 200 ? text.substring(0, 200) + "…" : text;
      return new HubProblem(status, "about:blank", "HTTP " + status, excerpt);
    }
    return new HubProblem(
        status,
        json.path("type").asText("about:blank"),
        json.path("title").asText("HTTP " + status),
        json.path("detail").asText(""));
  }

  /** Network trouble is worth retrying, except a certificate this board will never trust. */
  private HubAnswer unreachable(IOException e) {
    if (e instanceof SSLHandshakeException || e instanceof SSLException) {
      if (causedBy(e, CertificateNotYetValidException.class)
          || causedBy(e, CertificateExpiredException.class)) {
        // A Pi has no real-time clock: right after boot its time can be far off until NTP.
        return new HubAnswer.RetryLater(
            Optional.empty(),
            "the hub's certificate is not valid at this board's time ("
                + clock.instant()
                + "); waiting for the clock to be set");
      }
      return new HubAnswer.Refused(
          new HubProblem(
              0,
              "about:blank",
              "the hub's TLS certificate is not trusted",
              rootMessage(e)
                  + "; if the hub uses its own certificate authority, put its certificate in a"
                  + " PEM file and set link.tls.caFile in agent.yaml (or pass --ca-file)"));
    }
    String why =
        e instanceof HttpConnectTimeoutException
            ? "no connection to the hub within " + CONNECT_TIMEOUT.toSeconds() + " s"
            : e instanceof HttpTimeoutException
                ? "no answer from the hub within " + REQUEST_TIMEOUT.toSeconds() + " s"
                : e instanceof ConnectException
                    ? "cannot connect to the hub at "
                        + endpoint.getHost()
                        + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort())
                        + " (nothing answers there, or no network yet)"
                    : "cannot reach the hub (" + rootMessage(e) + ")";
    return new HubAnswer.RetryLater(Optional.empty(), why);
  }

  private static SSLContext trusting(Path caFile) {
    try (InputStream in = Files.newInputStream(caFile)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        String why = caFile + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)";
        throw new UncheckedIOException(why, new IOException(why));
      }
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        trusted.setCertificateEntry("hearth-ca-" + i++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the CA file " + caFile + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      String why = "the CA file " + caFile + " is not usable: " + e.getMessage();
      throw new UncheckedIOException(why, new IOException(why, e));
    }
  }

  private static Duration clamp(Duration d) {
    return d.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }
}
