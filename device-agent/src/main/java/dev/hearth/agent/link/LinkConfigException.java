package dev.hearth.agent.link;

/**
 * A link setting is wrong. The message names the setting's key (e.g. {@code link.broker}), what is
 * wrong with the value and how to fix it; {@link #key()} gives the key to tools.
 */
public final class LinkConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String key;

  public LinkConfigException(String key, String problem) {
    super(key + ": " + problem);
    this.key = key;
  }

  public LinkConfigException(String key, String problem, Throwable cause) {
    super(key + ": " + problem, cause);
    this.key = key;
  }

  /** The setting's key, e.g. {@code link.caFile}. */
  public String key() {
    return key;
  }
}
