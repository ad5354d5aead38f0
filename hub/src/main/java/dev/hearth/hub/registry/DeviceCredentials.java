package dev.hearth.hub.registry;

import java.util.Objects;

/**
 * What a device gets at enrollment to connect, shown to it once.
 *
 * @param password its MQTT password (the username is the device id)
 * @param psk its CoAP/DTLS pre-shared key (the identity is the device id)
 */
public record DeviceCredentials(String password, byte[] psk) {

  public DeviceCredentials {
    Objects.requireNonNull(password, "password");
    psk = psk.clone();
  }

  @Override
  public byte[] psk() {
    return psk.clone();
  }

  @Override
  public String toString() {
    return "DeviceCredentials[hidden]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DeviceCredentials that
        && password.equals(that.password)
        && java.util.Arrays.equals(psk, that.psk);
  }

  @Override
  public int hashCode() {
    return password.hashCode();
  }
}
