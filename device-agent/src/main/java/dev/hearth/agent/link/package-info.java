/**
 * The link to the hub: MQTT under {@code hearth/v1/{deviceId}/}, and store-and-forward while the
 * hub is out of reach.
 *
 * <p>Entry point: {@link dev.hearth.agent.link.HubLink}, built from an {@link
 * dev.hearth.agent.runtime.Appliance}, a device id, a {@link dev.hearth.agent.link.HubLinkConfig}
 * and a transport. Seams:
 *
 * <ul>
 *   <li>{@link dev.hearth.agent.link.MqttSession}: the transport port; the Paho adapter is in
 *       {@code link.paho}. Nothing else here knows about Paho.
 *   <li>{@link dev.hearth.agent.link.UpdateOffers} and {@link dev.hearth.agent.link.EventSink}:
 *       where the update engine plugs in.
 *   <li>{@link dev.hearth.agent.link.LinkClock}: the link's time, real or stepped.
 * </ul>
 *
 * <p>Events and telemetry go through the {@link dev.hearth.agent.link.outbox.Outbox}, which numbers
 * them and keeps them on disk until the broker acknowledges them. Delivery is at least once, in
 * order; the hub processes each event (and batch) once by its {@code seq}, so after a crash between
 * a PUBACK and the outbox recording it, a resent entry is recognised and dropped. Commands run at
 * most once: an id already answered is answered again, not executed again, and a command is
 * acknowledged to the broker before it runs, so a crash never replays it.
 */
package dev.hearth.agent.link;
