package dev.hearth.hub.registry;

/**
 * Argon2id cost parameters.
 *
 * @param memoryKiB memory per hash in KiB
 * @param iterations passes over the memory
 * @param parallelism lanes
 */
public record Argon2Params(int memoryKiB, int iterations, int parallelism) {

  /**
   * OWASP's Password Storage Cheat Sheet recommendation for Argon2id: 19 MiB, 2 iterations, 1 lane.
   */
  public static final Argon2Params OWASP = new Argon2Params(19 * 1024, 2, 1);

  /**
   * Above this a stored hash is refused rather than computed: 1 GiB per login would be an attack.
   */
  static final int MAX_MEMORY_KIB = 1024 * 1024;

  static final int MAX_ITERATIONS = 64;
  static final int MAX_PARALLELISM = 16;

  public Argon2Params {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "Argon2 parallelism must be 1.." + MAX_PARALLELISM + ", got " + parallelism);
    }
    if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
      throw new IllegalArgumentException(
          "Argon2 memory must be "
              + 8 * parallelism
              + ".."
              + MAX_MEMORY_KIB
              + " KiB, got "
              + memoryKiB);
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException(
          "Argon2 iterations must be 1.." + MAX_ITERATIONS + ", got " + iterations);
    }
  }
}
