package dev.hearth.specs.runtime;

/** Receives run events on the thread that calls the runner. */
@FunctionalInterface
public interface RunListener {

  void onRunEvent(RunEvent event, RunStatus status);
}
