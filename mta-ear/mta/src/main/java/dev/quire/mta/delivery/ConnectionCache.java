package dev.quire.mta.delivery;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.quire.mail.smtp.SmtpClient;

/**
 * What the MTA keeps about its next hops between deliveries. Sessions: SMTP and LMTP sessions kept open after a
 * delivery, for the next message to the same next hop, as Postfix's connection cache
 * ({@code smtp_connection_cache_time_limit}, {@code smtp_connection_reuse_time_limit},
 * {@code smtp_connection_reuse_count_limit}). A session waits idle at most {@code idle}; it is reused only while
 * younger than {@code reuseTime} and for at most {@code reuseCount} transactions; then it is closed with QUIT. The
 * agent that takes a session checks it with RSET first. Unreachable hosts: a host that could not be connected to
 * (or refused the session) is not tried again for {@code deadTime}; mail for it is deferred at once, as Postfix
 * suspends delivery to a dead destination, instead of every message waiting for its own connect to fail. A flush
 * forgets them.
 */
public final class ConnectionCache implements AutoCloseable {
    /** Where a session goes, and how it greeted: only an identical next hop may reuse it. */
    public record Key(String address, int port, boolean lmtp, String heloName) {
    }

    /** An open session and what it has carried so far. */
    public static final class Session {
        final SmtpClient client;
        final String security;
        final long openedAt = System.nanoTime();
        int uses;
        long idleSince;

        Session(SmtpClient client, String security) {
            this.client = client;
            this.security = security;
        }

        /** How many transactions this session carried, the one under way included (Postfix's conn_use). */
        public int uses() {
            return uses;
        }
    }

    /** Postfix's {@code smtp_connect_timeout}. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    /** A cache that keeps nothing: every delivery opens and closes its own session, and tries every host. */
    public static final ConnectionCache NONE = new ConnectionCache(Duration.ZERO, Duration.ZERO, 0);

    private record Host(String address, int port) {
    }

    private record Unreachable(long until, String reason) {
    }

    private final long deadNanos;
    private final Duration connectTimeout;
    private final Map<Host, Unreachable> unreachable = new java.util.concurrent.ConcurrentHashMap<>();
    private final long idleNanos;
    private final long reuseNanos;
    private final int reuseCount;
    private final Map<Key, Deque<Session>> idle = new HashMap<>();
    private final Thread reaper;
    private volatile boolean open = true;

    /** A cache that does not remember unreachable hosts. */
    public ConnectionCache(Duration idle, Duration reuseTime, int reuseCount) {
        this(idle, reuseTime, reuseCount, Duration.ZERO, CONNECT_TIMEOUT);
    }

    /**
     * @param deadTime how long a host that could not be reached is not tried again (zero: always tried)
     * @param connectTimeout how long a connect may take
     */
    public ConnectionCache(Duration idle, Duration reuseTime, int reuseCount, Duration deadTime,
            Duration connectTimeout) {
        this.deadNanos = deadTime.toNanos();
        this.connectTimeout = connectTimeout;
        this.idleNanos = idle.toNanos();
        this.reuseNanos = reuseTime.toNanos();
        this.reuseCount = reuseCount;
        this.reaper = new Thread(this::reap, "quire-smtp-connection-cache");
        reaper.setDaemon(true);
        if (idleNanos > 0) {
            reaper.start();
        }
    }

    /** How long a connect to a next hop may take. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Why the next hop is not to be tried now (it could not be reached a moment ago), or null to try it. */
    public String suspended(Key key) {
        Host host = new Host(key.address(), key.port());
        Unreachable u = unreachable.get(host);
        if (u == null) {
            return null;
        }
        if (System.nanoTime() - u.until() >= 0) {
            unreachable.remove(host, u);
            return null;
        }
        return u.reason();
    }

    /** Remembers that the next hop could not be reached (or refused the session), for the dead time. */
    public void unreachable(Key key, String reason) {
        if (deadNanos > 0) {
            unreachable.put(new Host(key.address(), key.port()), new Unreachable(System.nanoTime() + deadNanos,
                    reason));
        }
    }

    /** The next hop answered: it is no longer remembered as unreachable. */
    public void reachable(Key key) {
        if (!unreachable.isEmpty()) {
            unreachable.remove(new Host(key.address(), key.port()));
        }
    }

    /** Forgets every unreachable host, so that the next delivery tries them all (a flush, a requeue). */
    public void forgetUnreachable() {
        unreachable.clear();
    }

    /** An idle session to the next hop, most recently used first, or null. */
    public synchronized Session take(Key key) {
        Deque<Session> sessions = idle.get(key);
        while (sessions != null && !sessions.isEmpty()) {
            Session s = sessions.pop();
            if (System.nanoTime() - s.idleSince < idleNanos) {
                s.uses++;
                return s;
            }
            s.client.quit();
        }
        return null;
    }

    /** Wraps a session just opened. */
    public Session opened(SmtpClient client, String security) {
        Session s = new Session(client, security);
        s.uses = 1;
        return s;
    }

    /** Gives back a session whose transaction ended cleanly; it waits for the next message, or is closed. */
    public void release(Key key, Session s) {
        long now = System.nanoTime();
        if (!open || idleNanos == 0 || s.uses >= reuseCount || now - s.openedAt >= reuseNanos) {
            s.client.quit();
            return;
        }
        s.idleSince = now;
        synchronized (this) {
            idle.computeIfAbsent(key, k -> new ArrayDeque<>()).push(s);
        }
    }

    private void reap() {
        while (open) {
            try {
                Thread.sleep(Math.max(100, Math.min(1000, idleNanos / 2_000_000)));
            } catch (InterruptedException e) {
                return;
            }
            for (Session s : expired(System.nanoTime())) {
                s.client.quit();
            }
        }
    }

    private synchronized List<Session> expired(long now) {
        List<Session> out = new ArrayList<>();
        for (Iterator<Deque<Session>> it = idle.values().iterator(); it.hasNext();) {
            Deque<Session> sessions = it.next();
            sessions.removeIf(s -> {
                boolean old = now - s.idleSince >= idleNanos;
                if (old) {
                    out.add(s);
                }
                return old;
            });
            if (sessions.isEmpty()) {
                it.remove();
            }
        }
        return out;
    }

    /** Closes every idle session (QUIT) and keeps none from now on. */
    @Override
    public void close() {
        open = false;
        reaper.interrupt();
        List<Session> all = new ArrayList<>();
        synchronized (this) {
            idle.values().forEach(all::addAll);
            idle.clear();
        }
        all.forEach(s -> s.client.quit());
    }
}
