/** The gateway assembled from its core and adapters, for the hub's composition root. */
package dev.hearth.hub.gateway.app;
