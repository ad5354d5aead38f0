package dev.hearth.agent.update;

/**
 * Why an offer failed or rolled back, when the trust verifier did not decide it (its verdicts,
 * {@link dev.hearth.specs.trust.Reason}, are reported under their own names).
 */
public enum UpdateReason {
  /** The installed release did not pass its health check in time; the previous slot runs. */
  HEALTH_CHECK_FAILED,
  /** No artifact URL gave the artifact's bytes. */
  DOWNLOAD_FAILED,
  /** The offer arrived (or was resumed) after its {@code expires}. */
  OFFER_EXPIRED,
  /** The artifact could not be written to its slot, or this agent cannot install its kind. */
  INSTALL_FAILED
}
