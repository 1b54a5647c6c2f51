package dev.quire.db.jobs;

/** How a run of a scheduled job ended. */
public enum JobOutcome {
    /** Started and not finished yet (or its node died while running it). */
    RUNNING,
    /** Did all its work. */
    OK,
    /** Finished, but something needs an admin's attention (a failed source, a held sync, invalid lines). */
    WARNING,
    /** Stopped by an error; the message says which. */
    FAILED
}
