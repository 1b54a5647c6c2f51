package dev.quire.mta.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

import dev.quire.mta.spool.QueueId;

/**
 * When each waiting message of a queue is due again, in due order, so that finding the due ones costs what they
 * are, not what the whole queue holds.
 */
final class DueTimes {
    private record Slot(Instant at, QueueId id) implements Comparable<Slot> {
        @Override
        public int compareTo(Slot o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : id.compareTo(o.id);
        }
    }

    private final Map<QueueId, Instant> byId = new ConcurrentHashMap<>();
    private final NavigableSet<Slot> byTime = new ConcurrentSkipListSet<>();

    synchronized void put(QueueId id, Instant at) {
        remove(id);
        byId.put(id, at);
        byTime.add(new Slot(at, id));
    }

    synchronized void remove(QueueId id) {
        Instant at = byId.remove(id);
        if (at != null) {
            byTime.remove(new Slot(at, id));
        }
    }

    int size() {
        return byId.size();
    }

    /** The messages due at or before the time, earliest first; they stay until removed. */
    List<QueueId> dueBy(Instant now) {
        List<QueueId> out = new ArrayList<>();
        for (Slot s : byTime) {
            if (s.at().isAfter(now)) {
                break;
            }
            out.add(s.id());
        }
        return out;
    }
}
