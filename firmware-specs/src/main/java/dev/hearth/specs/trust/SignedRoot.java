package dev.hearth.specs.trust;

/** Root metadata together with the envelope it was read from. */
record SignedRoot(SignedEnvelope envelope, RootMetadata metadata) {}
