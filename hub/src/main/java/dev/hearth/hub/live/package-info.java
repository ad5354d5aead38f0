/**
 * Live updates for browsers: {@link dev.hearth.hub.live.LiveUpdates} on the Vert.x event bus (one
 * address per device, so clustered hub instances share it), and {@link
 * dev.hearth.hub.live.LiveStream}, one server-sent-events stream following an owner's devices.
 * Device messages become updates in {@code telemetry.LiveIngestPublisher}; alerts in the alert
 * engine; commands sent by owners in the API. Who may follow which device is decided by the API
 * before a stream is opened.
 */
package dev.hearth.hub.live;
