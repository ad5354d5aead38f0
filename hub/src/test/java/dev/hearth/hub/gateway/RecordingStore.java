package dev.hearth.hub.gateway;

import dev.hearth.hub.store.Alerts;
import dev.hearth.hub.store.Commands;
import dev.hearth.hub.store.Devices;
import dev.hearth.hub.store.Events;
import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.IngestBatch;
import dev.hearth.hub.store.Owners;
import dev.hearth.hub.store.StoreException;
import dev.hearth.hub.store.Telemetry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake store for unit tests of the group-commit logic only: records each committed batch, and can
 * hold commits back or fail the next ones. Everything else is unsupported; tests of behaviour that
 * needs a real database use {@code JdbcHubStore}.
 */
final class RecordingStore implements HubStore {

  final List<IngestBatch> committed = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private volatile CountDownLatch gate = new CountDownLatch(0);
  final CountDownLatch firstCommitStarted = new CountDownLatch(1);

  /** Holds every commit until {@link #release()}. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  void release() {
    gate.countDown();
  }

  /** Fails the next {@code n} commits. */
  void failNext(int n) {
    failures.set(n);
  }

  @Override
  public void commit(IngestBatch batch) {
    firstCommitStarted.countDown();
    try {
      if (!gate.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test never released the store");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new StoreException("disk full", null);
    }
    committed.add(batch);
  }

  @Override
  public Devices devices() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Owners owners() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Telemetry telemetry() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Events events() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Commands commands() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Alerts alerts() {
    throw new UnsupportedOperationException();
  }

  @Override
  public String vendor() {
    return "recording";
  }

  @Override
  public void close() {}
}
