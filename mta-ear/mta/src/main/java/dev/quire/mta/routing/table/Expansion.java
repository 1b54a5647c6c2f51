package dev.quire.mta.routing.table;

import java.util.List;

/**
 * What {@link AliasResolver} makes of one address.
 *
 * @param targets the final targets in expansion order, without duplicates (addresses compared
 *            case-insensitively); never empty: an address without alias is its own single target, and an
 *            expansion that ends in nothing is a single {@link AliasTarget.Fail}
 * @param aliased whether the original address was rewritten at all, by an alias domain or an alias entry; when
 *            false, {@code targets} is just the original address and the router classifies it itself
 */
public record Expansion(List<AliasTarget> targets, boolean aliased) {
    public Expansion {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("an expansion has at least one target");
        }
    }
}
