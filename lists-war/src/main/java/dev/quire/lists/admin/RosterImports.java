package dev.quire.lists.admin;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.MemberRole;
import dev.quire.db.list.OwnerToolsRepository;
import dev.quire.db.list.RosterImport;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.ListRights;
import dev.quire.lists.security.ListRights.ManagedList;
import dev.quire.lists.security.ListRole;

/**
 * CSV imports of a list's members: a file becomes a preview of what will change (stored, so any node can
 * show it and apply it), the owner confirms, and a background job applies it in batches while the
 * progress page shows how far it got. Owners and site admins only.
 */
@ApplicationScoped
public class RosterImports {
    /** The largest file accepted, in characters. */
    public static final int MAX_CHARS = 8_000_000;
    private static final Logger LOG = Logger.getLogger(RosterImports.class.getName());

    @Inject
    ListRights rights;

    @Inject
    OwnerToolsRepository tools;

    @Inject
    RosterImportBatches batches;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** Reads a file and stores what it would change; nothing changes until {@link #confirm}. */
    @Transactional
    public RosterImport preview(Account caller, String list, String text, RosterCsv.Layout layout,
            RosterImport.Mode mode, boolean invite, boolean welcome) {
        ManagedList managed = rights.require(caller, list, ListRole.OWNER);
        if (text == null || text.isBlank()) {
            throw Refused.invalid("file", "The file is empty.");
        }
        if (text.length() > MAX_CHARS) {
            throw Refused.invalid("file", "The file is larger than " + MAX_CHARS / 1_000_000 + " MB.");
        }
        RosterCsv.Parsed parsed = RosterCsv.read(text, layout);
        List<String> roster = tools.addresses(managed.list(), MemberRole.MEMBER);
        Set<String> current = roster.stream().map(a -> a.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(HashSet::new));
        StringBuilder add = new StringBuilder();
        int adds = 0;
        int already = 0;
        Set<String> inFile = new HashSet<>();
        for (NewMember m : parsed.entries()) {
            String key = m.address().toString().toLowerCase(Locale.ROOT);
            inFile.add(key);
            if (current.contains(key)) {
                already++;
            } else {
                add.append(m.address()).append('\t').append(m.name() == null ? "" : m.name()).append('\n');
                adds++;
            }
        }
        StringBuilder remove = new StringBuilder();
        int removes = 0;
        if (mode == RosterImport.Mode.REPLACE) {
            if (parsed.entries().isEmpty()) {
                throw Refused.invalid("file", "The file names no valid address; replacing the roster with it would"
                        + " remove every member, so nothing was done.");
            }
            for (String a : roster) {
                if (!inFile.contains(a.toLowerCase(Locale.ROOT))) {
                    remove.append(a).append('\n');
                    removes++;
                }
            }
        }
        String invalid = parsed.invalid().stream().limit(10_000)
                .map(l -> l.line() + "\t" + l.reason().replace('\t', ' ') + "\t" + l.text().replace('\t', ' '))
                .collect(Collectors.joining("\n"));
        RosterImport i = new RosterImport(managed.list(), caller.username(), mode, invite, welcome, add.toString(),
                adds, remove.toString(), removes, already, invalid, parsed.invalid().size());
        tools.addImport(i);
        return i;
    }

    /** An import of the list, for its preview or progress page. */
    @Transactional
    public RosterImport get(Account caller, String list, long id) {
        ManagedList managed = rights.require(caller, list, ListRole.OWNER);
        return tools.rosterImport(managed.list(), id)
                .orElseThrow(() -> Refused.notFound("There is no import #" + id + " of " + list + "."));
    }

    /**
     * Starts applying a previewed import; a second confirmation changes nothing, unless the import stalled (no
     * progress for {@link RosterImportBatches#STALLED}: the node running it stopped), which it takes up again.
     */
    public RosterImport confirm(Account caller, String list, long id) {
        RosterImportBatches.Started started = batches.start(caller, list, id);
        if (started.run()) {
            executor.submit(() -> run(id, caller.username()));
        }
        return started.rosterImport();
    }

    /** True when a running import has not moved for {@link RosterImportBatches#STALLED}: its owner may resume it. */
    public static boolean stalled(RosterImport i) {
        return i.stalledSince(Instant.now().minus(RosterImportBatches.STALLED));
    }

    private void run(long id, String actor) {
        try {
            batches.apply(id, actor);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "import #" + id + " failed", e);
            batches.fail(id, "The import stopped after an error; the changes made before it are kept. "
                    + "The server log has the details.", Instant.now());
        }
    }

    /** The invalid lines stored with an import, parsed back. */
    public static List<RosterCsv.InvalidLine> invalidLines(RosterImport i) {
        return i.invalid().lines().filter(l -> !l.isEmpty()).map(l -> l.split("\t", 3))
                .map(p -> new RosterCsv.InvalidLine(Integer.parseInt(p[0]), p.length > 1 ? p[1] : "",
                        p.length > 2 ? p[2] : ""))
                .toList();
    }
}
