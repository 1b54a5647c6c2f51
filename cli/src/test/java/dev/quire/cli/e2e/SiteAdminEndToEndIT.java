package dev.quire.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import dev.quire.db.user.PasswordHash;
import dev.quire.db.user.SecretHash;

/**
 * The site admin's tools on the real stack ({@code quire run --demo}), one start: every site-admin REST resource
 * answers its admin and refuses the anonymous caller (401), a list owner (403) and bad input (400, nothing
 * changed), and names what does not exist (404); in headless Chromium the admin creates a list from a style, adds
 * an alias that the running MTA then accepts at RCPT and delivers, and holds then releases a queued message that
 * then reaches the smarthost.
 */
class SiteAdminEndToEndIT {
    private static final String DEMO = "demo@lists.example.test";
    private static final String BOB_PASSWORD = "bob's password";
    private static final String BOB_TOKEN = "qt_bob-site-admin-test-token-0123456789abcdef";
    private static final Pattern ADMIN_PASSWORD = Pattern.compile("Site admin: admin {2}password: (\\S+)");

    @TempDir
    Path work;

    private DemoConfig config;
    private String base;
    private String admin;
    private WebDriver browser;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Browser.installed(),
                "Debian's chromium and chromium-driver are installed by scripts/install-test-deps.sh");
        assumeTrue(SmtpSink.installed(), "Postfix's smtp-sink is installed by scripts/install-test-deps.sh");
        config = DemoConfig.write(work, "quire.routing.cache.ttl=PT2S");
        Matcher port = Pattern.compile("quire.http.port=(\\d+)").matcher(Files.readString(config.file()));
        assertTrue(port.find());
        base = "http://127.0.0.1:" + port.group(1);
        Files.writeString(config.file(), "quire.web.url=" + base + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (config != null) {
            config.close();
        }
    }

    @Test
    void siteAdminRestAndPages() throws Exception {
        Path out = work.resolve("quire-run.out");
        try (QuireProcess quire = QuireProcess.start(work, out, "--demo", "--config", config.file().toString())) {
            Matcher m = ADMIN_PASSWORD.matcher(quire.output());
            assertTrue(m.find(), "quire run --demo prints the admin's password: " + quire.output());
            admin = Files.readString(config.data().resolve("run").resolve("api-token")).strip();
            addBobAsOwnerOfTheDemoList();
            try {
                everyResourceRefusesTheAnonymousAndAListOwner();
                domains();
                lists();
                aliasesAndNetworks();
                users();
                verifyAndHealth();
                queueRefusesBadInput();
                theOpenApiDescribesEveryResource();
                browser = Browser.chromium(work);
                login("admin", m.group(1));
                createAListFromAStyle();
                anAliasAddedInThePageIsAcceptedAndDelivered();
                holdAndReleaseAQueuedMessage();
                theOtherPages();
                pagesRefuseAChangeWithoutTheCsrfToken();
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n--- what Quire logged:\n"
                        + QuireProcess.logOf(config.data()), e);
            }
        }
    }

    /** bob owns the demo list (a list owner, not a site admin) and has an API token. */
    private void addBobAsOwnerOfTheDemoList() throws Exception {
        try (Connection c = config.db().connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO member (list_id, address, role) SELECT id, 'bob@example.test', 'OWNER'"
                    + " FROM mailing_list WHERE name = 'demo'");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO site_user (username, password_hash, site_admin, email) VALUES (?, ?, FALSE, ?)")) {
                ps.setString(1, "bob");
                ps.setString(2, PasswordHash.create(BOB_PASSWORD.toCharArray()));
                ps.setString(3, "bob@example.test");
                ps.executeUpdate();
            }
            s.executeUpdate("INSERT INTO api_token (site_user_id, name, token_hash) SELECT id, 'e2e', '"
                    + SecretHash.of(BOB_TOKEN) + "' FROM site_user WHERE username = 'bob'");
        }
    }

    private void everyResourceRefusesTheAnonymousAndAListOwner() throws Exception {
        List<String[]> calls = List.of(
                new String[]{"GET", "/api/domains/lists.example.test", null},
                new String[]{"POST", "/api/domains", "{\"name\":\"x.example.org\",\"kind\":\"LIST\"}"},
                new String[]{"PATCH", "/api/domains/lists.example.test", "{\"kind\":\"LOCAL\"}"},
                new String[]{"DELETE", "/api/domains/example.test", null},
                new String[]{"GET", "/api/lists?counts=true", null},
                new String[]{"POST", "/api/lists", "{\"address\":\"x@lists.example.test\",\"style\":\"discussion\","
                        + "\"owners\":[\"bob@example.test\"]}"},
                new String[]{"GET", "/api/aliases", null},
                new String[]{"POST", "/api/aliases", "{\"address\":\"x@example.test\",\"targets\":\"bob\"}"},
                new String[]{"GET", "/api/relay-networks", null},
                new String[]{"POST", "/api/relay-networks", "{\"network\":\"0.0.0.0/0\"}"},
                new String[]{"GET", "/api/queue", null},
                new String[]{"POST", "/api/queue/delete", "{\"ids\":[\"0123456789ABCDEF\"]}"},
                new String[]{"GET", "/api/verify?address=alice", null},
                new String[]{"GET", "/api/health", null},
                new String[]{"GET", "/api/users", null},
                new String[]{"POST", "/api/users", "{\"username\":\"mallory\",\"password\":\"0123456789ab\","
                        + "\"siteAdmin\":true}"},
                new String[]{"POST", "/api/users/bob/password-reset", null});
        for (String[] call : calls) {
            HttpResponse<String> anonymous = call(call[0], call[1], call[2], null);
            assertEquals(401, anonymous.statusCode(), call[0] + " " + call[1] + ": " + anonymous.body());
            assertEquals("unauthorized", json(anonymous.body(), "error"));
            HttpResponse<String> owner = call(call[0], call[1], call[2], BOB_TOKEN);
            assertEquals(403, owner.statusCode(), call[0] + " " + call[1] + " by a list owner: " + owner.body());
            assertEquals("forbidden", json(owner.body(), "error"));
        }
        // deleting a list is list-scoped: the owner of that list 403, the list is still there
        HttpResponse<String> ownerDeletes = call("DELETE", "/api/lists/" + DEMO, null, BOB_TOKEN);
        assertEquals(403, ownerDeletes.statusCode(), ownerDeletes.body());
        assertEquals(200, call("GET", "/api/lists/" + DEMO, null, admin).statusCode());
        assertEquals(404, call("DELETE", "/api/lists/nosuch@lists.example.test", null, BOB_TOKEN).statusCode());
        // nothing the refused calls asked for exists
        assertFalse(call("GET", "/api/domains", null, admin).body().contains("x.example.org"));
        assertFalse(call("GET", "/api/users", null, admin).body().contains("mallory"));
        assertEquals("[]", call("GET", "/api/relay-networks", null, admin).body());
    }

    private void domains() throws Exception {
        HttpResponse<String> created = call("POST", "/api/domains",
                "{\"name\":\"Project.Example.org\",\"kind\":\"list\"}",
                admin);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("{\"aliases\":0,\"kind\":\"LIST\",\"lists\":0,\"mailboxes\":0,\"name\":\"project.example.org\"}",
                created.body());
        assertEquals(409, call("POST", "/api/domains", "{\"name\":\"project.example.org\",\"kind\":\"LIST\"}", admin)
                .statusCode());
        HttpResponse<String> bad = call("POST", "/api/domains", "{\"name\":\"not a domain\",\"kind\":\"MAILBOX\"}",
                admin);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("\"name\":\"must be a domain name"), bad.body());
        HttpResponse<String> unknownField = call("POST", "/api/domains", "{\"name\":\"y.example.org\",\"colour\":1}",
                admin);
        assertEquals(400, unknownField.statusCode());
        assertTrue(unknownField.body().contains("\"colour\":\"no such field"), unknownField.body());
        String all = call("GET", "/api/domains", null, admin).body();
        assertFalse(all.contains("not a domain") || all.contains("y.example.org"), "bad input created nothing: " + all);

        HttpResponse<String> changed = call("PATCH", "/api/domains/project.example.org", "{\"kind\":\"LOCAL\"}", admin);
        assertEquals(200, changed.statusCode(), changed.body());
        assertTrue(changed.body().contains("\"kind\":\"LOCAL\""), changed.body());
        assertEquals(400, call("PATCH", "/api/domains/project.example.org", "{\"kind\":\"BOTH\"}", admin).statusCode());
        assertTrue(call("GET", "/api/domains/project.example.org", null, admin).body().contains("\"kind\":\"LOCAL\""));
        assertEquals(404, call("PATCH", "/api/domains/nosuch.example.org", "{\"kind\":\"LIST\"}", admin).statusCode());

        HttpResponse<String> withLists = call("DELETE", "/api/domains/lists.example.test", null, admin);
        assertEquals(409, withLists.statusCode());
        assertEquals("The domain lists.example.test still holds 1 list: delete it first. Nothing was deleted.",
                json(withLists.body(), "message"));
        assertEquals(200, call("GET", "/api/domains/lists.example.test", null, admin).statusCode());
        assertEquals(204, call("DELETE", "/api/domains/project.example.org", null, admin).statusCode());
        assertEquals(404, call("GET", "/api/domains/project.example.org", null, admin).statusCode());
        assertEquals(404, call("DELETE", "/api/domains/project.example.org", null, admin).statusCode());
    }

    private void lists() throws Exception {
        HttpResponse<String> bad = call("POST", "/api/lists", "{\"address\":\"chat@lists.example.test\","
                + "\"style\":\"chatty\",\"owners\":[\"not an address\"]}", admin);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("\"style\":\"must be discussion, announce or private\"")
                && bad.body().contains("\"owners\":\"must be a mail address"), bad.body());
        HttpResponse<String> local = call("POST", "/api/lists", "{\"address\":\"chat@example.test\","
                + "\"style\":\"discussion\",\"owners\":[\"bob@example.test\"]}", admin);
        assertEquals(400, local.statusCode());
        assertTrue(local.body().contains("is a LOCAL domain"), local.body());
        assertEquals(404, call("GET", "/api/lists/chat@lists.example.test", null, admin).statusCode(),
                "the refused creations created nothing");
        assertEquals(409, call("POST", "/api/lists", "{\"address\":\"" + DEMO + "\",\"style\":\"discussion\","
                + "\"owners\":[\"bob@example.test\"]}", admin).statusCode());

        HttpResponse<String> created = call("POST", "/api/lists", "{\"address\":\"private@lists.example.test\","
                + "\"style\":\"private\",\"displayName\":\"Private list\",\"owners\":[\"bob@example.test\"]}", admin);
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"style\":\"PRIVATE\"") && created.body().contains(
                "\"archivePolicy\":\"PRIVATE\"")
                && created.body().contains(
                        "\"subscriptionPolicy\":\"CONFIRM_THEN_MODERATE\""),
                created.body());
        // the owner given is an owner of the new list
        assertEquals(200, call("GET", "/api/lists/private@lists.example.test", null, BOB_TOKEN).statusCode());

        String counts = call("GET", "/api/lists?counts=true", null, admin).body();
        assertTrue(counts.contains("{\"address\":\"" + DEMO + "\",\"archivedMessages\":0,\"displayName\":\"Demo list\","
                + "\"listId\":\"demo.lists.example.test\",\"members\":3,\"style\":\"discussion\"}"), counts);
        assertTrue(counts.contains("\"address\":\"private@lists.example.test\""), counts);

        HttpResponse<String> deleted = call("DELETE", "/api/lists/private@lists.example.test", null, admin);
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertTrue(deleted.body().contains("its archive are deleted"), deleted.body());
        assertEquals(404, call("GET", "/api/lists/private@lists.example.test", null, admin).statusCode());
        assertEquals(404, call("DELETE", "/api/lists/private@lists.example.test", null, admin).statusCode());
    }

    private void aliasesAndNetworks() throws Exception {
        HttpResponse<String> pipe = call("POST", "/api/aliases", "{\"address\":\"run@example.test\","
                + "\"targets\":\"|/bin/sh -c id\"}", admin);
        assertEquals(400, pipe.statusCode());
        assertTrue(json(pipe.body(), "message").contains("pipes, files and :include: are not allowed"), pipe.body());
        assertEquals(400, call("POST", "/api/aliases", "{\"address\":\"x@nosuch.example.org\",\"targets\":\"bob\"}",
                admin).statusCode());
        assertEquals(409, call("POST", "/api/aliases", "{\"address\":\"" + DEMO + "\",\"targets\":\"bob\"}", admin)
                .statusCode(), "a list's address is not an alias");
        assertEquals("[]", call("GET", "/api/aliases", null, admin).body(), "nothing was added");

        assertEquals(201, call("POST", "/api/aliases", "{\"address\":\"Postmaster@example.test\",\"targets\":"
                + "\"alice, bob@example.test\"}", admin).statusCode());
        assertEquals("[{\"address\":\"postmaster@example.test\",\"targets\":\"alice, bob@example.test\"}]",
                call("GET", "/api/aliases", null, admin).body());
        assertEquals(409, call("POST", "/api/aliases", "{\"address\":\"postmaster@example.test\",\"targets\":\"bob\"}",
                admin).statusCode());
        HttpResponse<String> changed = call("PUT", "/api/aliases/postmaster@example.test",
                "{\"targets\":\":fail: ask the help desk\"}", admin);
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(400, call("PUT", "/api/aliases/postmaster@example.test", "{\"targets\":\"\"}", admin)
                .statusCode());
        assertTrue(call("GET", "/api/aliases", null, admin).body().contains(":fail: ask the help desk"));
        assertEquals(404, call("PUT", "/api/aliases/nobody@example.test", "{\"targets\":\"bob\"}", admin).statusCode());
        assertEquals(204, call("DELETE", "/api/aliases/postmaster@example.test", null, admin).statusCode());
        assertEquals(404, call("DELETE", "/api/aliases/postmaster@example.test", null, admin).statusCode());

        for (String badNetwork : List.of("10.0.0.0/33", "example.org", "300.1.1.1", "10.0.0.0/8/8")) {
            HttpResponse<String> r = call("POST", "/api/relay-networks", "{\"network\":\"" + badNetwork + "\"}", admin);
            assertEquals(400, r.statusCode(), badNetwork + ": " + r.body());
        }
        assertEquals("[]", call("GET", "/api/relay-networks", null, admin).body());
        HttpResponse<String> net = call("POST", "/api/relay-networks", "{\"network\":\"198.51.100.0/24\"}", admin);
        assertEquals(201, net.statusCode(), net.body());
        String id = net.body().replaceAll(".*\"id\":(\\d+).*", "$1");
        assertEquals(409, call("POST", "/api/relay-networks", "{\"network\":\"198.51.100.0/24\"}", admin).statusCode());
        HttpResponse<String> moved = call("PUT", "/api/relay-networks/" + id, "{\"network\":\"2001:DB8::/32\"}", admin);
        assertEquals(200, moved.statusCode(), moved.body());
        assertEquals("[{\"id\":" + id + ",\"network\":\"2001:db8::/32\"}]",
                call("GET", "/api/relay-networks", null, admin).body());
        assertEquals(204, call("DELETE", "/api/relay-networks/" + id, null, admin).statusCode());
        assertEquals(404, call("DELETE", "/api/relay-networks/" + id, null, admin).statusCode());
    }

    private void users() throws Exception {
        HttpResponse<String> bad = call("POST", "/api/users", "{\"username\":\"carol\",\"password\":\"short\"}", admin);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("\"password\":\"must be at least 10 characters\""), bad.body());
        HttpResponse<String> created = call("POST", "/api/users", "{\"username\":\"carol\",\"email\":"
                + "\"carol@example.test\",\"password\":\"carol's long password\"}", admin);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(409, call("POST", "/api/users", "{\"username\":\"carol\",\"password\":\"carol's long password\"}",
                admin).statusCode());

        assertEquals(400, call("POST", "/api/users/carol/roles", "{\"list\":\"" + DEMO + "\",\"role\":\"member\"}",
                admin).statusCode());
        assertEquals(400, call("POST", "/api/users/carol/roles", "{\"list\":\"nosuch@lists.example.test\","
                + "\"role\":\"owner\"}", admin).statusCode());
        assertEquals(404, call("POST", "/api/users/nobody/roles", "{\"list\":\"" + DEMO + "\",\"role\":\"owner\"}",
                admin).statusCode());
        assertEquals(204, call("POST", "/api/users/carol/roles", "{\"list\":\"" + DEMO + "\",\"role\":\"moderator\"}",
                admin).statusCode());
        String users = call("GET", "/api/users", null, admin).body();
        assertTrue(users.contains("{\"email\":\"carol@example.test\",\"enabled\":true,\"roles\":[{\"list\":\"" + DEMO
                + "\",\"role\":\"moderator\"}],\"siteAdmin\":false,\"username\":\"carol\"}"), users);
        // the role works: carol, logged in, sees the demo list as its moderator
        HttpResponse<String> session = loginOverHttp("carol", "carol's long password");
        String cookie = session.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> carolsLists = get("/api/lists", cookie);
        assertTrue(carolsLists.body().contains("\"role\":\"moderator\""), carolsLists.body());

        assertEquals(204, call("DELETE", "/api/users/carol/roles?list=" + DEMO + "&role=moderator", null, admin)
                .statusCode());
        assertEquals(404, call("DELETE", "/api/users/carol/roles?list=" + DEMO + "&role=moderator", null, admin)
                .statusCode());
        assertEquals("[]", get("/api/lists", cookie).body(), "the role is gone");

        HttpResponse<String> reset = call("POST", "/api/users/bob/password-reset", null, admin);
        assertEquals(202, reset.statusCode(), reset.body());
        Poll.until("the reset mail in bob's Maildir", Duration.ofSeconds(60), () -> maildir("bob").stream()
                .anyMatch(p -> read(p).contains("Subject: Reset your Quire password")));
        assertEquals(404, call("POST", "/api/users/nobody/password-reset", null, admin).statusCode());
    }

    private void verifyAndHealth() throws Exception {
        HttpResponse<String> alice = call("GET", "/api/verify?address=alice@example.test", null, admin);
        assertEquals(200, alice.statusCode(), alice.body());
        assertTrue(alice.body().contains("\"deliverable\":true") && alice.body().contains("mailer local"),
                alice.body());
        HttpResponse<String> list = call("GET", "/api/verify?address=" + DEMO, null, admin);
        assertTrue(list.body().contains("mailer list"), list.body());
        HttpResponse<String> nobody = call("GET", "/api/verify?address=nobody@example.test", null, admin);
        assertTrue(nobody.body().contains("\"deliverable\":false") && nobody.body().contains("No such user"),
                nobody.body());
        assertEquals(400, call("GET", "/api/verify", null, admin).statusCode());
        assertEquals(400, call("GET", "/api/verify?address=a%20b", null, admin).statusCode());

        HttpResponse<String> health = call("GET", "/api/health", null, admin);
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"database\":true") && health.body().contains("\"mta\":true")
                && health.body().contains("\"mtaQuiescent\":false"), health.body());
        assertTrue(health.body().contains("\"queueSizes\":{") && health.body().contains("\"deferred\":"),
                health.body());
        Poll.until("a scheduler node alive in the health report", Duration.ofSeconds(120), () -> {
            String h = call("GET", "/api/health", null, admin).body();
            return h.contains("\"alive\":true") && h.contains("\"scheduler\":\"quire-") && h.contains(
                    "\"healthy\":true");
        });
    }

    private void theOpenApiDescribesEveryResource() throws Exception {
        String openapi = call("GET", "/openapi", null, null).body();
        for (String path : List.of("/api/domains/{name}:", "/api/aliases/{address}:", "/api/relay-networks/{id}:",
                "/api/queue/{action}:", "/api/verify:", "/api/health:", "/api/users/{username}/roles:",
                "/api/users/{username}/password-reset:")) {
            assertTrue(openapi.contains(path), path + " in " + openapi);
        }
    }

    private void queueRefusesBadInput() throws Exception {
        HttpResponse<String> q = call("GET", "/api/queue", null, admin);
        assertEquals(200, q.statusCode(), q.body());
        assertTrue(q.body().contains("\"sizes\":{") && q.body().contains("\"hold\":"), q.body());
        assertEquals(400, call("GET", "/api/queue?queue=nosuch", null, admin).statusCode());
        HttpResponse<String> badId = call("POST", "/api/queue/hold", "{\"ids\":[\"../../etc\"]}", admin);
        assertEquals(400, badId.statusCode());
        assertTrue(badId.body().contains("not a queue id"), badId.body());
        assertEquals(400, call("POST", "/api/queue/explode", "{\"ids\":[\"0123456789ABCDEF\"]}", admin).statusCode());
        assertEquals(400, call("POST", "/api/queue/hold", "{\"ids\":[]}", admin).statusCode());
        HttpResponse<String> unknown = call("POST", "/api/queue/delete", "{\"ids\":[\"0123456789ABCDEF\"]}", admin);
        assertEquals(200, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("\"done\":false") && unknown.body().contains("no message 0123456789ABCDEF"),
                unknown.body());
    }

    // ---- in the browser

    private void createAListFromAStyle() throws Exception {
        browser.get(base + "/admin");
        Browser.clickAndWait(browser, By.id("site-admin"));
        Browser.clickAndWait(browser, By.id("nav-domains"));
        assertTrue(browser.findElement(By.id("domain-lists.example.test")).getText().contains("LIST"));
        Browser.screenshot(browser, "site-domains");

        Browser.clickAndWait(browser, By.id("nav-lists"));
        browser.findElement(By.id("address")).sendKeys("news@lists.example.test");
        browser.findElement(By.id("style-announce")).click();
        browser.findElement(By.id("displayName")).sendKeys("News");
        browser.findElement(By.id("owners")).sendKeys("bob@example.test");
        Browser.clickAndWait(browser, By.id("create-list"));
        assertEquals("The list news@lists.example.test was created (announce).",
                browser.findElement(By.id("done")).getText());
        String table = browser.findElement(By.id("lists")).getText();
        assertTrue(table.contains("News news@lists.example.test announce 0 0"), table);
        Browser.screenshot(browser, "site-lists");
        String settings = call("GET", "/api/lists/news@lists.example.test", null, BOB_TOKEN).body();
        assertTrue(settings.contains("\"style\":\"ANNOUNCE\"") && settings.contains("\"defaultMemberAction\":\"HOLD\""),
                "an announce list holds members' posts, and bob owns it: " + settings);

        // a bad form shows the reason and creates nothing
        browser.findElement(By.id("address")).sendKeys("news@lists.example.test");
        browser.findElement(By.id("owners")).sendKeys("bob@example.test");
        Browser.clickAndWait(browser, By.id("create-list"));
        assertEquals("The list news@lists.example.test exists already.", browser.findElement(By.id("error")).getText());
    }

    private void anAliasAddedInThePageIsAcceptedAndDelivered() throws Exception {
        Result before = swaks("127.0.0.1", "carol@remote.test", "helpdesk@example.test", "before the alias");
        assertTrue(before.output().contains("<** 550 5.1.1"), "no such address yet: " + before.output());

        Browser.clickAndWait(browser, By.id("nav-aliases"));
        assertTrue(browser.findElement(By.id("ttl-note")).getText().contains("within 2 seconds"));
        browser.findElement(By.id("address")).sendKeys("helpdesk@example.test");
        browser.findElement(By.id("targets")).sendKeys("alice");
        Browser.clickAndWait(browser, By.id("add-alias"));
        assertEquals("The alias helpdesk@example.test was added; the MTA accepts it within 2 seconds.",
                browser.findElement(By.id("done")).getText());

        String subject = "for the help desk " + System.nanoTime();
        Poll.until("the MTA to accept the new alias at RCPT", Duration.ofSeconds(30),
                () -> swaks("127.0.0.1", "carol@remote.test", "helpdesk@example.test", subject).output()
                        .contains("<-  250 2.0.0 Ok: queued as"));
        Poll.until("the aliased message in alice's Maildir", Duration.ofSeconds(60),
                () -> maildir("alice").stream().anyMatch(p -> read(p).contains("Subject: " + subject)));
    }

    private void holdAndReleaseAQueuedMessage() throws Exception {
        // 127.0.0.5 may not relay until the admin lists it as a relay network
        Result refused = swaks("127.0.0.5", "alice@example.test", "dave@remote.test", "not yet");
        assertTrue(refused.output().contains("<** 554 5.7.1"), refused.output());
        Browser.clickAndWait(browser, By.id("nav-networks"));
        browser.findElement(By.id("network")).sendKeys("127.0.0.5");
        Browser.clickAndWait(browser, By.id("add-network"));
        assertEquals("The network 127.0.0.5 may relay within 2 seconds.", browser.findElement(By.id("done")).getText());

        String subject = "relayed " + System.nanoTime();
        Poll.until("the MTA to let 127.0.0.5 relay", Duration.ofSeconds(30),
                () -> swaks("127.0.0.5", "alice@example.test", "dave@remote.test", subject).output()
                        .contains("<-  250 2.0.0 Ok: queued as"));
        // the smarthost is down: the message waits in the deferred queue
        Poll.until("the relayed message deferred", Duration.ofSeconds(60),
                () -> call("GET", "/api/queue?queue=deferred", null, admin).body().contains("dave@remote.test"));
        String queued = call("GET", "/api/queue?queue=deferred", null, admin).body();
        String entry = Stream.of(queued.split("\\},\\{"))
                .filter(e -> e.contains("\"recipients\":[\"<dave@remote.test>\"]"))
                .findFirst().orElseThrow(() -> new AssertionError("dave's message in the deferred queue: " + queued));
        Matcher idm = Pattern.compile("\"id\":\"([0-9A-Z]+)\"").matcher(entry);
        assertTrue(idm.find(), entry);
        String id = idm.group(1);
        assertTrue(entry.contains("\"sender\":\"alice@example.test\"") && entry.contains("\"lastError\":\"")
                && entry.contains("\"queue\":\"deferred\""), entry);
        pagesOfTheQueue(id);

        Browser.clickAndWait(browser, By.id("nav-queue"));
        WebElement row = browser.findElement(By.id("message-" + id));
        assertTrue(row.getText().contains("alice@example.test") && row.getText().contains("dave@remote.test")
                && row.getText().contains("deferred"), row.getText());
        assertFalse(row.findElement(By.className("last-error")).getText().isBlank(), "the last error is shown");
        // hold the selected messages (the bulk form); release below with the row's own button
        browser.findElement(By.id("select-" + id)).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("action"))).selectByValue("hold");
        Browser.clickAndWait(browser, By.id("apply"));
        assertEquals(id + ": held.", browser.findElement(By.id("done")).getText());
        assertEquals("hold", browser.findElement(By.id("message-" + id)).findElement(By.className("queue")).getText());
        assertTrue(call("GET", "/api/queue?queue=hold", null, admin).body().contains("\"id\":\"" + id + "\""));
        Browser.screenshot(browser, "site-queue");

        // a control message, deferred like the held one while the smarthost is down
        String control = "control " + System.nanoTime();
        assertTrue(swaks("127.0.0.5", "alice@example.test", "frank@remote.test", control).output()
                .contains("<-  250 2.0.0 Ok: queued as"));
        Poll.until("the control message deferred", Duration.ofSeconds(60),
                () -> call("GET", "/api/queue?queue=deferred", null, admin).body().contains("frank@remote.test"));
        String mtaToken = Files.readString(config.data().resolve("run").resolve("admin-token")).strip();
        try (SmtpSink sink = new SmtpSink(work.resolve("smarthost"), config.sinkPort()).start()) {
            // the smarthost is back and the queue is flushed (quire flush): every deferred message goes now, the
            // control with it, but a held one stays held
            assertEquals(200, call("POST", "/mta/api/queue/flush", null, mtaToken).statusCode());
            Poll.until("the control message at the smarthost", Duration.ofSeconds(60),
                    () -> sink.messages().stream().anyMatch(t -> t.contains("Subject: " + control)));
            assertTrue(sink.messages().stream().noneMatch(t -> t.contains("Subject: " + subject)),
                    "a held message is not delivered by a flush");
            Browser.clickAndWait(browser, By.id("release-" + id));
            assertEquals(id + ": released.", browser.findElement(By.id("done")).getText());
            Poll.until("the released message at the smarthost", Duration.ofSeconds(60),
                    () -> sink.messages().stream().anyMatch(t -> t.contains("Subject: " + subject)));
        }
        Poll.until("the queue to forget the delivered message", Duration.ofSeconds(30),
                () -> !call("GET", "/api/queue", null, admin).body().contains("\"id\":\"" + id + "\""));
    }

    /**
     * The queue in pages: a second deferred message, then one message per page through the REST API and the page's
     * own Next and Previous links; the second message is deleted again.
     */
    private void pagesOfTheQueue(String first) throws Exception {
        String subject = "second " + System.nanoTime();
        assertTrue(swaks("127.0.0.5", "alice@example.test", "erin@remote.test", subject).output()
                .contains("<-  250 2.0.0 Ok: queued as"));
        Poll.until("two messages deferred", Duration.ofSeconds(60),
                () -> call("GET", "/api/queue?queue=deferred", null, admin).body().contains("erin@remote.test"));
        HttpResponse<String> page1 = call("GET", "/api/queue?queue=deferred&limit=1", null, admin);
        assertTrue(page1.body().contains("\"offset\":0") && page1.body().contains("\"total\":2")
                && page1.body().contains(first)
                && !page1.body().contains("erin@remote.test"), page1.body());
        HttpResponse<String> page2 = call("GET", "/api/queue?queue=deferred&offset=1&limit=1", null, admin);
        Matcher second = Pattern.compile("\"id\":\"([0-9A-Z]+)\"").matcher(page2.body());
        assertTrue(page2.body().contains("erin@remote.test") && !page2.body().contains(first) && second.find(),
                page2.body());
        assertEquals(400, call("GET", "/api/queue?queue=deferred&offset=-1", null, admin).statusCode());

        browser.get(base + "/admin/site/queue?queue=deferred&size=1");
        assertEquals("Messages 1–1 of 2", browser.findElement(By.id("showing")).getText());
        assertFalse(browser.findElements(By.id("message-" + first)).isEmpty(), "the oldest first");
        assertTrue(browser.findElements(By.id("previous-page")).isEmpty());
        Browser.clickAndWait(browser, By.id("next-page"));
        assertEquals("Messages 2–2 of 2", browser.findElement(By.id("showing")).getText());
        assertFalse(browser.findElements(By.id("message-" + second.group(1))).isEmpty());
        assertTrue(browser.findElements(By.id("next-page")).isEmpty(), "no page after the last");
        Browser.clickAndWait(browser, By.id("previous-page"));
        assertEquals("Messages 1–1 of 2", browser.findElement(By.id("showing")).getText());

        assertEquals(200, call("POST", "/api/queue/delete", "{\"ids\":[\"" + second.group(1) + "\"]}", admin)
                .statusCode());
    }

    /** Verify, health, users, refusing to delete a domain with lists, and deleting a list after confirming. */
    private void theOtherPages() throws Exception {
        Browser.clickAndWait(browser, By.id("nav-verify"));
        browser.findElement(By.id("address")).sendKeys("helpdesk@example.test");
        Browser.clickAndWait(browser, By.id("verify"));
        String verdicts = browser.findElement(By.id("verdicts")).getText();
        assertTrue(verdicts.contains("deliverable") && verdicts.contains("alice"), verdicts);

        Browser.clickAndWait(browser, By.id("nav-health"));
        assertEquals("Everything answers.", browser.findElement(By.id("overall")).getText());
        assertTrue(browser.findElement(By.id("database")).getText().startsWith("answers ("));
        assertTrue(browser.findElement(By.id("quiescent")).getText().startsWith("no"));
        assertTrue(browser.findElement(By.id("scheduler")).getText().contains("alive"));

        Browser.clickAndWait(browser, By.id("nav-users"));
        browser.findElement(By.id("username")).sendKeys("erin");
        browser.findElement(By.id("email")).sendKeys("alice@example.test");
        Browser.clickAndWait(browser, By.id("create-user"));
        assertEquals("The user erin was created; a link to choose a password was mailed to alice@example.test.",
                browser.findElement(By.id("done")).getText());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("list-erin")))
                .selectByValue("news@lists.example.test");
        Browser.clickAndWait(browser, By.id("grant-erin"));
        assertEquals("erin is now owner of news@lists.example.test.", browser.findElement(By.id("done")).getText());
        assertTrue(browser.findElement(By.id("user-erin")).getText().contains("owner of news@lists.example.test"));

        Browser.clickAndWait(browser, By.id("nav-domains"));
        Browser.clickAndWait(browser, By.id("delete-lists.example.test"));
        assertEquals("The domain lists.example.test still holds 2 lists: delete them first. Nothing was deleted.",
                browser.findElement(By.id("error")).getText());

        Browser.clickAndWait(browser, By.id("nav-lists"));
        Browser.clickAndWait(browser, By.id("delete-news@lists.example.test"));
        assertTrue(browser.findElement(By.id("consequences")).getText().contains("its archive of 0 messages"));
        browser.findElement(By.id("confirm")).sendKeys("news@lists.example.org");
        Browser.clickAndWait(browser, By.id("delete-list"));
        assertEquals("Type the list's address exactly to confirm; nothing was deleted.",
                browser.findElement(By.id("error")).getText());
        browser.findElement(By.id("confirm")).sendKeys("news@lists.example.test");
        Browser.clickAndWait(browser, By.id("delete-list"));
        assertEquals("The list news@lists.example.test was deleted with its 0 members and 0 archived messages.",
                browser.findElement(By.id("done")).getText());
        assertFalse(browser.findElement(By.id("lists")).getText().contains("news@lists.example.test"));
        assertEquals(404, call("GET", "/api/lists/news@lists.example.test", null, admin).statusCode());
    }

    private void pagesRefuseAChangeWithoutTheCsrfToken() throws Exception {
        String cookie = "QUIRE_SESSION=" + browser.manage().getCookieNamed("QUIRE_SESSION").getValue();
        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/admin/site/domains"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString("name=csrf.example.org&kind=LIST"))
                .build();
        assertEquals(403, http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertFalse(call("GET", "/api/domains", null, admin).body().contains("csrf.example.org"));
    }

    // ---------------------------------------------------------------------------------------------

    private record Result(int status, String output) {
    }

    private Result swaks(String from, String sender, String to, String subject) throws Exception {
        Process p = new ProcessBuilder("swaks", "--server", "127.0.0.1:" + config.smtpPort(), "--local-interface",
                from, "--from", sender, "--to", to, "--header", "Subject: " + subject).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    private List<Path> maildir(String user) throws Exception {
        Path dir = config.data().resolve("mail/example.test").resolve(user).resolve("new");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private void login(String username, String password) {
        browser.get(base + "/admin/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        Browser.clickAndWait(browser, By.id("login"));
        assertEquals(username, browser.findElement(By.id("current-user")).getText());
    }

    /** Logs in over HTTP with the login form's CSRF token; the answer carries the session cookie. */
    private HttpResponse<String> loginOverHttp(String user, String password) throws Exception {
        HttpResponse<String> page = get("/admin/login", null);
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(csrf.find());
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode(), r.body());
        return r;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An API call with a bearer token (none when null). */
    private HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One string field of a flat JSON object. */
    private static String json(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
        return m.find() ? m.group(1) : null;
    }
}
