package dev.hearth.hub.catalog.store;

/**
 * One simulator run of a revision's program.
 *
 * @param revisionId the revision
 * @param seq its position among the revision's reports
 * @param profile the profile simulated
 * @param program the program
 * @param fault the injected fault, or null for a run with default parameters and no fault
 * @param passed whether the run behaved (SPEC chapter 2, "Simulation")
 * @param json the whole report as JSON text
 */
public record ReportRecord(
    String revisionId,
    int seq,
    String profile,
    String program,
    String fault,
    boolean passed,
    String json) {}
