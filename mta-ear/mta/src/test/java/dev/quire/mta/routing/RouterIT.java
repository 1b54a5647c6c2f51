package dev.quire.mta.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.quire.db.TestDatabase;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;
import dev.quire.mta.config.MtaSettings;

/**
 * The router and {@code verify} inside the deployed mta.war on Payara Micro, reading the demo's domains,
 * mailboxes and lists from MariaDB through JPA and the text tables from the config directory (written by
 * the test, scenario-style). The container's database, ports and data directory come from the environment
 * the failsafe plugin sets (QUIRE_DB_URL names {@code quire_it_mta}).
 */
@ExtendWith(ArquillianExtension.class)
class RouterIT {
    @Deployment
    static WebArchive deployment() throws Exception {
        TestDatabase.named("quire_it_mta").withDemoData();
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/mta.war"))
                .addClasses(RouterIT.class, TestDatabase.class, RcptProbe.class);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        TestDatabase.drop("quire_it_mta");
    }

    @Inject
    Router router;

    @Inject
    Verifier verifier;

    @Inject
    MtaSettings settings;

    @BeforeEach
    void writeTables() throws Exception {
        Path config = settings.configDir();
        Files.createDirectories(config.resolve("aliases"));
        Files.writeString(config.resolve("aliases/example.test"), String.join("\n",
                "# scenario 1: forwarding to the staff mail service, a local ticket queue, a team",
                "jdoe: jdoe@staffmail.example",
                "rt: \"|/usr/bin/rt-mailgate --queue general\"",
                "team: alice, bob,",
                "  carol@remote.test",
                "root: root, alice",
                "# scenario 3: special targets",
                "info: :fail: This address is no longer in use",
                "busy: :defer: Mailbox being migrated",
                "spam: :blackhole:",
                "archive: /var/tmp/quire-archive.mbox",
                ""));
        Files.writeString(config.resolve("transport"), "staffmail.example  [smtp.staffmail.example]:25\n");
        Files.writeString(config.resolve("legacy-lists"), "legacy.test  lists.example.test\n");
        Files.writeString(config.resolve("relay-domains"), "relayed.test\n");
        Files.writeString(config.resolve("alias-domains"), "alias.test  example.test\n");
    }

    private List<Route> routes(String address) throws RoutingUnavailableException {
        return router.routes(EmailAddress.parse(address));
    }

    private static Route.Deliver deliver(String original, String address, AddressClass cls) {
        return new Route.Deliver(EmailAddress.parse(original), EmailAddress.parse(address), cls);
    }

    @Test
    void localMailboxesAndListsResolveFromTheDatabaseWithoutRegardToCase() throws Exception {
        assertEquals(List.of(deliver("alice@example.test", "alice@example.test", AddressClass.LOCAL)),
                routes("alice@example.test"));
        assertEquals(AddressClass.LOCAL, router.classify(EmailAddress.parse("Bob@EXAMPLE.test")));
        for (String a : new String[]{"demo@lists.example.test", "demo-bounces+carol=remote.test@lists.example.test",
                "demo-owner@lists.example.test", "demo-confirm+abc@lists.example.test"}) {
            assertEquals(List.of(deliver(a, a, AddressClass.LIST)), routes(a), a);
        }
    }

    @Test
    void aliasesExpandToTheirFinalRoutes() throws Exception {
        assertEquals(List.of(deliver("jdoe@example.test", "jdoe@staffmail.example", AddressClass.REMOTE)),
                routes("jdoe@example.test"));
        assertEquals(List.of(deliver("team@example.test", "alice@example.test", AddressClass.LOCAL),
                deliver("team@example.test", "bob@example.test", AddressClass.LOCAL),
                deliver("team@example.test", "carol@remote.test", AddressClass.REMOTE)), routes("team@example.test"));
        assertEquals(List.of(new Route.Pipe(EmailAddress.parse("rt@example.test"),
                "|/usr/bin/rt-mailgate --queue general".substring(1))), routes("rt@example.test"));
        assertEquals(List.of(new Route.Discard(EmailAddress.parse("spam@example.test"))), routes("spam@example.test"));
        assertEquals(List.of(new Route.FileAppend(EmailAddress.parse("archive@example.test"),
                "/var/tmp/quire-archive.mbox")), routes("archive@example.test"));
        assertEquals(List.of(deliver("alice+lists@example.test", "alice@example.test", AddressClass.LOCAL)),
                routes("alice+lists@example.test"), "plus addressing reaches the mailbox");
    }

    @Test
    void failAndDeferCarryTheirText() throws Exception {
        assertEquals(List.of(new Route.Refuse(EmailAddress.parse("info@example.test"),
                new Reply(550, "5.1.1", "<info@example.test>: This address is no longer in use"))),
                routes("info@example.test"));
        assertEquals(List.of(new Route.Defer(EmailAddress.parse("busy@example.test"),
                new Reply(451, "4.3.0", "<busy@example.test>: Mailbox being migrated"))), routes("busy@example.test"));
    }

    @Test
    void unknownNamesInServedDomainsAreRefusedWhateverTheTrick() throws Exception {
        for (String a : new String[]{"nobody@example.test", "nobody@lists.example.test",
                "victim%elsewhere.test@example.test", "elsewhere.test!victim@example.test",
                "\"alice@elsewhere.test\"@example.test", "demo-nonsense@lists.example.test", "nobody@legacy.test"}) {
            List<Route> r = routes(a);
            assertEquals(1, r.size(), a);
            assertTrue(r.get(0) instanceof Route.Refuse refuse && refuse.reply().code() == 550, a + ": " + r);
        }
    }

    @Test
    void legacyListAddressesAndAliasDomainsAreRewritten() throws Exception {
        assertEquals(List.of(deliver("demo-bounces+x=y@legacy.test", "demo-bounces+x=y@lists.example.test",
                AddressClass.LIST)), routes("demo-bounces+x=y@legacy.test"));
        assertEquals(List.of(deliver("bob@alias.test", "bob@example.test", AddressClass.LOCAL)),
                routes("bob@alias.test"));
    }

    @Test
    void servedRelayedAndForeignDomains() throws Exception {
        assertTrue(router.servesDomain("example.test"));
        assertTrue(router.servesDomain("legacy.test"));
        assertTrue(router.servesDomain("alias.test"));
        assertFalse(router.servesDomain("relayed.test"));
        assertTrue(router.isRelayDomain("relayed.test"));
        assertFalse(router.servesDomain("remote.test"));
        assertEquals(List.of(deliver("carol@remote.test", "carol@remote.test", AddressClass.REMOTE)),
                routes("carol@remote.test"));
    }

    @Test
    void postmasterOfAnyServedDomainIsTheLocalPostmaster() throws Exception {
        assertEquals(List.of(deliver("postmaster@example.test", "postmaster@mx.quire.test", AddressClass.LOCAL)),
                routes("postmaster@example.test"));
        assertEquals(List.of(deliver("postmaster@remote.test", "postmaster@remote.test", AddressClass.REMOTE)),
                routes("postmaster@remote.test"));
    }

    @Test
    void aliasesAndRelayDomainsHeldInTheDatabaseCountToo() throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:mariadb://" + TestDatabase.host() + ":"
                + TestDatabase.port() + "/quire_it_mta", TestDatabase.user(), TestDatabase.password());
                java.sql.Statement s = c.createStatement()) {
            s.execute(
                    "INSERT INTO alias (domain_id, local_part, targets) SELECT id, 'helpdesk', 'bob, carol@remote.test'"
                            + " FROM domain WHERE name = 'example.test'");
            s.execute("INSERT INTO alias (domain_id, local_part, targets) SELECT id, 'team', 'carol@remote.test'"
                    + " FROM domain WHERE name = 'example.test'");
            s.execute("INSERT INTO relay_domain (name) VALUES ('dbrelayed.test')");
        }
        assertEquals(List.of(deliver("helpdesk@example.test", "bob@example.test", AddressClass.LOCAL),
                deliver("helpdesk@example.test", "carol@remote.test", AddressClass.REMOTE)),
                routes("helpdesk@example.test"));
        assertEquals(3, routes("team@example.test").size(), "the alias file wins over the database for the same name");
        assertTrue(router.isRelayDomain("dbrelayed.test"));
        assertFalse(router.isRelayDomain("elsewhere.test"));
    }

    @Test
    void verifyAnswersLikeSendmailBv() {
        assertEquals(List.of("alice... deliverable: mailer local, user alice"), lines("alice"));
        assertEquals(List.of("jdoe... deliverable: mailer esmtp, host [smtp.staffmail.example], user "
                + "jdoe@staffmail.example"), lines("jdoe"));
        assertEquals(List.of("demo@legacy.test... deliverable: mailer list, list demo@lists.example.test"),
                lines("demo@legacy.test"));
        assertEquals(List.of("rt... deliverable: mailer prog, user \"|/usr/bin/rt-mailgate --queue general\""),
                lines("rt"));
        assertEquals(List.of("nobody@legacy.test... No such user"), lines("nobody@legacy.test"));
        assertEquals(List.of("info... This address is no longer in use"), lines("info"));
        assertEquals(List.of("busy... Deferred: Mailbox being migrated"), lines("busy"));
        assertFalse(verifier.verify("nobody").get(0).deliverable());
        assertTrue(lines("a b").get(0).startsWith("a b... Syntax error: "), lines("a b").toString());
    }

    @Inject
    dev.quire.mta.enumerate.AddressEnumerator enumerator;

    @Test
    void everyEnumeratedAddressIsAcceptedAtRcptAndAddressesLeftOutAreRefused() throws Exception {
        java.util.TreeSet<String> all = enumerator.enumerate(null);
        for (String expected : new String[]{"alice@example.test", "jdoe@example.test", "rt@example.test",
                "team@example.test", "postmaster@example.test", "bob@alias.test", "demo@lists.example.test",
                "demo-bounces@lists.example.test", "demo-unsubscribe@lists.example.test", "demo-confirm@legacy.test",
                "demo-bounces@legacy.test", "postmaster@mx.quire.test"}) {
            assertTrue(all.contains(expected), expected + " missing from " + all);
        }
        // the router refuses -admin even in a legacy domain (list engine has no -admin address), so the file does too
        for (String leftOut : new String[]{"info@example.test", "nobody@example.test", "carol@remote.test",
                "demo-admin@legacy.test"}) {
            assertFalse(all.contains(leftOut), leftOut);
        }
        assertEquals(all.stream().filter(a -> a.endsWith("@legacy.test")).toList(),
                List.copyOf(enumerator.enumerate("legacy.test")), "one domain's file is that domain's lines");
        int port = Integer.parseInt(System.getenv("QUIRE_SMTP_PORT"));
        try (RcptProbe smtp = new RcptProbe(port)) {
            for (String address : all) {
                String reply = smtp.rcpt(address);
                boolean deferredAlias = reply.startsWith("451 4.3.0 <" + address + ">: Mailbox being migrated");
                assertTrue(reply.startsWith("250") || deferredAlias, address + " listed but RCPT says " + reply);
            }
            for (String invalid : new String[]{"nobody@example.test", "info@example.test", "nobody@lists.example.test",
                    "demo-nonsense@lists.example.test", "nobody@legacy.test", "nobody@alias.test",
                    "demo-owner-x@lists.example.test"}) {
                assertFalse(all.contains(invalid), invalid);
                assertTrue(smtp.rcpt(invalid).startsWith("550"), invalid + " is not listed and must be refused");
            }
        }
    }

    private List<String> lines(String address) {
        return verifier.verify(address).stream().map(Verifier.Line::line).toList();
    }
}
