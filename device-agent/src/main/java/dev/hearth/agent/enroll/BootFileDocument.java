package dev.hearth.agent.enroll;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The authored shape of {@code hearth.yaml} on the boot partition. Wi-Fi is deliberately absent:
 * Raspberry Pi Imager and the OS set it up.
 *
 * @param hub the hub's base URL
 * @param claim an owner-issued claim code
 * @param profile the hardware profile, when {@code agent.yaml} does not name it
 */
record BootFileDocument(JsonNode hub, JsonNode claim, JsonNode profile) {}
