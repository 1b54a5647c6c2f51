package dev.quire.mta.routing.table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;

/**
 * The per-domain alias files {@code <config>/aliases/<domain>} (file name = lower-case domain), in aliases(5)
 * syntax. The key of a lookup is a mailbox {@code local@domain} (as {@link EmailAddress#mailbox()} writes it; a
 * quoted local part is unquoted); the value is the alias's targets with unqualified names qualified to the file's
 * domain and {@code :include:} files expanded. An alias whose include file is missing or unusable yields a single
 * {@link AliasTarget.Defer}: a temporary failure, never a permanent one.
 */
public final class AliasFiles implements LookupTable<List<AliasTarget>> {
    /** The directory under the configuration directory that holds one alias file per domain. */
    public static final String DIRECTORY = "aliases";
    static final String INCLUDE_PROBLEM_TEXT = "Alias temporarily unavailable, try again later";
    private static final int MAX_INCLUDE_DEPTH = 8;
    private static final Logger LOG = Logger.getLogger(AliasFiles.class.getName());

    private record IncludeContent(List<AliasSyntax.Raw> targets, boolean usable) {
    }

    private static final class IncludeProblem extends Exception {
        private static final long serialVersionUID = 1L;

        IncludeProblem(String message) {
            super(message, null, false, false);
        }
    }

    private final Path directory;
    private final Duration checkInterval;
    private final ConcurrentMap<String, WatchedFile<Map<String, List<AliasSyntax.Raw>>>> files = new ConcurrentHashMap<>();
    private final ConcurrentMap<Path, WatchedFile<IncludeContent>> includes = new ConcurrentHashMap<>();
    /**
     * Domains found without an alias file, until when (System.nanoTime) that answer stands: every remote recipient's
     * domain is looked up, and a file system lookup per address was four failing stat calls per relayed message.
     */
    private final ConcurrentMap<String, Long> missing = new ConcurrentHashMap<>();
    private static final int MISSING_LIMIT = 10_000;

    /** Alias files under {@code <configDirectory>/aliases}, checked for changes at most once a second. */
    public AliasFiles(Path configDirectory) {
        this(configDirectory, RoutingTables.DEFAULT_CHECK_INTERVAL);
    }

    /** Alias files under {@code <configDirectory>/aliases}, checked for changes at most once per interval. */
    public AliasFiles(Path configDirectory, Duration checkInterval) {
        this.directory = configDirectory.resolve(DIRECTORY).toAbsolutePath().normalize();
        this.checkInterval = checkInterval;
    }

    @Override
    public Optional<List<AliasTarget>> lookup(String key) {
        int at = key.lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        String domain = TableLines.domainOrNull(key.substring(at + 1));
        if (domain == null) {
            return Optional.empty();
        }
        WatchedFile<Map<String, List<AliasSyntax.Raw>>> file = file(domain);
        if (file == null) {
            return Optional.empty();
        }
        String name = AliasSyntax.key(AliasSyntax.unquote(key.substring(0, at)));
        List<AliasSyntax.Raw> raw = file.get().get(name);
        if (raw == null) {
            return Optional.empty();
        }
        List<AliasTarget> targets = new ArrayList<>();
        try {
            expand(raw, domain, targets, new HashSet<>(), 0);
        } catch (IncludeProblem e) {
            LOG.log(Level.WARNING, file.path() + ": alias " + TableLines.printable(name) + ": " + e.getMessage()
                    + "; deferring its mail");
            return Optional.of(List.of(new AliasTarget.Defer(INCLUDE_PROBLEM_TEXT)));
        }
        return Optional.of(List.copyOf(targets));
    }

    /** True when the domain has an alias file: such a domain is served, and its unknown names are refused. */
    public boolean hasFile(String domain) {
        String d = TableLines.domainOrNull(domain);
        return d != null && file(d) != null;
    }

    /**
     * Parses targets written in alias-file syntax that come from elsewhere (the database's alias table),
     * qualified and expanded exactly as in a file of that domain.
     *
     * @throws TableSyntaxException when the text is not valid alias syntax
     */
    public List<AliasTarget> parseTargets(String targets, String domain) throws TableSyntaxException {
        Map<String, List<AliasSyntax.Raw>> parsed = AliasSyntax.parseAliasFile(List.of("x: " + targets), directory);
        List<AliasTarget> out = new ArrayList<>();
        try {
            expand(parsed.get("x"), domain, out, new HashSet<>(), 0);
        } catch (IncludeProblem e) {
            return List.of(new AliasTarget.Defer(INCLUDE_PROBLEM_TEXT));
        }
        return List.copyOf(out);
    }

    /**
     * The watched file of a domain, or null when the domain has no alias file (remembered for the check interval, as
     * a change to an existing file is).
     */
    private WatchedFile<Map<String, List<AliasSyntax.Raw>>> file(String domain) {
        WatchedFile<Map<String, List<AliasSyntax.Raw>>> file = files.get(domain);
        if (file != null) {
            return file;
        }
        Long until = missing.get(domain);
        if (until != null && System.nanoTime() - until < 0) {
            return null;
        }
        Path path = directory.resolve(domain);
        if (!Files.isRegularFile(path)) {
            if (missing.size() >= MISSING_LIMIT) {
                missing.clear(); // a fan-out to many domains: start over rather than grow
            }
            missing.put(domain, System.nanoTime() + checkInterval.toNanos());
            return null;
        }
        missing.remove(domain);
        return files.computeIfAbsent(domain, d -> new WatchedFile<>(path, checkInterval,
                lines -> AliasSyntax.parseAliasFile(lines, directory), Map.of()));
    }

    private void expand(List<AliasSyntax.Raw> raw, String domain, List<AliasTarget> out, Set<Path> including,
            int depth) throws IncludeProblem {
        for (AliasSyntax.Raw target : raw) {
            if (target instanceof AliasSyntax.Complete complete) {
                out.add(complete.target());
            } else if (target instanceof AliasSyntax.Unqualified unqualified) {
                try {
                    out.add(new AliasTarget.Address(EmailAddress.of(unqualified.localPart(), domain)));
                } catch (InvalidAddressException e) {
                    throw new IncludeProblem(
                            "target " + unqualified.localPart() + "@" + domain + ": " + e.getMessage());
                }
            } else if (target instanceof AliasSyntax.Include include) {
                if (depth >= MAX_INCLUDE_DEPTH) {
                    throw new IncludeProblem("includes nested deeper than " + MAX_INCLUDE_DEPTH);
                }
                if (!including.add(include.path())) {
                    throw new IncludeProblem("include loop through " + include.path());
                }
                IncludeContent content = includeFile(include.path()).get();
                if (!content.usable()) {
                    throw new IncludeProblem("include file " + include.path() + " is missing or does not parse");
                }
                expand(content.targets(), domain, out, including, depth + 1);
                including.remove(include.path());
            }
        }
    }

    private WatchedFile<IncludeContent> includeFile(Path path) {
        return includes.computeIfAbsent(path, p -> new WatchedFile<>(p, checkInterval,
                lines -> new IncludeContent(AliasSyntax.parseIncludeFile(lines, directory), true),
                new IncludeContent(List.of(), false)));
    }

    /** The domains that have an alias file, for enumerating every served address. */
    public Set<String> domains() {
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(p -> TableLines.domainOrNull(p.getFileName().toString()))
                    .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        } catch (java.io.IOException e) {
            return Set.of();
        }
    }

    /** The alias names (local parts) in a domain's file, for enumerating every served address. */
    public Set<String> names(String domain) {
        String d = TableLines.domainOrNull(domain);
        WatchedFile<Map<String, List<AliasSyntax.Raw>>> file = d == null ? null : file(d);
        return file == null ? Set.of() : Set.copyOf(file.get().keySet());
    }
}
