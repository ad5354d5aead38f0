/**
 * The agent's side of enrollment ({@code firmware-specs/SPEC.md, chapter "Enrollment"}): claim
 * codes, the HTTPS exchange with the hub, the atomic storage of the credentials and the pinned root
 * metadata under the state directory, {@code hearth-agent enroll}, and first boot from a {@code
 * hearth.yaml} left on the boot partition.
 *
 * <ul>
 *   <li>{@link dev.hearth.specs.enrollment.ClaimCode}, {@link dev.hearth.agent.enroll.QrText}: the
 *       code an owner types or scans.
 *   <li>{@link dev.hearth.agent.enroll.Enroller}: asks the hub until it says enrolled, refuses, or
 *       patience runs out, through {@link dev.hearth.agent.enroll.HubEnrollmentClient}.
 *   <li>{@link dev.hearth.agent.enroll.EnrollmentStore}: {@code enrollment.json} and {@code
 *       root.json}; what the link reads its MQTT credentials from.
 *   <li>{@link dev.hearth.agent.enroll.EnrollCommand}, {@link dev.hearth.agent.enroll.FirstBoot}:
 *       the two ways in.
 * </ul>
 */
package dev.hearth.agent.enroll;
