package dev.hearth.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.specs.program.ProgramBundle;
import dev.hearth.specs.program.ShippedBundles;
import dev.hearth.specs.wire.Command;
import org.junit.jupiter.api.Test;

class CommandInterpreterTest {

  private static final ProgramBundle WASHER =
      ShippedBundles.load(ShippedProfiles.get("open-washer@1"));
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Request interpret(String name, String args) throws Exception {
    return CommandInterpreter.interpret(
        new Command("c1", name, (ObjectNode) JSON.readTree(args)), WASHER);
  }

  private static String malformed(String name, String args) throws Exception {
    Request r = interpret(name, args);
    assertThat(r).isInstanceOf(Request.Malformed.class);
    return ((Request.Malformed) r).message();
  }

  @Test
  void aStartNamesAProgramAndItsParameters() throws Exception {
    Request r = interpret("start", "{\"program\":\"cotton-40\",\"params\":{\"temperature\":30}}");
    assertThat(r).isInstanceOf(Request.Start.class);
    Request.Start start = (Request.Start) r;
    assertThat(start.program().name()).isEqualTo("cotton-40");
    assertThat(start.params()).containsEntry("temperature", 30.0);
  }

  @Test
  void unknownFieldsAreIgnoredAsEverywhereOnTheWire() throws Exception {
    assertThat(interpret("start", "{\"program\":\"cotton-40\",\"colour\":\"blue\"}"))
        .isInstanceOf(Request.Start.class);
    assertThat(interpret("stop", "{\"by\":\"hub\"}")).isEqualTo(new Request.Stop("stop requested"));
  }

  @Test
  void everyMalformedCommandSaysWhatToSendInstead() throws Exception {
    assertThat(malformed("reboot", "{}")).contains("unknown command 'reboot'").contains("start");
    assertThat(malformed("start", "{}")).contains("args.program").contains("cotton-40");
    assertThat(malformed("start", "{\"program\":7}")).contains("args.program");
    assertThat(malformed("start", "{\"program\":\"boil\"}")).contains("no program 'boil'");
    assertThat(malformed("start", "{\"program\":\"cotton-40\",\"params\":[1]}"))
        .contains("args.params must be an object");
    assertThat(malformed("start", "{\"program\":\"cotton-40\",\"params\":{\"temp\":30}}"))
        .contains("no parameter 'temp'")
        .contains("temperature");
    assertThat(
            malformed("start", "{\"program\":\"cotton-40\",\"params\":{\"temperature\":\"hot\"}}"))
        .contains("must be a number");
    assertThat(malformed("start", "{\"program\":\"cotton-40\",\"params\":{\"temperature\":95}}"))
        .contains("temperature must be within [20, 40]");
    assertThat(malformed("start", "{\"program\":\"cotton-40\",\"params\":{\"spin\":800.5}}"))
        .contains("whole number");
    assertThat(malformed("pause", "{\"reason\":{}}")).contains("args.reason");
  }
}
