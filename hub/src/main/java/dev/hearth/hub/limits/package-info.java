/**
 * Rate limits: token buckets by key, shared by the registry (logins, claims, enrollment by account
 * and address) and the gateway (messages per device).
 */
package dev.hearth.hub.limits;
