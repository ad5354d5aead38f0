package dev.hearth.agent.hal.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import dev.hearth.agent.hal.Board;
import dev.hearth.agent.hal.BoardSettings;
import dev.hearth.agent.hal.ChannelRead;
import dev.hearth.agent.hal.ChannelScaling;
import dev.hearth.agent.hal.HardwareException;
import dev.hearth.agent.hal.InputListener;
import dev.hearth.agent.hal.PulseRate;
import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.ChannelAddress;
import dev.hearth.hardware.profile.ChannelKind;
import dev.hearth.hardware.profile.Profile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Board} over a Pi4J context: digital outputs and inputs on GPIO lines, PWM outputs, pulse
 * inputs counted on GPIO lines, 16-bit big-endian I2C registers. Each channel honours its {@link
 * ChannelAddress}: BCM pin, pull resistor, active-low level, PWM frequency, I2C bus, device,
 * register and raw range, units per pulse per second.
 *
 * <p>Every output is created at its safe level, and its safe level is Pi4J's shutdown state for it,
 * so the outputs fail safe when the context shuts down ({@link #close}) or, with Pi4J's shutdown
 * hook, when the JVM exits.
 *
 * <p>A channel that cannot be opened does not stop the board: it is listed by {@link
 * #unavailable()}, its reads fail and writes to it throw. The self-test reports such channels; the
 * agent refuses to run a cycle with them.
 */
public final class Pi4jBoard implements Board {

  private static final Logger LOG = LoggerFactory.getLogger(Pi4jBoard.class);

  /** How many pulse-rate samples a window keeps: a 10 s window polled every 100 ms, and spare. */
  private static final int PULSE_SAMPLES = 128;

  private final Context context;
  private final Profile profile;
  private final String description;
  private final LongSupplier millis;
  private final Map<String, Channel> outputsByName = new HashMap<>();
  private final Map<String, DigitalOutput> digitalOutputs = new HashMap<>();
  private final Map<String, Pwm> pwms = new HashMap<>();
  private final Map<String, DigitalInput> digitalInputs = new HashMap<>();
  private final Map<String, I2C> devices = new HashMap<>();
  private final List<RegisterInput> registers = new ArrayList<>();
  private final List<PulseInput> pulses = new ArrayList<>();
  private final Map<String, ChannelRead> reads = new ConcurrentHashMap<>();
  private final Map<String, String> unavailable = new LinkedHashMap<>();
  private final List<InputListener> listeners = new CopyOnWriteArrayList<>();
  private final byte[] word = new byte[2];
  private volatile boolean closed;

  /**
   * Opens every channel of {@code profile} on {@code context}. Takes ownership of the context: it
   * is shut down by {@link #close}.
   *
   * @param millis the time pulse rates are measured in: the agent's clock
   */
  Pi4jBoard(
      Context context,
      Pi4jProviders providers,
      Profile profile,
      BoardSettings settings,
      LongSupplier millis,
      String description) {
    this.context = context;
    this.profile = profile;
    this.description = description;
    this.millis = millis;
    for (Channel c : profile.outputs()) {
      outputsByName.put(c.name(), c);
      open(c, () -> openOutput(c, providers));
    }
    for (Channel c : profile.inputs()) {
      open(c, () -> openInput(c, providers, settings));
    }
  }

  private void open(Channel c, Runnable opener) {
    try {
      opener.run();
    } catch (RuntimeException e) {
      String why = c.address().describe() + ": " + rootMessage(e);
      unavailable.put(c.name(), why);
      if (!c.isOutput()) {
        reads.put(c.name(), ChannelRead.failed(why));
      }
      LOG.warn("cannot open {} ({}): {}", c.name(), c.kind().id(), why);
    }
  }

  // ---------------------------------------------------------------- opening

  private void openOutput(Channel c, Pi4jProviders providers) {
    ChannelAddress a = c.address();
    requireGpio(c);
    if (c.kind() == ChannelKind.DIGITAL_OUT) {
      DigitalState safe = level(ChannelScaling.electricalHigh(c, c.safe() != 0.0));
      DigitalOutput out =
          context.create(
              DigitalOutput.newConfigBuilder(context)
                  .id(c.name())
                  .name(c.name())
                  .address(a.gpio())
                  .initial(safe)
                  .shutdown(safe)
                  .provider(providers.digitalOutput())
                  .build());
      digitalOutputs.put(c.name(), out);
      out.state(safe);
    } else if (c.kind() == ChannelKind.PWM_OUT) {
      if (a.frequency() == null || a.frequency() <= 0) {
        throw new HardwareException("a PWM output needs a frequency in its address");
      }
      double safeDuty = ChannelScaling.dutyPercent(c, c.safe());
      Pwm pwm =
          context.create(
              Pwm.newConfigBuilder(context)
                  .id(c.name())
                  .name(c.name())
                  .address(Pi4jPwmChannels.channel(a.gpio(), providers.rp1()))
                  .pwmType(PwmType.HARDWARE)
                  .frequency(a.frequency())
                  .initial(safeDuty)
                  .shutdown(safeDuty)
                  .provider(providers.pwm())
                  .build());
      pwms.put(c.name(), pwm);
      applyDuty(pwm, safeDuty, a.frequency());
    } else {
      throw new HardwareException("outputs of kind " + c.kind().id() + " are not supported");
    }
  }

  private void openInput(Channel c, Pi4jProviders providers, BoardSettings settings) {
    switch (c.kind()) {
      case DIGITAL_IN:
        {
          DigitalInput in = openGpioInput(c, providers, settings.switchDebounce().toNanos());
          in.addListener(e -> switched(c, e.state()));
          switched(c, in.state());
          break;
        }
      case PULSE_IN:
        {
          ChannelScaling.fromPulseRate(c, 0); // checks unitsPerHz before the pin is taken
          PulseInput pulse = new PulseInput(c, settings.pulseWindow().toMillis());
          DigitalInput in = openGpioInput(c, providers, settings.pulseDebounce().toNanos());
          in.addListener(e -> pulse.edge(e.state()));
          pulses.add(pulse);
          reads.put(c.name(), ChannelRead.of(c.range().clamp(0)));
          break;
        }
      case I2C_IN:
        {
          ChannelAddress a = c.address();
          if (a.bus() == null || a.device() == null || a.register() == null) {
            throw new HardwareException("an I2C input needs bus, device and register");
          }
          ChannelScaling.fromRaw(c, 0); // checks the raw range before the bus is opened
          I2C device =
              devices.computeIfAbsent(a.bus() + ":" + a.device(), k -> openI2c(a, providers));
          registers.add(new RegisterInput(c, device, a.register()));
          reads.put(c.name(), ChannelRead.failed("not read yet"));
          break;
        }
      default:
        throw new HardwareException(c.kind().id() + " inputs are not supported by this agent yet");
    }
  }

  private DigitalInput openGpioInput(Channel c, Pi4jProviders providers, long debounceNanos) {
    requireGpio(c);
    DigitalInput in =
        context.create(
            DigitalInput.newConfigBuilder(context)
                .id(c.name())
                .name(c.name())
                .address(c.address().gpio())
                .pull(pull(c))
                .debounce(debounceNanos / 1000)
                .provider(providers.digitalInput())
                .build());
    digitalInputs.put(c.name(), in);
    return in;
  }

  private I2C openI2c(ChannelAddress a, Pi4jProviders providers) {
    return context.create(
        I2C.newConfigBuilder(context)
            .id("i2c-" + a.bus() + "-0x" + Integer.toHexString(a.device()))
            .bus(a.bus())
            .device(a.device())
            .provider(providers.i2c())
            .build());
  }

  private static void requireGpio(Channel c) {
    if (c.address().gpio() == null) {
      throw new HardwareException(c.kind().id() + " needs a gpio in its address");
    }
  }

  private static PullResistance pull(Channel c) {
    String pull = c.address().pull();
    if (pull == null || pull.equals("none")) {
      return PullResistance.OFF;
    }
    return pull.toLowerCase(Locale.ROOT).equals("up")
        ? PullResistance.PULL_UP
        : PullResistance.PULL_DOWN;
  }

  private static DigitalState level(boolean high) {
    return high ? DigitalState.HIGH : DigitalState.LOW;
  }

  // ---------------------------------------------------------------- Board

  @Override
  public Profile profile() {
    return profile;
  }

  @Override
  public void drive(Channel output, double value) {
    if (closed) {
      throw new HardwareException("the board is closed; " + output.name() + " stays safe");
    }
    try {
      DigitalOutput digital = digitalOutputs.get(output.name());
      if (digital != null) {
        digital.state(level(ChannelScaling.electricalHigh(output, value != 0.0)));
        return;
      }
      Pwm pwm = pwms.get(output.name());
      if (pwm != null) {
        applyDuty(pwm, ChannelScaling.dutyPercent(output, value), output.address().frequency());
        return;
      }
    } catch (RuntimeException e) {
      throw new HardwareException(
          "cannot drive " + output.name() + " (" + output.address().describe() + "): " + e, e);
    }
    String why = unavailable.get(output.name());
    throw new HardwareException(
        why != null
            ? output.name() + " is unavailable: " + why
            : "'" + output.name() + "' is not an output of " + profile.ref());
  }

  private static void applyDuty(Pwm pwm, double duty, int frequency) {
    if (duty <= 0) {
      pwm.off();
    } else {
      pwm.on(duty, frequency);
    }
  }

  @Override
  public ChannelRead read(String input) {
    ChannelRead r = reads.get(input);
    if (r == null) {
      throw new IllegalArgumentException("'" + input + "' is not an input of " + profile.ref());
    }
    return r;
  }

  @Override
  public void poll() {
    synchronized (word) {
      if (closed) {
        return;
      }
      for (RegisterInput r : registers) {
        update(r.channel, r.read());
      }
      long now = millis.getAsLong();
      for (PulseInput p : pulses) {
        update(p.channel, ChannelRead.of(p.rate(now)));
      }
    }
  }

  @Override
  public Registration onInputChange(InputListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public Map<String, String> unavailable() {
    return Collections.unmodifiableMap(unavailable);
  }

  @Override
  public void close() {
    synchronized (word) {
      if (closed) {
        return;
      }
      closed = true;
    }
    // Drive each output safe explicitly first: the shutdown states are the second line.
    for (Channel c : profile.outputs()) {
      try {
        DigitalOutput digital = digitalOutputs.get(c.name());
        if (digital != null) {
          digital.state(level(ChannelScaling.electricalHigh(c, c.safe() != 0.0)));
        }
        Pwm pwm = pwms.get(c.name());
        if (pwm != null) {
          applyDuty(pwm, ChannelScaling.dutyPercent(c, c.safe()), c.address().frequency());
        }
      } catch (RuntimeException e) {
        LOG.error("could not drive {} to its safe state on close: {}", c.name(), e.toString());
      }
    }
    try {
      context.shutdown();
    } catch (RuntimeException e) {
      LOG.error("Pi4J did not shut down cleanly: {}", e.toString());
    }
  }

  // ---------------------------------------------------------------- inputs

  private void switched(Channel c, DigitalState state) {
    if (state == DigitalState.HIGH || state == DigitalState.LOW) {
      update(c, ChannelRead.of(ChannelScaling.logical(c, state == DigitalState.HIGH)));
    } else {
      update(c, ChannelRead.failed(c.address().describe() + " reads " + state));
    }
  }

  private void update(Channel c, ChannelRead next) {
    ChannelRead previous = reads.put(c.name(), next);
    if (previous != null && same(previous, next)) {
      return;
    }
    for (InputListener l : listeners) {
      try {
        l.inputChanged(c.name(), next.value());
      } catch (RuntimeException e) {
        LOG.error("an input listener failed on {}: {}", c.name(), e.toString(), e);
      }
    }
  }

  private static boolean same(ChannelRead a, ChannelRead b) {
    return a.answered()
        ? b.answered() && Double.compare(a.value(), b.value()) == 0
        : !b.answered() && a.problem().equals(b.problem());
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }

  // ---------------------------------------------------------------- for the simulation

  DigitalOutput digitalOutput(String name) {
    return digitalOutputs.get(name);
  }

  Pwm pwm(String name) {
    return pwms.get(name);
  }

  DigitalInput digitalInput(String name) {
    return digitalInputs.get(name);
  }

  I2C device(Channel input) {
    ChannelAddress a = input.address();
    return devices.get(a.bus() + ":" + a.device());
  }

  Channel output(String name) {
    return outputsByName.get(name);
  }

  /** An I2C register read as a 16-bit big-endian two's-complement word. */
  private final class RegisterInput {
    final Channel channel;
    final I2C device;
    final int register;

    RegisterInput(Channel channel, I2C device, int register) {
      this.channel = channel;
      this.device = device;
      this.register = register;
    }

    ChannelRead read() {
      try {
        int n = device.readRegister(register, word, 0, 2);
        if (n != 2) {
          return ChannelRead.failed(channel.address().describe() + " did not answer");
        }
        int raw = (short) (((word[0] & 0xff) << 8) | (word[1] & 0xff));
        return ChannelRead.of(ChannelScaling.fromRaw(channel, raw));
      } catch (RuntimeException e) {
        return ChannelRead.failed(channel.address().describe() + ": " + rootMessage(e));
      }
    }
  }

  /** Rising edges counted on a GPIO line, turned into a rate at each poll. */
  private static final class PulseInput {
    final Channel channel;
    final AtomicLong count = new AtomicLong();
    final PulseRate rate;

    PulseInput(Channel channel, long windowMillis) {
      this.channel = channel;
      this.rate = new PulseRate(windowMillis, PULSE_SAMPLES);
    }

    void edge(DigitalState state) {
      if (state == DigitalState.HIGH || state == DigitalState.LOW) {
        if (ChannelScaling.logical(channel, state == DigitalState.HIGH) != 0.0) {
          count.incrementAndGet();
        }
      }
    }

    double rate(long now) {
      double hz = rate.sample(now, count.get());
      return channel.range().clamp(ChannelScaling.fromPulseRate(channel, hz));
    }
  }
}
