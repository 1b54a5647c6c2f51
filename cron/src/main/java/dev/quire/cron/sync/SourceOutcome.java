package dev.quire.cron.sync;

import dev.quire.db.jobs.SyncSource;

/**
 * What reading one source gave: its readout, or why it failed.
 *
 * @param readout null when the source failed
 * @param failure null when the source was read
 */
record SourceOutcome(SyncSource source, SourceReadout readout, String failure) {
    boolean failed() {
        return readout == null;
    }
}
