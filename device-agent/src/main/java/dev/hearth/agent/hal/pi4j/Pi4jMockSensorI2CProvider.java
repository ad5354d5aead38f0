package dev.hearth.agent.hal.pi4j;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProviderImpl;

/** Pi4J's mock I2C provider, handing out {@link Pi4jMockSensorI2C} devices. Same provider id. */
final class Pi4jMockSensorI2CProvider extends MockI2CProviderImpl {

  @Override
  public I2C create(I2CConfig config) {
    Pi4jMockSensorI2C device = new Pi4jMockSensorI2C(this, config);
    this.context.registry().add(device);
    return device;
  }
}
