package dev.hearth.hardware.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The authored shape of {@code profile.yaml}, before validation. Field names here are the file
 * format; {@link ProfileLoader} turns a document into a {@link Profile} or into located problems.
 */
record ProfileDocument(
    String id,
    Integer revision,
    String name,
    String description,
    String board,
    Remote remote,
    List<ChannelDoc> channels,
    List<CapabilityDoc> capabilities,
    InterlocksDoc interlocks,
    TelemetryDoc telemetry,
    SimulationDoc simulation) {

  record Remote(Boolean start) {}

  record ChannelDoc(
      String name,
      String kind,
      AddressDoc address,
      String unit,
      List<Double> range,
      JsonNode safe,
      String description) {}

  record AddressDoc(
      Integer gpio,
      String pull,
      Boolean activeLow,
      Integer frequency,
      Integer bus,
      Integer device,
      Integer register,
      List<Double> raw,
      Double unitsPerHz) {}

  record CapabilityDoc(
      String name,
      String description,
      Map<String, ParamDocument> params,
      Map<String, JsonNode> sets) {}

  record InterlocksDoc(
      List<GuardDoc> guards, List<TripDoc> trips, List<MaxOnDoc> maxOn, LockDoc lock) {}

  record GuardDoc(String id, String output, String when, String requires, String why) {}

  record TripDoc(
      String id, String when, List<String> outputs, Boolean latch, String alarm, String why) {}

  record MaxOnDoc(String id, String output, String max, String why) {}

  record LockDoc(String output, String sensor, String releaseWhen, String why) {}

  record TelemetryDoc(String sample, String send, List<String> channels) {}

  record SimulationDoc(String model, Map<String, String> bindings, Map<String, Double> params) {}
}
