package dev.hearth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of the hub that breaks connections the way a flaky network or a
 * killed process does: the first {@code drops} connections that carry more than {@code afterBytes}
 * towards the hub are cut after exactly that many bytes, both ends closed. Later connections pass
 * untouched.
 */
final class DroppingProxy implements AutoCloseable {

  private final ServerSocket server;
  private final int target;
  private final long afterBytes;
  private final AtomicInteger drops;
  final AtomicInteger dropped = new AtomicInteger();

  DroppingProxy(int target, long afterBytes, int drops) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.target = target;
    this.afterBytes = afterBytes;
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
        boolean cut = drops.getAndDecrement() > 0;
        pump(client, hub, cut ? afterBytes : Long.MAX_VALUE, client, hub);
        pump(hub, client, Long.MAX_VALUE, client, hub);
      } catch (IOException e) {
        if (!server.isClosed()) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private void pump(Socket from, Socket to, long limit, Socket a, Socket b) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              long sent = 0;
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                  int allowed = (int) Math.min(read, limit - sent);
                  out.write(buffer, 0, allowed);
                  out.flush();
                  sent += allowed;
                  if (sent >= limit) {
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
