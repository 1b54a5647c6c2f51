package dev.quire.lists.site;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One message in the MTA's queue, as {@code mailq} shows it.
 *
 * @param id the queue id
 * @param queue incoming, active, deferred, slow, hold or corrupt
 * @param sender the envelope sender, empty for the null sender
 * @param recipients the deliveries still pending
 * @param size octets
 * @param arrivedAt when the MTA accepted it
 * @param lastError why the last attempt did not finish, if one did not
 */
public record QueueEntry(String id, String queue, String sender, List<String> recipients, long size,
        Instant arrivedAt, String lastError) {
    /** How long it has been queued, as {@code 3d 4h}, {@code 5h 2m}, {@code 7m 12s}. */
    public String age(Instant now) {
        if (arrivedAt == null) {
            return "";
        }
        Duration d = Duration.between(arrivedAt, now);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        if (d.toDays() > 0) {
            return d.toDays() + "d " + d.toHoursPart() + "h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        return d.toMinutes() + "m " + d.toSecondsPart() + "s";
    }
}
