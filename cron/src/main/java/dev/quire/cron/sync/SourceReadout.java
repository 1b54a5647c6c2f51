package dev.quire.cron.sync;

import java.util.List;

/** Everything one source returned: valid addresses and the lines that were not. */
public record SourceReadout(List<SourceEntry> entries, List<InvalidLine> invalid) {
}
