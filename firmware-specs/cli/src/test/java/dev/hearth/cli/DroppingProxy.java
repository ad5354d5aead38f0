package dev.hearth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of the hub that breaks an upload the way a flaky network or a
 * killed process does: on the first {@code drops} connections that send an upload chunk ({@code
 * PATCH}), the connection is cut after exactly {@code bodyBytes} bytes of that chunk's body, both
 * ends closed. Everything before the chunk (other requests on the same connection, its headers)
 * passes, so the cut lands at the same byte whatever the headers weigh. Later connections pass
 * untouched.
 */
final class DroppingProxy implements AutoCloseable {

  private final ServerSocket server;
  private final int target;
  private final long bodyBytes;
  private final AtomicInteger drops;
  final AtomicInteger dropped = new AtomicInteger();

  DroppingProxy(int target, long bodyBytes, int drops) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.target = target;
    this.bodyBytes = bodyBytes;
    this.drops = new AtomicInteger(drops);
    Thread acceptor = new Thread(this::accept, "dropping-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket hub = new Socket(InetAddress.getLoopbackAddress(), target);
        pump(client, hub, new ChunkCut(bodyBytes), client, hub);
        pump(hub, client, null, client, hub);
      } catch (IOException e) {
        if (!server.isClosed()) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /** Copies {@code from} to {@code to}; with a {@code cut}, stops where it says. */
  private void pump(Socket from, Socket to, ChunkCut cut, Socket a, Socket b) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                  int allowed = cut == null ? read : cut.allowed(buffer, read);
                  out.write(buffer, 0, allowed);
                  out.flush();
                  if (allowed < read || cut != null && cut.reached()) {
                    if (drops.getAndDecrement() <= 0) {
                      out.write(buffer, allowed, read - allowed);
                      cut.disarm();
                      continue;
                    }
                    // The bytes arrive, then the line goes dead: give the hub a moment to
                    // write them before the connection is gone.
                    Thread.sleep(300);
                    dropped.incrementAndGet();
                    break;
                  }
                }
              } catch (IOException e) {
                // the other direction closed the sockets
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                closeQuietly(a);
                closeQuietly(b);
              }
            },
            "dropping-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  /** Finds the first {@code PATCH} request's body in a byte stream and counts into it. */
  private static final class ChunkCut {
    private static final byte[] PATCH = "PATCH ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEADERS_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final long bodyBytes;
    private int patchMatched;
    private int endMatched;
    private boolean inPatch;
    private boolean inBody;
    private long body;
    private boolean armed = true;

    ChunkCut(long bodyBytes) {
      this.bodyBytes = bodyBytes;
    }

    /** How many of the {@code length} bytes may pass before the cut. */
    int allowed(byte[] buffer, int length) {
      for (int i = 0; i < length; i++) {
        if (!armed) {
          return length;
        }
        if (inBody) {
          if (body == bodyBytes) {
            return i;
          }
          body++;
        } else if (inPatch) {
          endMatched = buffer[i] == HEADERS_END[endMatched] ? endMatched + 1 : 0;
          if (endMatched == HEADERS_END.length) {
            inBody = true;
          }
        } else {
          patchMatched = buffer[i] == PATCH[patchMatched] ? patchMatched + 1 : 0;
          if (patchMatched == PATCH.length) {
            inPatch = true;
          }
        }
      }
      return length;
    }

    boolean reached() {
      return armed && inBody && body == bodyBytes;
    }

    void disarm() {
      armed = false;
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
