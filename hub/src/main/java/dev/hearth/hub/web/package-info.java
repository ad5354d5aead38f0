/**
 * The owner's dashboard, served by the hub itself: plain HTML, CSS and ES modules from the class
 * path ({@code webroot/dashboard}), front-end libraries from WebJars ({@code /webjars/...}), all
 * mounted on the API's vertx-web router by {@link dev.hearth.hub.web.Dashboard#mount}.
 *
 * <p>The pages talk to the REST API under {@code /api/v1} and its live stream, with the session
 * cookie the login sets; nothing here reads the store or decides who may see what. What this
 * package adds is delivery: security headers (a strict Content-Security-Policy, no framing, no
 * sniffing), caching, and the chart layout of each hardware profile.
 */
package dev.hearth.hub.web;
