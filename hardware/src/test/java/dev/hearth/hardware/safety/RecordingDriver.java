package dev.hearth.hardware.safety;

import dev.hearth.hardware.profile.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An in-memory output stage: remembers what each output was driven to, in order. */
final class RecordingDriver implements OutputDriver {

  record Write(String output, double value) {}

  final List<Write> writes = new ArrayList<>();
  final Map<String, Double> levels = new HashMap<>();

  @Override
  public void drive(Channel output, double value) {
    writes.add(new Write(output.name(), value));
    levels.put(output.name(), value);
  }

  double level(String output) {
    return levels.get(output);
  }
}
