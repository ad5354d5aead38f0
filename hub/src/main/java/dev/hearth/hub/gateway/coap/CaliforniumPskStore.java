package dev.hearth.hub.gateway.coap;

import dev.hearth.hub.gateway.DeviceAuthenticator;
import dev.hearth.hub.gateway.RefusalLog;
import dev.hearth.hub.gateway.Transport;
import dev.hearth.specs.wire.DeviceId;
import java.net.InetSocketAddress;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.PskSecretResult;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;
import org.eclipse.californium.scandium.util.SecretUtil;
import org.eclipse.californium.scandium.util.ServerNames;

/**
 * DTLS pre-shared keys from the registry: the PSK identity is the device id, the key is {@link
 * DeviceAuthenticator#preSharedKey}. An unknown identity or a device without a key fails the
 * handshake, so an unauthenticated peer never reaches a resource.
 */
final class CaliforniumPskStore implements AdvancedPskStore {

  private final DeviceAuthenticator authenticator;
  private final RefusalLog log;

  CaliforniumPskStore(DeviceAuthenticator authenticator, RefusalLog log) {
    this.authenticator = authenticator;
    this.log = log;
  }

  @Override
  public boolean hasEcdhePskSupported() {
    return true;
  }

  @Override
  public PskSecretResult requestPskSecretResult(
      ConnectionId cid,
      ServerNames serverName,
      PskPublicInformation identity,
      String hmacAlgorithm,
      SecretKey otherSecret,
      byte[] seed,
      boolean useExtendedMasterSecret) {
    String id = identity.getPublicInfoAsString();
    Optional<byte[]> key = DeviceId.isValid(id) ? authenticator.preSharedKey(id) : Optional.empty();
    if (key.isEmpty() || key.get().length == 0) {
      log.refused(
          Transport.COAP.label(),
          id,
          "connect",
          "",
          "BAD_CREDENTIALS",
          "unknown DTLS PSK identity");
      return new PskSecretResult(cid, identity, null);
    }
    return new PskSecretResult(cid, identity, SecretUtil.create(key.get(), "PSK"));
  }

  /** The hub is only a DTLS server; it never picks an identity of its own. */
  @Override
  public PskPublicInformation getIdentity(InetSocketAddress peerAddress, ServerNames virtualHost) {
    return null;
  }

  /** Results are returned synchronously, so there is nothing to hand over later. */
  @Override
  public void setResultHandler(HandshakeResultHandler resultHandler) {}
}
