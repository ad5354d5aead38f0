/**
 * The rollouts' HTTP API, mounted by {@code HubRouter} on the hub's router: maintainers and admins
 * create and manage rollouts under {@code /api/v1/rollouts}; owners read their devices' update
 * history at {@code /api/v1/devices/{id}/updates}. Thin handlers over {@link
 * dev.hearth.hub.rollout.RolloutManager}; refusals become problem documents at the API's edge.
 */
package dev.hearth.hub.rollout.http;
