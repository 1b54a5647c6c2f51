package dev.quire.mta.routing.table;

import static dev.quire.mta.routing.table.Fixtures.to;
import static dev.quire.mta.routing.table.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AliasFilesTest {
    @TempDir
    Path config;

    private AliasFiles aliases() {
        return new AliasFiles(config, Duration.ZERO);
    }

    private Path aliasFile(String domain, String... lines) {
        return write(config.resolve("aliases").resolve(domain), lines);
    }

    private List<AliasTarget> targets(String mailbox) {
        return aliases().lookup(mailbox).orElseThrow(() -> new AssertionError("no alias " + mailbox));
    }

    @Test
    void aDomainWithoutAFileIsRememberedForTheCheckInterval() {
        AliasFiles hourly = new AliasFiles(config, Duration.ofHours(1));
        AliasFiles always = aliases();
        assertEquals(Optional.empty(), hourly.lookup("jdoe@late.example"));
        assertEquals(Optional.empty(), always.lookup("jdoe@late.example"));
        aliasFile("late.example", "jdoe: jdoe@staffmail.example");
        assertEquals(Optional.empty(), hourly.lookup("jdoe@late.example"), "not looked for again within the hour");
        assertEquals(Optional.of(List.of(to("jdoe@staffmail.example"))), always.lookup("jdoe@late.example"),
                "looked for again once the interval has passed");
    }

    @Test
    void addressTarget() {
        aliasFile("inf.example.ac.uk", "jdoe: jdoe@staffmail.example");
        assertEquals(List.of(to("jdoe@staffmail.example")), targets("jdoe@inf.example.ac.uk"));
    }

    @Test
    void unqualifiedTargetIsQualifiedToTheFilesDomain() {
        aliasFile("example.org", "help: rt, \"ops\"");
        assertEquals(List.of(to("rt@example.org"), to("ops@example.org")), targets("help@example.org"));
    }

    @Test
    void failTargetKeepsItsTextAndCommas() {
        aliasFile("example.org", "old: :fail: Gone, write to new@example.org instead");
        AliasTarget.Fail fail = (AliasTarget.Fail) targets("old@example.org").get(0);
        assertEquals("Gone, write to new@example.org instead", fail.text());
        assertEquals("550 5.1.1 Gone, write to new@example.org instead", fail.reply());
    }

    @Test
    void deferTarget() {
        aliasFile("example.org", "busy: :defer: Moving servers", "later: :defer:");
        AliasTarget.Defer defer = (AliasTarget.Defer) targets("busy@example.org").get(0);
        assertEquals("451 4.3.0 Moving servers", defer.reply());
        assertTrue(targets("later@example.org").get(0) instanceof AliasTarget.Defer);
    }

    @Test
    void blackholeTarget() {
        aliasFile("example.org", "noreply: :blackhole:");
        assertEquals(List.of(new AliasTarget.Blackhole()), targets("noreply@example.org"));
    }

    @Test
    void pipeTargetsPlainAndQuoted() {
        aliasFile("example.org", "a: |/usr/bin/x -a", "b: \"|/usr/bin/y --flag a,b\"", "c: | /usr/bin/z \"one, two\"");
        assertEquals(List.of(new AliasTarget.Pipe("/usr/bin/x -a")), targets("a@example.org"));
        assertEquals(List.of(new AliasTarget.Pipe("/usr/bin/y --flag a,b")), targets("b@example.org"));
        assertEquals(List.of(new AliasTarget.Pipe("/usr/bin/z \"one, two\"")), targets("c@example.org"));
    }

    @Test
    void fileAppendTarget() {
        aliasFile("example.org", "archive: /var/mail/archive.mbox, \"/var/mail/with space\"");
        assertEquals(List.of(new AliasTarget.FileAppend(Path.of("/var/mail/archive.mbox")),
                new AliasTarget.FileAppend(Path.of("/var/mail/with space"))), targets("archive@example.org"));
    }

    @Test
    void continuationLinesCommentsAndBlankLines() {
        aliasFile("example.org",
                "# staff",
                "staff: a@example.net,",
                "    b@example.net,",
                "",
                "# a comment inside the entry does not end it",
                "\tc@example.net",
                "solo: d@example.net");
        assertEquals(List.of(to("a@example.net"), to("b@example.net"), to("c@example.net")),
                targets("staff@example.org"));
        assertEquals(List.of(to("d@example.net")), targets("solo@example.org"));
    }

    @Test
    void quotedNamesAndQuotedLocalParts() {
        aliasFile("example.org", "\"john smith\": \"john smith\"@example.net, \"jane doe\"");
        assertEquals(List.of(to("\"john smith\"@example.net"), to("\"jane doe\"@example.org")),
                targets("\"john smith\"@example.org"));
    }

    @Test
    void namesCompareCaseInsensitively() {
        aliasFile("example.org", "PostMaster: root@example.net");
        assertEquals(List.of(to("root@example.net")), targets("POSTMASTER@Example.ORG"));
        assertEquals(List.of(to("root@example.net")), targets("postmaster@example.org"));
    }

    @Test
    void includeRelativeToTheAliasDirectoryAndAbsolute() {
        write(config.resolve("aliases/include/team"), "# the team", "ann, bob@example.net", "", "carl@example.net");
        Path absolute = write(config.resolve("elsewhere/ops"), "ops1@example.net");
        aliasFile("example.org", "team: :include:include/team, lead@example.net", "ops: :include:" + absolute);
        assertEquals(
                List.of(to("ann@example.org"), to("bob@example.net"), to("carl@example.net"), to("lead@example.net")),
                targets("team@example.org"));
        assertEquals(List.of(to("ops1@example.net")), targets("ops@example.org"));
    }

    @Test
    void missingIncludeDefersTheAliasNeverFails() {
        aliasFile("example.org", "team: lead@example.net, :include:include/nobody-wrote-this");
        try (Fixtures.Warnings warnings = new Fixtures.Warnings(AliasFiles.class)) {
            assertEquals(List.of(new AliasTarget.Defer(AliasFiles.INCLUDE_PROBLEM_TEXT)), targets("team@example.org"));
            assertTrue(warnings.messages().get(0).contains("nobody-wrote-this"), warnings.messages().toString());
        }
    }

    @Test
    void includeLoopDefers() {
        write(config.resolve("aliases/include/a"), ":include:include/b");
        write(config.resolve("aliases/include/b"), "x@example.net, :include:include/a");
        aliasFile("example.org", "team: :include:include/a");
        assertEquals(List.of(new AliasTarget.Defer(AliasFiles.INCLUDE_PROBLEM_TEXT)), targets("team@example.org"));
    }

    @Test
    void editedIncludeFileIsPickedUp() {
        Path include = write(config.resolve("aliases/include/team"), "ann");
        aliasFile("example.org", "team: :include:include/team");
        AliasFiles aliases = aliases();
        assertEquals(List.of(to("ann@example.org")), aliases.lookup("team@example.org").orElseThrow());
        write(include, "ann", "bea");
        assertEquals(List.of(to("ann@example.org"), to("bea@example.org")),
                aliases.lookup("team@example.org").orElseThrow());
    }

    @Test
    void missingFileOrUnknownNameIsNoAlias() {
        aliasFile("example.org", "a: b@example.net");
        AliasFiles aliases = aliases();
        assertEquals(Optional.empty(), aliases.lookup("b@example.org"));
        assertEquals(Optional.empty(), aliases.lookup("a@example.com"));
        assertEquals(Optional.empty(), aliases.lookup("a@[192.0.2.1]"));
    }

    @Test
    void domainsThatAreNotFileNamesNeverReachTheFileSystem() {
        write(config.resolve("secret"), "a: stolen@example.net");
        aliasFile("example.org", "a: b@example.net");
        AliasFiles aliases = aliases();
        assertEquals(Optional.empty(), aliases.lookup("a@../secret"));
        assertEquals(Optional.empty(), aliases.lookup("a@example.org/../../secret"));
        assertEquals(Optional.empty(), aliases.lookup("a@"));
        assertEquals(Optional.empty(), aliases.lookup("@example.org"));
    }

    @Test
    void aFileThatDoesNotParseIsAnEmptyTableUntilFixed() {
        Path file = aliasFile("example.org", "a: b@example.net", "this line has no colon");
        try (Fixtures.Warnings warnings = new Fixtures.Warnings(WatchedFile.class)) {
            AliasFiles aliases = aliases();
            assertEquals(Optional.empty(), aliases.lookup("a@example.org"));
            assertTrue(warnings.messages().get(0).contains(file + ":2: "), warnings.messages().toString());
            write(file, "a: b@example.net");
            assertEquals(List.of(to("b@example.net")), aliases.lookup("a@example.org").orElseThrow());
        }
    }

    @Test
    void syntaxErrorsNameTheirLine() {
        String[][] broken = {
                {"ok: x@example.net", "  , continued@example.net", "bad: x@@example.net"},
                {"  starts with a continuation"},
                {"a: \"unterminated"},
                {"a: x@example.net", "A: y@example.net"},
                {"a:"},
                {"a: x@example.net, :fail: not alone"},
                {"a: :frobnicate:"},
                {"two words: x@example.net"},
                {"a: |"}};
        for (String[] lines : broken) {
            Path file = aliasFile("broken.example", lines);
            try (Fixtures.Warnings warnings = new Fixtures.Warnings(WatchedFile.class)) {
                new AliasFiles(config, Duration.ZERO).lookup("a@broken.example");
                String line = file + ":" + (lines.length == 3 ? 3 : lines.length == 2 ? 2 : 1) + ": ";
                assertEquals(1, warnings.messages().size(), String.join("|", lines));
                assertTrue(warnings.messages().get(0).startsWith(line), warnings.messages().get(0));
            }
        }
    }
}
