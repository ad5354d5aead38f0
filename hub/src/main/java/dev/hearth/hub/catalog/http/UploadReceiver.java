package dev.hearth.hub.catalog.http;

import dev.hearth.hub.api.ApiException;
import dev.hearth.hub.api.ProblemType;
import dev.hearth.hub.api.Work;
import dev.hearth.hub.catalog.Uploads;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Streams one upload chunk from the request to the upload's part file, without holding it in
 * memory: the request stays paused until the upload has been checked (owner, offset, no other
 * transfer), then its bytes go to disk at their offset with back-pressure. A chunk that would pass
 * the announced size is refused (413) and the connection closed. When the request ends the file is
 * forced to disk and the upload finished (verified and stored when whole); when the connection
 * breaks, whatever reached the disk counts and the client resumes from there.
 */
final class UploadReceiver {

  private final Vertx vertx;
  private final Uploads uploads;
  private final Work blocking;
  private final long idleMillis;

  UploadReceiver(Vertx vertx, Uploads uploads, Work blocking, Duration idle) {
    this.vertx = vertx;
    this.uploads = uploads;
    this.blocking = blocking;
    this.idleMillis = idle.toMillis();
  }

  /** The first handler of the route: hold the body until someone is ready to read it. */
  static void pause(RoutingContext ctx) {
    ctx.request().pause();
    ctx.next();
  }

  void receive(RoutingContext ctx, String ownerId, String uploadId) {
    long offset = offset(ctx.request().getHeader("Upload-Offset"));
    blocking
        .call(() -> uploads.begin(ownerId, uploadId, offset))
        .onFailure(e -> ctx.fail(e))
        .onSuccess(
            transfer ->
                vertx
                    .fileSystem()
                    .open(
                        transfer.partFile().toString(),
                        new OpenOptions().setWrite(true).setCreate(true).setRead(false))
                    .onFailure(
                        e -> {
                          uploads.abandon(transfer);
                          ctx.fail(e);
                        })
                    .onSuccess(file -> new Chunk(ctx, transfer, file).start()));
  }

  private static long offset(String header) {
    if (header == null) {
      throw ApiException.invalidField(
          "Upload-Offset", "the header is required: the byte this chunk starts at");
    }
    try {
      long value = Long.parseLong(header.strip());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalidField("Upload-Offset", "must be a byte offset, 0 or more");
  }

  /** One chunk in flight. */
  private final class Chunk {
    private final RoutingContext ctx;
    private final HttpServerRequest request;
    private final Uploads.Transfer transfer;
    private final AsyncFile file;
    private long position;
    private boolean over;
    private long lastBytes = System.nanoTime();
    private long idleTimer = -1;

    Chunk(RoutingContext ctx, Uploads.Transfer transfer, AsyncFile file) {
      this.ctx = ctx;
      this.request = ctx.request();
      this.transfer = transfer;
      this.file = file;
      this.position = transfer.offset();
    }

    void start() {
      file.setWritePos(position);
      file.exceptionHandler(e -> broken());
      request.handler(this::bytes);
      request.endHandler(v -> ended());
      request.exceptionHandler(e -> broken());
      ctx.response().closeHandler(v -> broken());
      // A client that stops sending without closing would hold the upload forever: close it.
      idleTimer =
          vertx.setPeriodic(
              Math.max(50, idleMillis / 4),
              id -> {
                if (System.nanoTime() - lastBytes > idleMillis * 1_000_000L) {
                  broken();
                  request.connection().close();
                }
              });
      // Even when the client went away while the upload was being checked, the bytes that had
      // arrived are still buffered: resuming hands them over before the request ends or fails.
      request.resume();
      if (ctx.response().closed()) {
        // No end will come: keep what was written once the buffered bytes are through.
        vertx.runOnContext(v -> broken());
      }
    }

    private void bytes(Buffer buffer) {
      lastBytes = System.nanoTime();
      if (over) {
        return;
      }
      if (position + buffer.length() > transfer.limit()) {
        over = true;
        close(
            () -> {
              uploads.abandon(transfer);
              ctx.response().putHeader("Connection", "close");
              ctx.fail(
                  new ApiException(
                      ProblemType.PAYLOAD_TOO_LARGE,
                      "the chunk runs past the announced size of "
                          + transfer.limit()
                          + " bytes; nothing beyond byte "
                          + position
                          + " was kept",
                      List.of(),
                      Map.of("Upload-Offset", Long.toString(position))));
            });
        return;
      }
      position += buffer.length();
      file.write(buffer);
      if (file.writeQueueFull()) {
        request.pause();
        file.drainHandler(v -> request.resume());
      }
    }

    private void ended() {
      if (over) {
        return;
      }
      over = true;
      vertx.cancelTimer(idleTimer);
      file.flush()
          .eventually(file::close)
          .onFailure(
              e -> {
                uploads.abandon(transfer);
                ctx.fail(e);
              })
          .onSuccess(
              v ->
                  blocking.then(
                      ctx,
                      () -> uploads.finish(transfer),
                      (c, state) -> {
                        UploadRoutes.offsetHeaders(c, state);
                        JsonIo.send(c, 200, CatalogJson.upload(state));
                      }));
    }

    /** The connection broke mid-chunk: keep what was written, free the upload for a retry. */
    private void broken() {
      if (over) {
        return;
      }
      over = true;
      close(() -> uploads.abandon(transfer));
    }

    private void close(Runnable then) {
      vertx.cancelTimer(idleTimer);
      // Close waits for queued writes, so the part file's length is final when the upload is
      // freed and the next chunk asks where it stands.
      file.close().onComplete(r -> then.run());
    }
  }
}
