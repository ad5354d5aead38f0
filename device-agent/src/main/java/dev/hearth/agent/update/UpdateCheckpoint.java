package dev.hearth.agent.update;

/**
 * Told each time an offer reaches a state, after the state is on disk and its event is queued.
 * Tests use it to stop the agent at a chosen state ({@code kill -9} tests); the agent uses {@link
 * #NONE}.
 */
@FunctionalInterface
public interface UpdateCheckpoint {

  UpdateCheckpoint NONE = (offerId, state) -> {};

  void reached(String offerId, UpdateState state) throws InterruptedException;
}
