package dev.hearth.agent.hal.pi4j;

import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;
import java.util.ArrayDeque;

/**
 * Pi4J's {@link MockI2C} with the behaviour of a sensor's result register: a read returns what the
 * register holds, as often as it is read, until the sensor puts a new value there. (The plain mock
 * hands out each written byte once, like a FIFO, so a second poll between two conversions would
 * find nothing and a live sensor would look dead.)
 */
final class Pi4jMockSensorI2C extends MockI2C {

  Pi4jMockSensorI2C(I2CProvider provider, I2CConfig config) {
    super(provider, config);
  }

  private volatile boolean unplugged;

  @Override
  public synchronized int readRegister(int register, byte[] buffer, int offset, int length) {
    if (unplugged) {
      return -1;
    }
    ArrayDeque<Byte> held = registers[register];
    if (held == null || held.isEmpty()) {
      return -1;
    }
    int n = 0;
    for (Byte b : held) {
      if (n >= length || offset + n >= buffer.length) {
        break;
      }
      buffer[offset + n++] = b;
    }
    return n;
  }

  /** The sensor's wire comes loose: no read answers from now on. */
  void unplug() {
    unplugged = true;
  }

  /** The sensor puts a new value in {@code register}: {@code length} bytes of {@code value}. */
  synchronized void hold(int register, byte[] value, int length) {
    ArrayDeque<Byte> held = registers[register];
    if (held == null) {
      held = new ArrayDeque<>(length);
      registers[register] = held;
    }
    held.clear();
    for (int i = 0; i < length; i++) {
      held.add(value[i]);
    }
  }
}
