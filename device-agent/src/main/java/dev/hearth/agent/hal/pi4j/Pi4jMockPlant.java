package dev.hearth.agent.hal.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import dev.hearth.agent.hal.ChannelScaling;
import dev.hearth.agent.hal.SimulatedHardware;
import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.ChannelKind;
import dev.hearth.hardware.sim.Plant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wires a {@link Plant} to the simulated pins of a {@link Pi4jBoard} on Pi4J's mock plugin, the way
 * the appliance's cable loom wires it to a real board:
 *
 * <ul>
 *   <li>outputs: the plant gets what the mock pins show ({@code MockDigitalOutput} level, {@code
 *       MockPwm} duty cycle), converted back to the channel's unit;
 *   <li>switch inputs: every change of a plant reading is put on its {@code MockDigitalInput} with
 *       {@code mockState}, which fires the board's Pi4J listeners as a real edge would;
 *   <li>register inputs: after each step the plant's reading, as raw counts, is what its mock I2C
 *       register holds for the board's polls ({@link Pi4jMockSensorI2C});
 *   <li>pulse inputs: the plant's rate becomes that many rising edges per second on the input.
 * </ul>
 *
 * It asks the board only where its pins are; from then on the board reads and writes pins as on a
 * Raspberry Pi and cannot tell the plant from a real appliance.
 */
public final class Pi4jMockPlant implements SimulatedHardware {

  private final Pi4jBoard board;
  private final Plant plant;
  private final List<Output> outputs = new ArrayList<>();
  private final Map<String, Switch> switches = new HashMap<>();
  private final Map<String, Register> registersByName = new HashMap<>();
  private final List<Register> registers = new ArrayList<>();
  private final List<Pulses> pulses = new ArrayList<>();
  private final Plant.Registration registration;

  /**
   * Connects {@code plant} to {@code board}'s pins and puts the plant's readings on them at once.
   *
   * @throws IllegalArgumentException when the board is not on Pi4J's mock plugin
   */
  Pi4jMockPlant(Pi4jBoard board, Plant plant) {
    this.board = board;
    this.plant = plant;
    for (Channel c : board.profile().outputs()) {
      outputs.add(new Output(c, board.digitalOutput(c.name()), board.pwm(c.name())));
    }
    for (Channel c : board.profile().inputs()) {
      if (c.kind() == ChannelKind.DIGITAL_IN) {
        switches.put(c.name(), new Switch(c, mock(board.digitalInput(c.name()), c)));
      } else if (c.kind() == ChannelKind.PULSE_IN) {
        pulses.add(new Pulses(c, mock(board.digitalInput(c.name()), c)));
      } else if (c.kind() == ChannelKind.I2C_IN
          && board.device(c) instanceof Pi4jMockSensorI2C device) {
        Register r = new Register(c, device, c.address().register());
        registers.add(r);
        registersByName.put(c.name(), r);
      }
    }
    this.registration = plant.onInputChange(this::inputChanged);
    for (String input : plant.inputs()) {
      inputChanged(input, plant.read(input));
    }
    refreshRegisters();
    pushOutputs();
  }

  private static MockDigitalInput mock(DigitalInput in, Channel c) {
    if (in instanceof MockDigitalInput m) {
      return m;
    }
    throw new IllegalArgumentException(
        c.name() + " is not on Pi4J's mock plugin; a plant can only drive simulated pins");
  }

  @Override
  public Plant plant() {
    return plant;
  }

  @Override
  public void step(double seconds) {
    pushOutputs();
    plant.advance(seconds);
    refreshRegisters();
    for (Pulses p : pulses) {
      p.advance(seconds);
    }
  }

  @Override
  public double output(String name) {
    for (Output o : outputs) {
      if (o.channel.name().equals(name)) {
        return o.read();
      }
    }
    throw new IllegalArgumentException("'" + name + "' is not an output");
  }

  @Override
  public void unplug(String name) {
    for (Register r : registers) {
      if (r.channel.name().equals(name)) {
        r.device.unplug();
        return;
      }
    }
    throw new IllegalArgumentException(
        "'" + name + "' is not a sensor on an I2C register; only those can be unplugged");
  }

  @Override
  public void close() {
    registration.close();
  }

  /** Hands the plant every output whose pin changed since the last step. */
  private void pushOutputs() {
    for (Output o : outputs) {
      double v = o.read();
      if (Double.compare(v, o.pushed) != 0) {
        plant.drive(o.channel.name(), v);
        o.pushed = v;
      }
    }
  }

  /** Called by the plant, possibly on a person's thread, while the plant is locked. */
  private void inputChanged(String input, double value) {
    Switch s = switches.get(input);
    if (s != null) {
      s.pin.mockState(level(ChannelScaling.electricalHigh(s.channel, value != 0.0)));
      return;
    }
    Register r = registersByName.get(input);
    if (r != null) {
      r.raw = ChannelScaling.toRaw(r.channel, value);
    }
  }

  /** Puts the latest reading, as a 16-bit big-endian word, in each simulated register. */
  private void refreshRegisters() {
    for (Register r : registers) {
      long raw = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r.raw));
      r.word[0] = (byte) (raw >> 8);
      r.word[1] = (byte) raw;
      r.device.hold(r.register, r.word, 2);
    }
  }

  private static DigitalState level(boolean high) {
    return high ? DigitalState.HIGH : DigitalState.LOW;
  }

  /** An output pin and what the plant was last given. */
  private static final class Output {
    final Channel channel;
    final DigitalOutput digital;
    final Pwm pwm;
    double pushed = Double.NaN;

    Output(Channel channel, DigitalOutput digital, Pwm pwm) {
      this.channel = channel;
      this.digital = digital;
      this.pwm = pwm;
    }

    /** The value the pin carries, in the channel's unit; safe when the pin could not be opened. */
    double read() {
      if (digital != null) {
        DigitalState s = digital.state();
        return s == DigitalState.HIGH || s == DigitalState.LOW
            ? ChannelScaling.logical(channel, s == DigitalState.HIGH)
            : channel.safe();
      }
      if (pwm != null) {
        return ChannelScaling.fromDuty(channel, pwm.isOn() ? pwm.getDutyCycle() : 0);
      }
      return channel.safe();
    }
  }

  /** A switch input's simulated pin. */
  private static final class Switch {
    final Channel channel;
    final MockDigitalInput pin;

    Switch(Channel channel, MockDigitalInput pin) {
      this.channel = channel;
      this.pin = pin;
    }
  }

  /** A register input and the raw counts the plant reads now. */
  private static final class Register {
    final Channel channel;
    final Pi4jMockSensorI2C device;
    final int register;
    final byte[] word = new byte[2];
    volatile long raw;

    Register(Channel channel, Pi4jMockSensorI2C device, int register) {
      this.channel = channel;
      this.device = device;
      this.register = register;
    }
  }

  /** A pulse input: the plant's rate as edges on its simulated pin. */
  private final class Pulses {
    final Channel channel;
    final MockDigitalInput pin;
    final DigitalState on;
    final DigitalState off;
    double owed;

    Pulses(Channel channel, MockDigitalInput pin) {
      this.channel = channel;
      this.pin = pin;
      this.on = level(ChannelScaling.electricalHigh(channel, true));
      this.off = level(ChannelScaling.electricalHigh(channel, false));
      pin.mockState(off);
    }

    void advance(double seconds) {
      owed += ChannelScaling.toPulseRate(channel, plant.read(channel.name())) * seconds;
      while (owed >= 1) {
        pin.mockState(on);
        pin.mockState(off);
        owed -= 1;
      }
    }
  }
}
