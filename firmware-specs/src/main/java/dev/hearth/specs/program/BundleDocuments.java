package dev.hearth.specs.program;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hearth.hardware.profile.ParamDocument;
import java.util.List;
import java.util.Map;

/** The authored shapes of {@code bundle.yaml} and of a program file, before checking. */
final class BundleDocuments {

  private BundleDocuments() {}

  record BundleDoc(
      String name,
      String version,
      String profile,
      String minAgentVersion,
      String changelog,
      List<String> programs) {}

  record ProgramDoc(
      String name,
      String title,
      String description,
      Map<String, ParamDocument> params,
      String onInterlock,
      List<StepDoc> steps,
      List<StepDoc> fault) {}

  record StepDoc(
      String name,
      @JsonProperty("do") List<String> actions,
      String until,
      String duration,
      String timeout,
      String expect,
      String next,
      String onTimeout) {}
}
