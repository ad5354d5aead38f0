package dev.hearth.hub.api;

import dev.hearth.hardware.profile.Profile;
import dev.hearth.hub.registry.ProfileLookup;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Devices;
import dev.hearth.hub.store.Page;
import dev.hearth.hub.store.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An owner's view of the registry: the one place that decides whether a device is theirs. A device
 * that is not (someone else's, pending, or unknown) is simply absent.
 */
public final class OwnerDevices {

  private final Devices devices;
  private final ProfileLookup profiles;

  public OwnerDevices(Devices devices, ProfileLookup profiles) {
    this.devices = devices;
    this.profiles = profiles;
  }

  /** {@code deviceId} if {@code ownerId} owns it. */
  public Optional<Device> find(String ownerId, String deviceId) {
    if (deviceId == null || deviceId.length() > 64) {
      return Optional.empty();
    }
    return devices
        .find(deviceId)
        .filter(device -> device.state() != Device.State.PENDING)
        .filter(device -> ownerId.equals(device.ownerId()));
  }

  public Page<Device> list(String ownerId, PageRequest page) {
    return devices.ownedBy(ownerId, page);
  }

  /** Every id the owner has, for the live stream's subscriptions. */
  public List<String> allIds(String ownerId) {
    var ids = new ArrayList<String>();
    PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
    while (true) {
      Page<Device> batch = devices.ownedBy(ownerId, page);
      batch.items().forEach(device -> ids.add(device.id()));
      if (batch.next() == null) {
        return ids;
      }
      page = new PageRequest(batch.next(), PageRequest.MAX_LIMIT);
    }
  }

  /** Applies a change and returns the device as it is now. */
  public Device update(Device device, DevicePatch patch) {
    if (patch.name().isPresent()) {
      devices.rename(device.id(), patch.name().get().orElse(null));
    }
    patch.channel().ifPresent(channel -> devices.setChannel(device.id(), channel));
    return devices.find(device.id()).orElseThrow();
  }

  public Optional<Profile> profile(Device device) {
    return profiles.find(device.profile());
  }
}
