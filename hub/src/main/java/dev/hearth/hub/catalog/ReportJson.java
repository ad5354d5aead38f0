package dev.hearth.hub.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.runtime.Phase;
import dev.hearth.specs.simulate.FaultPlan;
import dev.hearth.specs.simulate.SimulationReport;
import dev.hearth.specs.simulate.TimelineEntry;
import java.util.Locale;
import java.util.TreeMap;

/** The JSON a reviewer reads for one simulator run. */
final class ReportJson {

  /** Timelines longer than this keep their start and end; reviewers need the shape, not a log. */
  static final int MAX_TIMELINE = 400;

  private ReportJson() {}

  static ObjectNode of(SimulationReport report, FaultPlan fault) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("profile", report.profile());
    json.put("program", report.program());
    putFault(json, fault);
    ObjectNode args = json.putObject("args");
    new TreeMap<>(report.args()).forEach(args::put);
    json.put("outcome", report.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    json.put("completed", report.outcome() == Phase.FINISHED);
    json.put("passed", report.passed());
    if (report.reason() == null) {
      json.putNull("reason");
    } else {
      json.put("reason", report.reason());
    }
    json.put("seconds", round(report.seconds()));
    json.put("energyWh", round(report.energyWh()));
    json.put("waterLitres", round(report.waterLitres()));
    json.put("atRest", report.atRest());
    report.interlockTrips().forEach(json.putArray("interlockTrips")::add);
    report.alarms().forEach(json.putArray("alarms")::add);
    report.forbiddenStates().forEach(json.putArray("forbiddenStates")::add);
    json.put("summary", report.summary());
    ArrayNode timeline = json.putArray("timeline");
    var entries = report.timeline();
    int size = entries.size();
    for (int i = 0; i < size; i++) {
      if (size > MAX_TIMELINE && i == MAX_TIMELINE / 2) {
        timeline
            .addObject()
            .put("t", round(entries.get(i).seconds()))
            .put("kind", "note")
            .put("text", (size - MAX_TIMELINE) + " entries left out");
        i = size - MAX_TIMELINE / 2;
      }
      TimelineEntry e = entries.get(i);
      timeline.addObject().put("t", round(e.seconds())).put("kind", e.kind()).put("text", e.text());
    }
    return json;
  }

  /** A run that could not take place (the plant model lacks the fault, the start was refused). */
  static ObjectNode failedToRun(String profile, String program, FaultPlan fault, String why) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("profile", profile);
    json.put("program", program);
    putFault(json, fault);
    json.put("outcome", "not-run");
    json.put("completed", false);
    json.put("passed", false);
    json.put("reason", why);
    json.put("summary", program + " could not be simulated: " + why);
    json.putArray("timeline");
    return json;
  }

  private static void putFault(ObjectNode json, FaultPlan fault) {
    if (fault == null) {
      json.putNull("fault");
    } else {
      json.putObject("fault").put("name", fault.fault()).put("atSeconds", fault.atSeconds());
    }
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
