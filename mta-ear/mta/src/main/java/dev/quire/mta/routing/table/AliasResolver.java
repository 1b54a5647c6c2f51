package dev.quire.mta.routing.table;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;

/**
 * Expands an address through alias domains and alias tables to its final targets, as James' recipient rewriting
 * does. For each address: an alias domain rewrites it to the target domain, and the result is expanded in turn;
 * otherwise the alias table is asked for the full local part, then for the local part with its {@code +detail}
 * removed ({@code user+tag} -> {@code user}; the detail is not carried over to the targets). An address with no
 * alias is final: the router decides whether it is a mailbox, a list or remote. Special targets are final.
 * <p>
 * Limits: an address already on the path being expanded is a loop and that branch ends (when nothing else is
 * left, the expansion is {@code :fail: alias loop}); nesting deeper than {@code maxDepth} or more than
 * {@code maxTargets} final targets fails the whole expansion. A target equal to the alias being expanded
 * ({@code root: root, admin@x}) is sendmail's self-reference and means "deliver to this address itself": it is
 * final, not a loop. Addresses compare case-insensitively throughout.
 */
public final class AliasResolver {
    /** Default nesting limit, as sendmail's MAXRCRSN-style alias depth. */
    public static final int DEFAULT_MAX_DEPTH = 20;
    /** Default limit on the number of final targets of one address. */
    public static final int DEFAULT_MAX_TARGETS = 10_000;
    /** Default recipient delimiter. */
    public static final String DEFAULT_DELIMITER = "+";
    static final String LOOP_TEXT = "alias loop";
    static final String EMPTY_TEXT = "alias expands to no recipients";

    private final LookupTable<List<AliasTarget>> aliases;
    private final LookupTable<String> aliasDomains;
    private final String delimiter;
    private final int maxDepth;
    private final int maxTargets;

    /** A resolver with the {@code +} delimiter and the default limits. */
    public AliasResolver(LookupTable<List<AliasTarget>> aliases, LookupTable<String> aliasDomains) {
        this(aliases, aliasDomains, DEFAULT_DELIMITER, DEFAULT_MAX_DEPTH, DEFAULT_MAX_TARGETS);
    }

    /**
     * @param aliases keyed by mailbox ({@code local@domain}), as {@link AliasFiles}
     * @param aliasDomains keyed by domain, as {@link AliasDomains}
     * @param delimiter the characters any of which starts a {@code +detail} (Postfix {@code recipient_delimiter});
     *            empty to switch plus addressing off
     */
    public AliasResolver(LookupTable<List<AliasTarget>> aliases, LookupTable<String> aliasDomains, String delimiter,
            int maxDepth, int maxTargets) {
        this.aliases = Objects.requireNonNull(aliases, "aliases");
        this.aliasDomains = Objects.requireNonNull(aliasDomains, "aliasDomains");
        this.delimiter = Objects.requireNonNull(delimiter, "delimiter");
        if (maxDepth < 1 || maxTargets < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxDepth = maxDepth;
        this.maxTargets = maxTargets;
    }

    /** Expands one address to its final targets. */
    public Expansion expand(EmailAddress address) {
        Walk walk = new Walk();
        try {
            walk.visit(address, 0);
        } catch (LimitExceeded e) {
            return new Expansion(List.of(new AliasTarget.Fail(e.getMessage())), true);
        }
        if (walk.finals.isEmpty()) {
            return new Expansion(List.of(new AliasTarget.Fail(walk.loop ? LOOP_TEXT : EMPTY_TEXT)), true);
        }
        return new Expansion(List.copyOf(walk.finals.values()), walk.rewritten);
    }

    private static String key(EmailAddress address) {
        return address.mailbox().toLowerCase(Locale.ROOT);
    }

    private static final class LimitExceeded extends Exception {
        private static final long serialVersionUID = 1L;

        LimitExceeded(String message) {
            super(message, null, false, false);
        }
    }

    /** One expansion: the path being expanded, the addresses already fully expanded, and the final targets. */
    private final class Walk {
        final Map<Object, AliasTarget> finals = new LinkedHashMap<>();
        final Set<String> path = new HashSet<>();
        final Set<String> done = new HashSet<>();
        boolean loop;
        boolean rewritten;

        void visit(EmailAddress address, int depth) throws LimitExceeded {
            if (depth > maxDepth) {
                throw new LimitExceeded("alias nesting deeper than " + maxDepth);
            }
            String key = key(address);
            Optional<String> targetDomain = aliasDomains.lookup(address.domain())
                    .filter(d -> !d.equalsIgnoreCase(address.domain()));
            if (targetDomain.isPresent()) {
                rewritten |= depth == 0;
                EmailAddress target;
                try {
                    target = EmailAddress.of(address.localPart(), targetDomain.get());
                } catch (InvalidAddressException e) {
                    addFinal(new AliasTarget.Fail("address too long for alias domain " + targetDomain.get()));
                    return;
                }
                path.add(key);
                follow(target, key, key, depth);
                path.remove(key);
                done.add(key);
                return;
            }
            String matched = key;
            Optional<List<AliasTarget>> targets = aliases.lookup(address.mailbox());
            if (targets.isEmpty()) {
                Optional<EmailAddress> base = withoutDetail(address);
                if (base.isPresent()) {
                    matched = key(base.get());
                    targets = aliases.lookup(base.get().mailbox());
                }
            }
            if (targets.isEmpty()) {
                addFinal(new AliasTarget.Address(address));
                return;
            }
            rewritten |= depth == 0;
            path.add(key);
            for (AliasTarget target : targets.get()) {
                if (target instanceof AliasTarget.Address a) {
                    follow(a.address(), key, matched, depth);
                } else {
                    addFinal(target);
                }
            }
            path.remove(key);
            done.add(key);
        }

        private void follow(EmailAddress target, String key, String matched, int depth) throws LimitExceeded {
            String targetKey = key(target);
            if (targetKey.equals(key) || targetKey.equals(matched)) {
                addFinal(new AliasTarget.Address(target));
            } else if (path.contains(targetKey)) {
                loop = true;
            } else if (!done.contains(targetKey)) {
                visit(target, depth + 1);
            }
        }

        private void addFinal(AliasTarget target) throws LimitExceeded {
            Object dedupe = target instanceof AliasTarget.Address a ? key(a.address()) : target;
            if (finals.putIfAbsent(dedupe, target) == null && finals.size() > maxTargets) {
                throw new LimitExceeded("alias expands to more than " + maxTargets + " recipients");
            }
        }
    }

    /** {@code user+tag@domain} without its detail, or empty when it has none (or is quoted). */
    private Optional<EmailAddress> withoutDetail(EmailAddress address) {
        String local = address.localPart();
        if (delimiter.isEmpty() || local.startsWith("\"")) {
            return Optional.empty();
        }
        for (int i = 1; i < local.length(); i++) {
            if (delimiter.indexOf(local.charAt(i)) >= 0) {
                try {
                    return Optional.of(EmailAddress.of(local.substring(0, i), address.domain()));
                } catch (InvalidAddressException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
