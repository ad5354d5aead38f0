package dev.hearth.cli.support;

import picocli.CommandLine.Option;

/**
 * {@code -h, --help} for every command. Commands do not take picocli's standard {@code --version}
 * (only {@code hearth --version} does), so that {@code fw pack --version} can name a release's
 * version.
 */
public final class HelpOption {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;
}
