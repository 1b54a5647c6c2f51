package dev.quire.mta.routing.table;

import java.util.Optional;

/**
 * The one interface behind every map type, as Postfix's {@code dict} is: a file table today, a database table
 * tomorrow. Keys compare case-insensitively; what a key is (a domain, a mailbox, an IP address) is documented by
 * each table.
 *
 * @param <V> the value a key maps to
 */
@FunctionalInterface
public interface LookupTable<V> {

    /** The value for {@code key}, or empty when the table has no entry for it (or the key is malformed). */
    Optional<V> lookup(String key);
}
