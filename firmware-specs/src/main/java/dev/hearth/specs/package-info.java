/**
 * The contracts device and hub share, as code: {@code canonical} and {@code manifest} and {@code
 * trust} (what firmware is and how it is trusted), {@code program}, {@code runtime} and {@code
 * simulate} (the program language and its semantics), {@code wire} (the protocol). No transport and
 * no storage: SPEC.md next to this module is the normative text.
 */
package dev.hearth.specs;
