package dev.quire.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.quire.db.TestDatabase;
import dev.quire.db.user.PasswordHash;
import dev.quire.db.user.SecretHash;

/**
 * The web admin and the REST API on the real stack ({@code quire run --demo}), driven by Debian's headless
 * Chromium through Selenium and by {@code java.net.http}: the demo's admin logs in with the password
 * {@code quire run} printed and sees the demo list; wrong passwords are refused and then throttled; an
 * owner of one list cannot open another; a moderator sees moderation only; a state change without the
 * CSRF token or from another origin is refused; every response carries the security headers; logout ends
 * the session; a password is reset through the emailed link; an owner imports a CSV file (preview, confirm,
 * progress) and approves a held post that then reaches the new members' Maildirs; every REST resource answers
 * its allowed and forbidden callers with the JSON error model; an owner changes every kind of setting over
 * REST and on the settings pages (a bad value changes nothing; emergency moderation then holds a member's post;
 * the new subject prefix reaches the members), which a moderator may not open; an owner changes a member's
 * options and re-enables a member whose bounces turned delivery off; the site admin bans a pattern from every
 * list on the site bans page; the members page of a 100,000-member list
 * answers in time.
 */
class WebAdminEndToEndIT {
    private static final String DEMO = "demo@lists.example.test";
    private static final String SECOND = "second@lists.example.test";
    private static final String BOB_PASSWORD = "bob's old password";
    private static final String CAROL_PASSWORD = "carol's password";
    private static final String BOB_TOKEN = "qt_bob-token-for-the-end-to-end-test-0123456789";
    private static final String ALICE_TOKEN = "qt_alice-token-for-the-end-to-end-test-0123456789";
    private static final Pattern ADMIN_PASSWORD = Pattern.compile("Site admin: admin {2}password: (\\S+)");

    @TempDir
    Path work;

    private TestDatabase db;
    private Path data;
    private Path config;
    private int smtpPort;
    private String adminPassword;
    private String base;
    private WebDriver browser;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Browser.installed(),
                "Debian's chromium and chromium-driver are installed by scripts/install-test-deps.sh");
        db = TestDatabase.create();
        int httpPort = FreePorts.next();
        base = "http://127.0.0.1:" + httpPort;
        data = work.resolve("var");
        config = work.resolve("quire.properties");
        Files.writeString(config, String.join("\n",
                "quire.data.dir=" + data,
                "quire.db.url=" + db.url(),
                "quire.db.user=" + TestDatabase.user(),
                "quire.db.password=" + TestDatabase.password(),
                "quire.hostname=mx.quire.test",
                "quire.smtp.port=" + (smtpPort = FreePorts.next()),
                "quire.submission.port=-1",
                "quire.smtps.port=-1",
                "quire.internal.port=" + FreePorts.next(),
                "quire.lmtp.port=" + FreePorts.next(),
                "quire.http.port=" + httpPort,
                "quire.web.url=" + base,
                "quire.web.login.user-failures=3",
                "quire.addresses.tokens=" + JobsChecks.RELAY_TOKEN,
                "quire.pipe.allowed=/bin/false",
                "quire.queue.slow.after=PT3S",
                ""));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void loginRolesCsrfHeadersLogoutPasswordResetAndTheRestApi() throws Exception {
        Path out = work.resolve("quire-run.out");
        try (QuireProcess quire = QuireProcess.start(work, out, "--demo", "--config", config.toString())) {
            Matcher m = ADMIN_PASSWORD.matcher(quire.output());
            assertTrue(m.find(), "quire run --demo prints the admin's password: " + quire.output());
            adminPassword = m.group(1);
            addSecondListAndUsers();
            browser = Browser.chromium(work);
            try {
                securityHeaders();
                adminLogsInAndSeesTheDemoList(m.group(1));
                wrongPasswordsAreRefusedThenThrottled();
                ownerOfOneListCannotOpenAnother();
                moderatorSeesModerationOnly();
                stateChangesNeedTheCsrfTokenAndThisOrigin();
                logoutEndsTheSession();
                passwordResetByEmail();
                ownerImportsCsvThenApprovesAHeldPost();
                moderatorCannotOpenOwnerTools();
                restApi();
                new JobsChecks(base, data, work, db, BOB_TOKEN, ALICE_TOKEN).all(browser, m.group(1));
                ownerToolsRestApi();
                listSettingsByRestAndWeb();
                memberOptionsByRestAndWeb();
                siteBansPage();
                membersPageAtOneHundredThousand();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n--- what Quire logged:\n" + QuireProcess.logOf(data), e);
            }
        }
    }

    /** A second list owned by bob; alice moderates the demo list; carol has no role; tokens for bob and alice. */
    private void addSecondListAndUsers() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO mailing_list (domain_id, name, display_name, subject_prefix)"
                    + " SELECT id, 'second', 'Second list', '[second] ' FROM domain WHERE name = 'lists.example.test'");
            s.executeUpdate("INSERT INTO member (list_id, address, role) SELECT id, 'bob@example.test', 'OWNER'"
                    + " FROM mailing_list WHERE name = 'second'");
            s.executeUpdate("INSERT INTO member (list_id, address, role) SELECT id, 'alice@example.test', 'MODERATOR'"
                    + " FROM mailing_list WHERE name = 'demo'");
            s.executeUpdate("INSERT INTO mailbox (domain_id, local_part) SELECT id, 'dana' FROM domain"
                    + " WHERE name = 'example.test'");
            s.executeUpdate("INSERT INTO mailbox (domain_id, local_part) SELECT id, 'erin' FROM domain"
                    + " WHERE name = 'example.test'");
            s.executeUpdate("INSERT INTO mailbox (domain_id, local_part) SELECT id, 'lee' FROM domain"
                    + " WHERE name = 'example.test'");
            user(c, "bob", BOB_PASSWORD, "bob@example.test");
            user(c, "alice", "alice's password", "alice@example.test");
            user(c, "carol", CAROL_PASSWORD, null);
            s.executeUpdate("INSERT INTO api_token (site_user_id, name, token_hash) SELECT id, 'e2e', '"
                    + SecretHash.of(BOB_TOKEN) + "' FROM site_user WHERE username = 'bob'");
            s.executeUpdate("INSERT INTO api_token (site_user_id, name, token_hash) SELECT id, 'e2e', '"
                    + SecretHash.of(ALICE_TOKEN) + "' FROM site_user WHERE username = 'alice'");
        }
    }

    private static void user(Connection c, String name, String password, String email) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO site_user (username, password_hash, site_admin, email) VALUES (?, ?, FALSE, ?)")) {
            ps.setString(1, name);
            ps.setString(2, PasswordHash.create(password.toCharArray()));
            ps.setString(3, email);
            ps.executeUpdate();
        }
    }

    private void securityHeaders() throws Exception {
        for (String path : List.of("/admin/login", "/static/quire.css", "/api/lists", "/no-such-page")) {
            HttpResponse<String> r = get(path, null, null);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'")
                    && !csp.contains("unsafe-inline"), path + ": " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(null), path);
        }
        HttpResponse<String> missing = get("/no-such-page", null, null);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("There is nothing at this address."), missing.body());
        assertFalse(missing.body().contains("Exception") || missing.body().contains("Payara"), missing.body());

        String cookie = get("/admin/login", null, null).headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith("QUIRE_SESSION="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), cookie);
        assertFalse(cookie.contains("Secure"), "no Secure flag on plain HTTP: " + cookie);
    }

    private void adminLogsInAndSeesTheDemoList(String password) throws Exception {
        browser.get(base + "/admin");
        assertTrue(browser.getCurrentUrl().startsWith(base + "/admin/login"), "sent to the login page first");
        String before = sessionCookie();
        login("admin", password);
        assertEquals(base + "/admin", browser.getCurrentUrl());
        assertEquals("admin", browser.findElement(By.id("current-user")).getText());
        String table = browser.findElement(By.id("lists")).getText();
        assertTrue(table.contains("Demo list") && table.contains(DEMO) && table.contains("site admin"), table);
        assertTrue(table.contains("Second list"), "a site admin sees every list: " + table);
        assertNotEquals(before, sessionCookie(), "the session id changes at login");
        screenshot("admin-home");

        clickAndWait(By.linkText("Demo list"));
        assertEquals("site admin", browser.findElement(By.id("role")).getText());
        assertEquals("3", browser.findElement(By.id("members")).getText());
        screenshot("list-overview");
        clickAndWait(By.id("logout"));
    }

    private void wrongPasswordsAreRefusedThenThrottled() throws Exception {
        browser.get(base + "/admin/login");
        login("carol", "not carol's password");
        assertEquals("Wrong user name or password.", browser.findElement(By.id("error")).getText());
        login("carol", "still wrong");
        login("carol", "wrong a third time");
        login("carol", CAROL_PASSWORD);
        assertTrue(browser.findElement(By.id("error")).getText().startsWith("Too many failed logins. Wait "),
                "even the right password waits once the account is throttled");
        assertTrue(browser.findElements(By.id("current-user")).isEmpty(), "not logged in");

        // the same over plain HTTP: 429 with Retry-After
        Session s = Session.open(this);
        HttpResponse<String> r = s.post("/admin/login", form("username", "carol", "password", CAROL_PASSWORD, "_csrf",
                s.csrf), base);
        assertEquals(429, r.statusCode());
        assertTrue(Integer.parseInt(r.headers().firstValue("Retry-After").orElse("0")) > 0);
    }

    private void ownerOfOneListCannotOpenAnother() throws Exception {
        browser.get(base + "/admin/login");
        login("bob", BOB_PASSWORD);
        String table = browser.findElement(By.id("lists")).getText();
        assertTrue(table.contains("Second list") && table.contains("owner"), table);
        assertFalse(table.contains("Demo list"), "bob owns only the second list: " + table);

        browser.get(base + "/admin/lists/" + DEMO);
        assertTrue(browser.findElement(By.id("message")).getText().startsWith("There is no list " + DEMO),
                browser.getPageSource());
        HttpResponse<String> other = get("/admin/lists/" + DEMO, null, sessionCookie());
        assertEquals(404, other.statusCode(), "the same answer as for a list that does not exist");

        browser.get(base + "/admin/lists/" + SECOND);
        assertEquals("owner", browser.findElement(By.id("role")).getText());
        assertFalse(browser.findElements(By.id("settings")).isEmpty(), "an owner sees the settings");
        clickAndWait(By.id("logout"));
    }

    private void moderatorSeesModerationOnly() {
        browser.get(base + "/admin/login");
        login("alice", "alice's password");
        browser.get(base + "/admin/lists/" + DEMO);
        assertEquals("moderator", browser.findElement(By.id("role")).getText());
        assertEquals("0", browser.findElement(By.id("held")).getText());
        assertTrue(browser.findElements(By.id("settings")).isEmpty(), "no settings for a moderator");
        assertTrue(browser.findElements(By.id("members")).isEmpty(), "no membership for a moderator");
        clickAndWait(By.id("logout"));
    }

    private void stateChangesNeedTheCsrfTokenAndThisOrigin() throws Exception {
        Session s = Session.open(this);
        s.login("bob", BOB_PASSWORD);
        assertEquals(200, get("/admin", null, s.cookie).statusCode());

        HttpResponse<String> noToken = s.post("/admin/logout", form(), base);
        assertEquals(403, noToken.statusCode());
        assertTrue(noToken.body().contains("This form has expired or did not come from this site."), noToken.body());
        HttpResponse<String> foreign = s.post("/admin/logout", form("_csrf", s.csrf), "http://evil.example");
        assertEquals(403, foreign.statusCode());
        assertTrue(foreign.body().contains("came from another site"), foreign.body());
        assertEquals(200, get("/admin", null, s.cookie).statusCode(), "the refused logouts did nothing");

        // the API with a session: the token from /api/session in X-CSRF-Token
        HttpResponse<String> session = get("/api/session", null, s.cookie);
        assertEquals(200, session.statusCode());
        String csrf = json(session.body(), "csrfToken");
        assertEquals(403, patch("/api/lists/" + SECOND, "{\"maxRecipients\": 7}", null, s.cookie, null).statusCode());
        HttpResponse<String> ok = patch("/api/lists/" + SECOND, "{\"maxRecipients\": 7}", null, s.cookie, csrf);
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("\"maxRecipients\":7"), ok.body());

        assertEquals(303, s.post("/admin/logout", form("_csrf", s.csrf), base).statusCode());
    }

    private void logoutEndsTheSession() throws Exception {
        browser.get(base + "/admin/login");
        login("bob", BOB_PASSWORD);
        String cookie = sessionCookie();
        assertEquals(200, get("/admin", null, cookie).statusCode());
        clickAndWait(By.id("logout"));
        assertTrue(browser.getPageSource().contains("You have logged out."));
        browser.get(base + "/admin");
        assertTrue(browser.getCurrentUrl().startsWith(base + "/admin/login"), browser.getCurrentUrl());
        HttpResponse<String> old = get("/admin", null, cookie);
        assertEquals(303, old.statusCode(), "the old session cookie no longer logs in");
        assertTrue(old.headers().firstValue("Location").orElse("").contains("/admin/login"));
    }

    private void passwordResetByEmail() throws Exception {
        browser.get(base + "/admin/login");
        clickAndWait(By.linkText("Forgot your password?"));
        browser.findElement(By.id("who")).sendKeys("bob@example.test");
        clickAndWait(By.id("send-link"));
        assertTrue(browser.findElement(By.id("message")).getText().startsWith("If an account matches"));

        Poll.until("the reset mail in bob's Maildir", Duration.ofSeconds(60), () -> !maildir("bob").isEmpty());
        String mail = Files.readString(maildir("bob").get(0), StandardCharsets.ISO_8859_1)
                .replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        assertTrue(mail.contains("Subject: Reset your Quire password"), mail);
        Matcher link = Pattern.compile(Pattern.quote(base) + "/admin/password-reset/[A-Za-z0-9_-]+").matcher(mail);
        assertTrue(link.find(), mail);

        browser.get(link.group());
        browser.findElement(By.id("password")).sendKeys("bob's new password");
        browser.findElement(By.id("confirm")).sendKeys("bob's new password");
        clickAndWait(By.id("set-password"));
        assertEquals("Your password is changed. Log in with the new one.",
                browser.findElement(By.id("message")).getText());

        browser.get(link.group());
        assertTrue(
                browser.findElement(By.id("message")).getText().startsWith("This link has expired or has been used"));

        browser.get(base + "/admin/login");
        login("bob", BOB_PASSWORD);
        assertEquals("Wrong user name or password.", browser.findElement(By.id("error")).getText());
        login("bob", "bob's new password");
        assertEquals("bob", browser.findElement(By.id("current-user")).getText());
        clickAndWait(By.id("logout"));
    }

    private void restApi() throws Exception {
        String admin = Files.readString(data.resolve("run").resolve("api-token")).strip();
        assertTrue(admin.startsWith("qt_"), "the first start wrote the admin's token");

        HttpResponse<String> anonymous = get("/api/lists", null, null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("unauthorized", json(anonymous.body(), "error"));
        HttpResponse<String> badToken = get("/api/lists", "qt_no-such-token", null);
        assertEquals(401, badToken.statusCode());
        assertTrue(badToken.body().contains("\"message\":\"The API token is not valid"), badToken.body());

        // GET /api/domains: site admins only
        HttpResponse<String> domains = get("/api/domains", admin, null);
        assertEquals(200, domains.statusCode());
        assertTrue(domains.body().contains("{\"kind\":\"LIST\",\"lists\":2,\"name\":\"lists.example.test\"}"),
                domains.body());
        HttpResponse<String> bobDomains = get("/api/domains", BOB_TOKEN, null);
        assertEquals(403, bobDomains.statusCode());
        assertEquals("forbidden", json(bobDomains.body(), "error"));

        // GET /api/lists: only what the caller may see, with the caller's role
        String all = get("/api/lists", admin, null).body();
        assertTrue(all.contains("\"address\":\"" + DEMO + "\"") && all.contains("\"address\":\"" + SECOND + "\""), all);
        String bobs = get("/api/lists", BOB_TOKEN, null).body();
        assertEquals("[{\"address\":\"" + SECOND + "\",\"displayName\":\"Second list\",\"listId\":"
                + "\"second.lists.example.test\",\"role\":\"owner\"}]", bobs);
        String alices = get("/api/lists", ALICE_TOKEN, null).body();
        assertTrue(alices.contains("\"address\":\"" + DEMO + "\"") && alices.contains("\"role\":\"moderator\"")
                && !alices.contains(SECOND), alices);

        // GET /api/lists/{list}: owners and admins; a moderator 403; anyone else 404
        HttpResponse<String> settings = get("/api/lists/" + DEMO, admin, null);
        assertEquals(200, settings.statusCode());
        assertTrue(settings.body().contains("\"subjectPrefix\":\"[demo] \""), settings.body());
        assertTrue(settings.body().contains("\"defaultNonmemberAction\":\"HOLD\""), settings.body());
        assertFalse(settings.body().contains("Hash"), "no secrets in the settings view");
        assertEquals(404, get("/api/lists/" + DEMO, BOB_TOKEN, null).statusCode());
        assertEquals(404, get("/api/lists/nosuch@lists.example.test", admin, null).statusCode());
        HttpResponse<String> moderator = get("/api/lists/" + DEMO, ALICE_TOKEN, null);
        assertEquals(403, moderator.statusCode());
        assertTrue(json(moderator.body(), "message").contains("needs the owner role"), moderator.body());
        assertEquals(200, get("/api/lists/" + SECOND, BOB_TOKEN, null).statusCode());

        // PATCH /api/lists/{list}: owners and admins; bearer calls need no CSRF token
        HttpResponse<String> changed = patch("/api/lists/" + DEMO,
                "{\"displayName\": \"Demo, renamed\", \"emergency\": true, \"archivePolicy\": \"private\"}", admin,
                null, null);
        assertEquals(200, changed.statusCode(), changed.body());
        String now = get("/api/lists/" + DEMO, admin, null).body();
        assertTrue(now.contains("\"displayName\":\"Demo, renamed\"") && now.contains("\"emergency\":true")
                && now.contains("\"archivePolicy\":\"PRIVATE\""), now);
        // advertised: off takes the list off the public index and its public page away, on brings them back
        assertTrue(now.contains("\"advertised\":true"), now);
        assertEquals(200, get("/lists/demo.lists.example.test", null, null).statusCode());
        assertTrue(get("/lists", null, null).body().contains("/lists/demo.lists.example.test"), "on the index");
        assertEquals(200, patch("/api/lists/" + DEMO, "{\"advertised\": false}", admin, null, null).statusCode());
        assertTrue(get("/api/lists/" + DEMO, admin, null).body().contains("\"advertised\":false"));
        assertEquals(404, get("/lists/demo.lists.example.test", null, null).statusCode(), "not advertised");
        assertFalse(get("/lists", null, null).body().contains("/lists/demo.lists.example.test"), "off the index");
        assertEquals(200, patch("/api/lists/" + DEMO, "{\"advertised\": true}", admin, null, null).statusCode());
        assertEquals(200, get("/lists/demo.lists.example.test", null, null).statusCode());
        HttpResponse<String> invalid = patch("/api/lists/" + DEMO, "{\"maxRecipients\": -3, \"colour\": \"red\"}",
                admin, null, null);
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("\"maxRecipients\":\"must be a whole number from 0 to 10000\"")
                && invalid.body().contains("\"colour\":\"no such setting"), invalid.body());
        assertEquals(404, patch("/api/lists/" + DEMO, "{\"emergency\": false}", BOB_TOKEN, null, null).statusCode());
        assertEquals(403, patch("/api/lists/" + DEMO, "{\"emergency\": false}", ALICE_TOKEN, null, null).statusCode());
        assertTrue(get("/api/lists/" + DEMO, admin, null).body().contains("\"emergency\":true"),
                "the refused changes changed nothing");
        HttpResponse<String> bobChange = patch("/api/lists/" + SECOND, "{\"subjectPrefix\": \"[2nd] \"}", BOB_TOKEN,
                null, null);
        assertEquals(200, bobChange.statusCode());
        assertTrue(bobChange.body().contains("\"subjectPrefix\":\"[2nd] \""), bobChange.body());

        HttpResponse<String> openapi = get("/openapi", null, null);
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/lists/{list}:") && openapi.body().contains("/api/domains:"),
                openapi.body());
    }

    /** Bob (owner of the second list) imports a CSV file through the preview, then approves a held post. */
    private void ownerImportsCsvThenApprovesAHeldPost() throws Exception {
        browser.get(base + "/admin/login");
        login("bob", "bob's new password");
        browser.get(base + "/admin/lists/" + SECOND);
        clickAndWait(By.id("open-import"));
        Path csv = work.resolve("members.csv");
        Files.writeString(csv, String.join("\n", "address,name", "dana@example.test,Dana Doe", "erin@example.test,Erin",
                "this is not an address,Nobody", "dana@example.test,Dana again", ""));
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        browser.findElement(By.id("layout-header")).click();
        clickAndWait(By.id("preview"));
        assertEquals("2", browser.findElement(By.id("to-add")).getText(), browser.getPageSource());
        assertEquals("0", browser.findElement(By.id("already")).getText());
        assertEquals("1", browser.findElement(By.id("invalid-count")).getText());
        String invalid = browser.findElement(By.id("invalid")).getText();
        assertTrue(invalid.contains("4") && invalid.contains("this is not an address"), invalid);
        String adds = browser.findElement(By.id("adds")).getText();
        assertTrue(adds.contains("dana@example.test Dana Doe") && adds.contains("erin@example.test Erin"), adds);
        screenshot("import-preview");
        assertEquals(0, memberCount(SECOND), "the preview changed nothing");

        clickAndWait(By.id("confirm"));
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(d -> !d.findElements(By.id("result")).isEmpty());
        assertEquals("2 added, 0 invited, 0 removed.", browser.findElement(By.id("result")).getText());
        assertEquals("2", browser.findElement(By.id("progress")).getAttribute("value"));
        assertEquals(2, memberCount(SECOND));

        clickAndWait(By.id("to-members"));
        String roster = browser.findElement(By.id("roster")).getText();
        assertTrue(roster.contains("dana@example.test") && roster.contains("Dana Doe")
                && roster.contains("erin@example.test"), roster);
        clickAndWait(By.linkText("dana@example.test"));
        assertEquals("on", browser.findElement(By.id("delivery")).getText());
        assertEquals("0.0", browser.findElement(By.id("bounce-score")).getText());
        browser.navigate().back();
        browser.findElement(By.id("q")).sendKeys("erin");
        clickAndWait(By.id("search"));
        assertEquals("1", browser.findElement(By.id("total")).getText());
        browser.findElement(By.id("q")).clear();
        clickAndWait(By.id("search"));
        screenshot("members");

        // a non-member's post is held; bob reads it (as text, never as HTML) and accepts it
        String swaks = run("swaks", "--server", "127.0.0.1:" + smtpPort, "--from", "frank@example.test", "--to",
                SECOND, "--header", "Subject: a question from outside", "--body",
                "Hello list <script>alert('x')</script> <b>bold</b>");
        assertTrue(swaks.contains("<-  250 2.0.0 Ok: queued as"), swaks);
        Poll.until("the post held on the second list", Duration.ofSeconds(60), () -> heldCount(SECOND) == 1);
        browser.get(base + "/admin/lists/" + SECOND + "/held");
        assertTrue(browser.findElement(By.id("held")).getText().contains("a question from outside"),
                browser.getPageSource());
        clickAndWait(By.partialLinkText("a question from outside"));
        String body = browser.findElement(By.id("body")).getText();
        assertTrue(body.contains("Hello list <script>alert('x')</script> <b>bold</b>"), body);
        assertTrue(browser.findElements(By.cssSelector("#body b, #body script")).isEmpty(), "shown as text only");
        assertFalse(browser.findElement(By.id("reasons")).getText().isBlank(), "the page says why it is held");
        screenshot("held-message");
        clickAndWait(By.id("accept"));
        assertTrue(browser.findElement(By.id("flash")).getText().contains("accepted and sent to the list"),
                browser.findElement(By.id("flash")).getText());
        assertFalse(browser.findElements(By.id("no-held")).isEmpty(), "the queue is empty now");
        for (String member : List.of("dana", "erin")) {
            Poll.until("the accepted post in " + member + "'s Maildir", Duration.ofSeconds(60),
                    () -> maildir(member).stream().anyMatch(f -> read(f).contains("a question from outside")));
        }
        clickAndWait(By.id("logout"));
    }

    private void moderatorCannotOpenOwnerTools() throws Exception {
        Session alice = Session.open(this);
        alice.login("alice", "alice's password");
        HttpResponse<String> heldPage = get("/admin/lists/" + DEMO + "/held", null, alice.cookie);
        assertEquals(200, heldPage.statusCode());
        assertTrue(heldPage.body().contains("id=\"nav-pending\"") && !heldPage.body().contains("id=\"nav-members\""),
                "a moderator's pages link to moderation only");
        assertEquals(200, get("/admin/lists/" + DEMO + "/pending", null, alice.cookie).statusCode());
        for (String page : List.of("members", "import", "bans", "header-matches", "bounces")) {
            HttpResponse<String> r = get("/admin/lists/" + DEMO + "/" + page, null, alice.cookie);
            assertEquals(403, r.statusCode(), page);
            assertTrue(r.body().contains("needs the owner role"), r.body());
            assertEquals(404, get("/admin/lists/" + SECOND + "/" + page, null, alice.cookie).statusCode(), page);
        }
        assertEquals(404, get("/admin/lists/" + SECOND + "/held", null, alice.cookie).statusCode());
        HttpResponse<String> noToken = alice.post("/admin/lists/" + DEMO + "/held",
                form("id", "1", "action", "discard"), base);
        assertEquals(403, noToken.statusCode(), "a form without the CSRF token is refused");
        HttpResponse<String> ownerForm = alice.post("/admin/lists/" + DEMO + "/bans",
                form("pattern", "x@example.test", "_csrf", alice.csrf), base);
        assertEquals(403, ownerForm.statusCode(), "a moderator may not ban");
    }

    private void ownerToolsRestApi() throws Exception {
        String admin = Files.readString(data.resolve("run").resolve("api-token")).strip();
        String members = "/api/lists/" + SECOND + "/members";

        // members: pages, search, one member; 401 / 403 / 404
        assertEquals(401, get(members, null, null).statusCode());
        HttpResponse<String> page = get(members + "?size=1&page=2", BOB_TOKEN, null);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("\"total\":2") && page.body().contains("\"pages\":2")
                && page.body().contains("\"address\":\"erin@example.test\""), page.body());
        assertTrue(get(members + "?q=Doe", BOB_TOKEN, null).body().contains("\"total\":1"));
        assertEquals(400, get(members + "?size=501", BOB_TOKEN, null).statusCode());
        HttpResponse<String> dana = get(members + "/dana@example.test", BOB_TOKEN, null);
        assertTrue(dana.body().contains("\"name\":\"Dana Doe\"") && dana.body().contains("\"bounceScore\":0"),
                dana.body());
        assertEquals(404, get(members + "/nobody@example.test", BOB_TOKEN, null).statusCode());
        assertEquals(404, get(members, ALICE_TOKEN, null).statusCode(), "alice has no role on the second list");
        HttpResponse<String> moderator = get("/api/lists/" + DEMO + "/members", ALICE_TOKEN, null);
        assertEquals(403, moderator.statusCode());
        assertEquals("forbidden", json(moderator.body(), "error"));

        // add one, add many, refuse a bad address (nothing changes), remove one and many
        HttpResponse<String> one = send("POST", members, "{\"address\": \"gina@example.test\", \"name\": \"Gina\"}",
                BOB_TOKEN);
        assertEquals(200, one.statusCode(), one.body());
        assertTrue(one.body().contains("\"added\":[\"gina@example.test\"]"), one.body());
        HttpResponse<String> many = send("POST", members,
                "{\"members\": [{\"address\": \"hal@example.test\"}, \"ivy@example.test\", \"gina@example.test\"]}",
                BOB_TOKEN);
        assertTrue(many.body().contains("\"added\":[\"hal@example.test\",\"ivy@example.test\"]")
                && many.body().contains("\"already\":[\"gina@example.test\"]"), many.body());
        HttpResponse<String> bad = send("POST", members, "{\"members\": [\"jo@example.test\", \"not an address\"]}",
                BOB_TOKEN);
        assertEquals(400, bad.statusCode());
        assertEquals("invalid_request", json(bad.body(), "error"));
        assertEquals(5, memberCount(SECOND), "the refused bulk add added nobody");
        assertEquals(404, send("POST", "/api/lists/" + DEMO + "/members", "{\"address\": \"x@example.test\"}",
                BOB_TOKEN).statusCode());
        assertEquals(204, send("DELETE", members + "/gina@example.test", null, BOB_TOKEN).statusCode());
        assertEquals(404, send("DELETE", members + "/gina@example.test", null, BOB_TOKEN).statusCode());
        HttpResponse<String> removed = send("DELETE", members + "?address=hal@example.test&address=zed@example.test",
                null, BOB_TOKEN);
        assertTrue(removed.body().contains("\"removed\":[\"hal@example.test\"]")
                && removed.body().contains("\"notMembers\":[\"zed@example.test\"]"), removed.body());
        HttpResponse<String> export = get(members + "/export.csv", BOB_TOKEN, null);
        assertEquals(200, export.statusCode());
        assertTrue(export.body().startsWith("address,name,delivery,mode,subscribed,bounce_score")
                && export.body().contains("dana@example.test,Dana Doe,enabled,regular,"), export.body());
        assertEquals(403, get("/api/lists/" + DEMO + "/members/export.csv", ALICE_TOKEN, null).statusCode());

        // import by REST: preview (replace mode), confirm, poll
        HttpResponse<String> preview = sendAs("POST", members + "/imports?mode=replace", "text/csv",
                "Dana Doe <dana@example.test>\nkim@example.test, Kim\n", BOB_TOKEN);
        assertEquals(201, preview.statusCode(), preview.body());
        assertTrue(preview.body().contains("\"toAdd\":1") && preview.body().contains("\"alreadyMembers\":1")
                && preview.body().contains("\"toRemove\":2"), preview.body());
        String id = preview.body().replaceAll(".*\"id\":(\\d+).*", "$1");
        assertEquals(202, send("POST", members + "/imports/" + id, "", BOB_TOKEN).statusCode());
        Poll.until("the REST import done", Duration.ofSeconds(60),
                () -> get(members + "/imports/" + id, BOB_TOKEN, null).body().contains("\"status\":\"done\""));
        assertEquals(2, memberCount(SECOND), "dana and kim; erin and ivy were removed");
        assertEquals(404, get(members + "/imports/" + id, ALICE_TOKEN, null).statusCode());

        // an import whose node stopped half way stays running without progress; confirming it again resumes it
        // after its last committed batch (here: one of its two changes), so nothing is done or sent twice
        HttpResponse<String> two = sendAs("POST", members + "/imports", "text/csv",
                "lena@example.test\nmona@example.test\n", BOB_TOKEN);
        String stalled = two.body().replaceAll(".*\"id\":(\\d+).*", "$1");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE roster_import SET status = 'RUNNING', done_count = 1,"
                    + " progress_at = NOW(6) - INTERVAL 1 HOUR WHERE id = " + Long.parseLong(stalled));
        }
        String before = get(members + "/imports/" + stalled, BOB_TOKEN, null).body();
        assertTrue(before.contains("\"status\":\"running\"") && before.contains("\"stalled\":true"), before);
        assertEquals(202, send("POST", members + "/imports/" + stalled, "", BOB_TOKEN).statusCode());
        Poll.until("the stalled import resumed and done", Duration.ofSeconds(60),
                () -> get(members + "/imports/" + stalled, BOB_TOKEN, null).body().contains("\"status\":\"done\""));
        String resumed = get(members + "/imports/" + stalled, BOB_TOKEN, null).body();
        assertTrue(
                resumed.contains("Resumed after 1 changes already applied: 1 added") && resumed.contains("\"done\":2"),
                resumed);
        assertEquals(404, get(members + "/lena@example.test", BOB_TOKEN, null).statusCode(),
                "the change counted as done is not applied again");
        assertEquals(200, get(members + "/mona@example.test", BOB_TOKEN, null).statusCode());
        assertEquals(3, memberCount(SECOND), "mona was added by the resumed import");
        assertEquals(204, send("DELETE", members + "/mona@example.test", null, BOB_TOKEN).statusCode());

        // held posts: alice moderates the demo list (in emergency mode since restApi(), so posts are held)
        String held = "/api/lists/" + DEMO + "/held";
        String swaks = run("swaks", "--server", "127.0.0.1:" + smtpPort, "--from", "alice@example.test", "--to", DEMO,
                "--header", "Subject: held by the emergency", "--body", "text");
        assertTrue(swaks.contains("<-  250 2.0.0 Ok: queued as"), swaks);
        Poll.until("the post held on the demo list", Duration.ofSeconds(60), () -> heldCount(DEMO) == 1);
        HttpResponse<String> queue = get(held, ALICE_TOKEN, null);
        assertEquals(200, queue.statusCode());
        assertTrue(queue.body().contains("\"subject\":\"held by the emergency\""), queue.body());
        String heldId = queue.body().replaceAll(".*\"id\":(\\d+).*", "$1");
        HttpResponse<String> post = get(held + "/" + heldId, ALICE_TOKEN, null);
        assertTrue(post.body().contains("\"text\":\"text"), post.body());
        assertEquals(404, get(held, BOB_TOKEN, null).statusCode());
        assertEquals(404, get(held + "/999999", ALICE_TOKEN, null).statusCode());
        assertEquals(400, send("POST", held + "/" + heldId, "{\"action\": \"explode\"}", ALICE_TOKEN).statusCode());
        HttpResponse<String> deferred = send("POST", held + "/" + heldId, "{\"action\": \"defer\"}", ALICE_TOKEN);
        assertTrue(deferred.body().contains("\"done\":true"), deferred.body());
        assertEquals(1, heldCount(DEMO), "deferred posts stay held");
        HttpResponse<String> rejected = send("POST", held, "{\"ids\": [" + heldId + ", 999999], \"action\": \"reject\","
                + " \"reason\": \"off topic\"}", ALICE_TOKEN);
        assertEquals(200, rejected.statusCode(), rejected.body());
        assertTrue(rejected.body().contains("\"done\":true") && rejected.body().contains("\"done\":false"),
                rejected.body());
        assertEquals(0, heldCount(DEMO));
        for (String subject : List.of("second held post", "third held post")) {
            String sent = run("swaks", "--server", "127.0.0.1:" + smtpPort, "--from", "alice@example.test", "--to",
                    DEMO, "--header", "Subject: " + subject, "--body", "text");
            assertTrue(sent.contains("<-  250 2.0.0 Ok: queued as"), sent);
        }
        Poll.until("two posts held on the demo list", Duration.ofSeconds(60), () -> heldCount(DEMO) == 2);
        Matcher idsOf = Pattern.compile("\"id\":(\\d+)").matcher(get(held, ALICE_TOKEN, null).body());
        List<String> ids = new java.util.ArrayList<>();
        while (idsOf.find()) {
            ids.add(idsOf.group(1));
        }
        assertEquals(2, ids.size());
        HttpResponse<String> unmoderated = send("POST", held + "/" + ids.get(0),
                "{\"action\": \"accept-and-unmoderate\"}", ALICE_TOKEN);
        assertTrue(unmoderated.body().contains("are no longer moderated"), unmoderated.body());
        HttpResponse<String> discarded = send("POST", held + "/" + ids.get(1), "{\"action\": \"discard\"}",
                ALICE_TOKEN);
        assertTrue(discarded.body().contains("\"detail\":\"discarded\""), discarded.body());
        assertEquals(0, heldCount(DEMO));

        // pending subscriptions: moderators see them; an unknown one is 404; other lists 404
        String pending = "/api/lists/" + DEMO + "/pending";
        assertEquals(200, get(pending, ALICE_TOKEN, null).statusCode());
        assertEquals(404, send("POST", pending + "/999999", "{\"action\": \"approve\"}", ALICE_TOKEN).statusCode());
        assertEquals(400, send("POST", pending + "/1", "{\"action\": \"maybe\"}", ALICE_TOKEN).statusCode());
        assertEquals(404, get(pending, BOB_TOKEN, null).statusCode());
        // a request by email on a moderated list waits for bob, who approves it
        assertEquals(200, patch("/api/lists/" + SECOND, "{\"subscriptionPolicy\": \"moderate\"}", BOB_TOKEN, null,
                null).statusCode());
        String join = run("swaks", "--server", "127.0.0.1:" + smtpPort, "--from", "lee@example.test", "--to",
                "second-join@lists.example.test", "--header", "Subject: join", "--body", "join");
        assertTrue(join.contains("<-  250 2.0.0 Ok: queued as"), join);
        String secondPending = "/api/lists/" + SECOND + "/pending";
        Poll.until("lee's request waiting for a moderator", Duration.ofSeconds(60),
                () -> get(secondPending, BOB_TOKEN, null).body().contains("\"address\":\"lee@example.test\""));
        String request = get(secondPending, BOB_TOKEN, null).body();
        assertTrue(request.contains("\"awaitsModerator\":true") && request.contains("\"kind\":\"subscribe\""),
                request);
        String requestId = request.replaceAll(".*\"id\":(\\d+).*", "$1");
        HttpResponse<String> approved = send("POST", secondPending + "/" + requestId, "{\"action\": \"approve\"}",
                BOB_TOKEN);
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals(3, memberCount(SECOND), "lee joined: " + approved.body());
        assertEquals("[]", get(secondPending, BOB_TOKEN, null).body());
        assertEquals(404, send("POST", secondPending + "/" + requestId, "{\"action\": \"approve\"}", BOB_TOKEN)
                .statusCode(), "a request decided once is gone");

        // bans: list-level for owners, site-level for site admins
        String bans = "/api/lists/" + SECOND + "/bans";
        HttpResponse<String> ban = send("POST", bans, "{\"pattern\": \"spammer@example.test\"}", BOB_TOKEN);
        assertEquals(201, ban.statusCode(), ban.body());
        assertEquals(201, send("POST", bans, "{\"pattern\": \"^.*@spam\\\\.example$\"}", BOB_TOKEN).statusCode());
        assertEquals(400, send("POST", bans, "{\"pattern\": \"^(unclosed\"}", BOB_TOKEN).statusCode());
        assertEquals(400, send("POST", bans, "{\"pattern\": \"spammer@example.test\"}", BOB_TOKEN).statusCode());
        String banList = get(bans, BOB_TOKEN, null).body();
        assertTrue(banList.contains("\"pattern\":\"spammer@example.test\",\"regex\":false")
                || banList.contains("\"regex\":false"), banList);
        String banId = ban.body().replaceAll(".*\"id\":(\\d+).*", "$1");
        assertEquals(204, send("DELETE", bans + "/" + banId, null, BOB_TOKEN).statusCode());
        assertFalse(get(bans, BOB_TOKEN, null).body().contains("spammer@example.test"));
        assertEquals(403, get("/api/lists/" + DEMO + "/bans", ALICE_TOKEN, null).statusCode());
        assertEquals(404, get("/api/lists/" + DEMO + "/bans", BOB_TOKEN, null).statusCode());
        assertEquals(403, get("/api/bans", BOB_TOKEN, null).statusCode());
        assertEquals(403, send("POST", "/api/bans", "{\"pattern\": \"x@example.test\"}", BOB_TOKEN).statusCode());
        assertEquals(201, send("POST", "/api/bans", "{\"pattern\": \"x@example.test\"}", admin).statusCode());
        assertTrue(get("/api/bans", admin, null).body().contains("x@example.test"));

        // header matches: ordered rows
        String matches = "/api/lists/" + SECOND + "/header-matches";
        HttpResponse<String> first = send("POST", matches,
                "{\"header\": \"X-Spam-Flag\", \"pattern\": \"YES\", \"action\": \"discard\"}", BOB_TOKEN);
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> second = send("POST", matches,
                "{\"header\": \"Subject\", \"pattern\": \"(?i)viagra\", \"action\": \"hold\"}", BOB_TOKEN);
        assertTrue(second.body().contains("\"position\":2"), second.body());
        assertEquals(400, send("POST", matches, "{\"header\": \"Subject\", \"pattern\": \"x\", \"action\": \"burn\"}",
                BOB_TOKEN).statusCode());
        assertEquals(400, send("POST", matches, "{\"header\": \"Bad Header:\", \"pattern\": \"x\", \"action\":"
                + " \"hold\"}", BOB_TOKEN).statusCode());
        String secondId = second.body().replaceAll(".*\"id\":(\\d+).*", "$1");
        HttpResponse<String> moved = send("POST", matches + "/" + secondId + "/move", "{\"direction\": \"up\"}",
                BOB_TOKEN);
        assertTrue(moved.body().indexOf("Subject") < moved.body().indexOf("X-Spam-Flag"), moved.body());
        assertEquals(204, send("DELETE", matches + "/" + secondId, null, BOB_TOKEN).statusCode());
        String left = get(matches, BOB_TOKEN, null).body();
        assertTrue(left.contains("\"header\":\"X-Spam-Flag\"") && left.contains("\"position\":1")
                && !left.contains("Subject"), left);
        assertEquals(403, get("/api/lists/" + DEMO + "/header-matches", ALICE_TOKEN, null).statusCode());

        // bounce status
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE member m JOIN mailing_list l ON l.id = m.list_id SET m.bounce_score = 2.5,"
                    + " m.last_bounce_at = NOW() WHERE l.name = 'second' AND m.address = 'kim@example.test'");
        }
        HttpResponse<String> bouncing = get("/api/lists/" + SECOND + "/bounces", BOB_TOKEN, null);
        assertEquals(200, bouncing.statusCode());
        assertTrue(bouncing.body().contains("\"address\":\"kim@example.test\"") && bouncing.body().contains(
                "\"score\":2.5") && !bouncing.body().contains("dana@"), bouncing.body());
        assertEquals(403, get("/api/lists/" + DEMO + "/bounces", ALICE_TOKEN, null).statusCode());
        assertEquals(401, get("/api/lists/" + SECOND + "/bounces", null, null).statusCode());

        // the same things on the owner's pages
        Session bob = Session.open(this);
        bob.login("bob", "bob's new password");
        String page2 = "/admin/lists/" + SECOND + "/";
        assertTrue(get(page2 + "bans", null, bob.cookie).body().contains("^.*@spam\\.example$"));
        assertTrue(get(page2 + "header-matches", null, bob.cookie).body().contains("X-Spam-Flag"));
        assertTrue(get(page2 + "bounces", null, bob.cookie).body().contains("kim@example.test"));
        assertTrue(get(page2 + "pending", null, bob.cookie).body().contains("No request is open."));
        HttpResponse<String> csv = get(page2 + "members/export.csv", null, bob.cookie);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment")
                && csv.body().contains("kim@example.test,Kim,enabled"), csv.body());
        HttpResponse<String> banned = bob.post(page2 + "bans", form("pattern", "lee@example.test", "_csrf", bob.csrf),
                base);
        assertEquals(303, banned.statusCode(), banned.body());
        assertTrue(get(page2 + "bans", null, bob.cookie).body().contains("lee@example.test is banned."));
        HttpResponse<String> badBan = bob.post(page2 + "bans", form("pattern", "^(", "_csrf", bob.csrf), base);
        assertEquals(400, badBan.statusCode());
        assertTrue(badBan.body().contains("Not a valid regular expression"), badBan.body());

        String openapi = get("/openapi", null, null).body();
        assertTrue(openapi.contains("/api/lists/{list}/members:") && openapi.contains("/api/lists/{list}/held/{id}:"),
                openapi);
    }

    /**
     * Settings over REST (several at once, a bad one refusing them all) and on the settings pages in Chromium:
     * bob changes the subject prefix and turns emergency moderation on, then dana's post is held; with emergency
     * off again a post reaches lee with the new prefix. Alice (moderator) gets 403 on the settings pages.
     */
    private void listSettingsByRestAndWeb() throws Exception {
        String api = "/api/lists/" + SECOND;
        HttpResponse<String> several = patch(api, "{\"footerTemplate\": \"-- \\n$display_name <$listname>\","
                + " \"bounceScoreThreshold\": 3.5, \"digestPeriod\": \"weekly\", \"rosterVisibility\": \"MEMBERS\","
                + " \"suspiciousHeaders\": \"X-Spam-Flag: ^YES\", \"respondToPostRequests\": false}", BOB_TOKEN, null,
                null);
        assertEquals(200, several.statusCode(), several.body());
        String now = get(api, BOB_TOKEN, null).body();
        for (String expected : List.of("\"footerTemplate\":\"-- \\n$display_name <$listname>\"",
                "\"bounceScoreThreshold\":3.5", "\"digestPeriod\":\"WEEKLY\"", "\"rosterVisibility\":\"MEMBERS\"",
                "\"suspiciousHeaders\":\"X-Spam-Flag: ^YES\"", "\"respondToPostRequests\":false")) {
            assertTrue(now.contains(expected), expected + " in " + now);
        }
        HttpResponse<String> bad = patch(api, "{\"maxMessageSizeKb\": 100, \"footerTemplate\": \"$nonsuch\","
                + " \"acceptableAliases\": \"^([\", \"digestPeriod\": \"hourly\"}", BOB_TOKEN, null, null);
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("\"footerTemplate\":\"unknown placeholder $nonsuch")
                && bad.body().contains("\"acceptableAliases\":\"line 1: not a regular expression")
                && bad.body().contains("\"digestPeriod\":\"must be one of DAILY, WEEKLY, MONTHLY\"")
                && !bad.body().contains("maxMessageSizeKb"), bad.body());
        HttpResponse<String> explicit = patch(api, "{\"replyToPolicy\": \"EXPLICIT\"}", BOB_TOKEN, null, null);
        assertEquals(400, explicit.statusCode(), explicit.body());
        assertTrue(explicit.body().contains("\"replyToAddress\""), explicit.body());
        String after = get(api, BOB_TOKEN, null).body();
        assertTrue(after.contains("\"maxMessageSizeKb\":40") && after.contains("\"replyToPolicy\":\"NONE\"")
                && after.contains("\"footerTemplate\":\"-- \\n$display_name <$listname>\""),
                "nothing changed: " + after);

        // the pages: bob changes the prefix (a bad display name first: refused, values kept), then emergency on
        browser.get(base + "/admin/login");
        login("bob", "bob's new password");
        browser.get(base + "/admin/lists/" + SECOND);
        clickAndWait(By.id("open-settings"));
        assertEquals("General", browser.findElement(By.cssSelector("main h2")).getText());
        assertFalse(browser.findElement(By.id("subjectPrefix-help")).getText().isBlank(), "each field has help");
        browser.findElement(By.id("subjectPrefix")).clear();
        browser.findElement(By.id("subjectPrefix")).sendKeys("[two] ");
        String displayName = browser.findElement(By.id("displayName")).getAttribute("value");
        browser.findElement(By.id("displayName")).clear();
        clickAndWait(By.id("save"));
        assertEquals("must be one line of 1 to 200 characters",
                browser.findElement(By.id("displayName-error")).getText());
        assertEquals("[two] ", browser.findElement(By.id("subjectPrefix")).getAttribute("value"), "the value is kept");
        assertTrue(get(api, BOB_TOKEN, null).body().contains("\"subjectPrefix\":\"[2nd] \""), "nothing changed");
        browser.findElement(By.id("displayName")).sendKeys(displayName);
        clickAndWait(By.id("save"));
        assertEquals("General saved: changed subject prefix.", browser.findElement(By.id("flash")).getText());
        assertEquals("[two] ", browser.findElement(By.id("subjectPrefix")).getAttribute("value"));
        clickAndWait(By.id("section-posting"));
        assertFalse(browser.findElement(By.id("emergency")).isSelected());
        browser.findElement(By.id("emergency")).click();
        clickAndWait(By.id("save"));
        assertEquals("Posting and moderation saved: changed emergency moderation.",
                browser.findElement(By.id("flash")).getText());
        assertTrue(browser.findElement(By.id("emergency")).isSelected());
        screenshot("settings");
        long heldBefore = heldCount(SECOND);
        String swaks = run("swaks", "--server", "127.0.0.1:" + smtpPort, "--from", "dana@example.test", "--to",
                SECOND, "--header", "Subject: held in an emergency", "--body", "a member's post");
        assertTrue(swaks.contains("<-  250 2.0.0 Ok: queued as"), swaks);
        Poll.until("dana's post held by emergency moderation", Duration.ofSeconds(60),
                () -> heldCount(SECOND) == heldBefore + 1);
        String queue = get(api + "/held", BOB_TOKEN, null).body();
        assertTrue(queue.contains("held in an emergency"), queue);
        clickAndWait(By.id("logout"));

        // emergency off again over REST: a member's post reaches lee with the prefix set on the page
        assertEquals(200, patch(api, "{\"emergency\": false}", BOB_TOKEN, null, null).statusCode());
        run("swaks", "--server", "127.0.0.1:" + smtpPort, "--from", "dana@example.test", "--to", SECOND, "--header",
                "Subject: after the emergency", "--body", "a member's post");
        Poll.until("the post in a member's Maildir with the new prefix", Duration.ofSeconds(60),
                () -> Stream.concat(maildir("lee").stream(), maildir("dana").stream())
                        .anyMatch(f -> read(f).contains("Subject: [two] after the emergency")));

        // a moderator may not open or post the settings pages
        String demoBefore = get("/api/lists/" + DEMO, adminToken(), null).body();
        Session alice = Session.open(this);
        alice.login("alice", "alice's password");
        HttpResponse<String> page = get("/admin/lists/" + DEMO + "/settings/general", null, alice.cookie);
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("needs the owner role"), page.body());
        assertEquals(404, get("/admin/lists/" + SECOND + "/settings/general", null, alice.cookie).statusCode());
        HttpResponse<String> post = alice.post("/admin/lists/" + DEMO + "/settings/posting",
                form("emergency", "true", "_csrf", alice.csrf), base);
        assertEquals(403, post.statusCode());
        assertEquals(demoBefore, get("/api/lists/" + DEMO, adminToken(), null).body(),
                "the refused form changed nothing");
    }

    /**
     * A member's options: bob turns kim's delivery off over REST (a bad option changes nothing), then on the
     * member page re-enables dana, whose delivery bounces had turned off: delivery on, bounce score 0.
     */
    private void memberOptionsByRestAndWeb() throws Exception {
        String kim = "/api/lists/" + SECOND + "/members/kim@example.test";
        HttpResponse<String> off = patch(kim, "{\"deliveryEnabled\": false, \"moderationAction\": \"hold\","
                + " \"hideAddress\": true}", BOB_TOKEN, null, null);
        assertEquals(200, off.statusCode(), off.body());
        assertTrue(off.body().contains("\"deliveryEnabled\":false")
                && off.body().contains("\"disabledReason\":\"by_moderator\"")
                && off.body().contains("\"moderationAction\":\"hold\"") && off.body().contains("\"hideAddress\":true"),
                off.body());
        HttpResponse<String> bad = patch(kim, "{\"deliveryEnabled\": true, \"deliveryMode\": \"pigeon\"}", BOB_TOKEN,
                null, null);
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("\"deliveryMode\":\"must be one of REGULAR, MIME_DIGEST, PLAIN_DIGEST\""),
                bad.body());
        assertTrue(get(kim, BOB_TOKEN, null).body().contains("\"deliveryEnabled\":false"), "nothing changed");
        assertEquals(403, patch("/api/lists/" + DEMO + "/members/alice@example.test", "{\"hideAddress\": true}",
                ALICE_TOKEN, null, null).statusCode());

        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE member m JOIN mailing_list l ON l.id = m.list_id SET m.delivery_enabled = FALSE,"
                    + " m.disabled_reason = 'BY_BOUNCES', m.disabled_at = NOW(), m.bounce_score = 5.5,"
                    + " m.bounce_warnings_sent = 2 WHERE l.name = 'second' AND m.address = 'dana@example.test'"
                    + " AND m.role = 'MEMBER'");
        }
        browser.get(base + "/admin/login");
        login("bob", "bob's new password");
        browser.get(base + "/admin/lists/" + SECOND + "/members/dana@example.test");
        assertTrue(browser.findElement(By.id("delivery")).getText().startsWith("off (by_bounces"),
                browser.findElement(By.id("delivery")).getText());
        assertEquals("5.5", browser.findElement(By.id("bounce-score")).getText());
        browser.findElement(By.id("deliveryEnabled")).click();
        clickAndWait(By.id("save-options"));
        assertEquals("The options of dana@example.test are saved; delivery is on.",
                browser.findElement(By.id("flash")).getText());
        assertEquals("on", browser.findElement(By.id("delivery")).getText());
        assertEquals("0.0", browser.findElement(By.id("bounce-score")).getText());
        String dana = get("/api/lists/" + SECOND + "/members/dana@example.test", BOB_TOKEN, null).body();
        assertTrue(dana.contains("\"deliveryEnabled\":true") && dana.contains("\"bounceScore\":0")
                && dana.contains("\"bounceWarningsSent\":0"), dana);
        // both changes are in the membership audit, with the owner who made them
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT address, actor, detail FROM membership_event"
                        + " WHERE event = 'OPTION_SET' AND address IN ('kim@example.test', 'dana@example.test')"
                        + " ORDER BY id")) {
            List<String> audit = new java.util.ArrayList<>();
            while (rs.next()) {
                audit.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            }
            // members hide their address by default: only what changed is written
            assertEquals(List.of("kim@example.test|bob|by an owner: delivery off; moderation list default -> HOLD",
                    "dana@example.test|bob|by an owner: delivery on (was off: BY_BOUNCES; bounce score 5.5 cleared)"),
                    audit);
        }
        clickAndWait(By.id("logout"));
    }

    /** The site admin bans a pattern from every list on the page, sees it over REST, lifts it; bob gets 403. */
    private void siteBansPage() throws Exception {
        browser.get(base + "/admin/login");
        login("admin", adminPassword);
        browser.get(base + "/admin/site/bans");
        browser.findElement(By.id("pattern")).sendKeys("^.*@junk\\.example$");
        clickAndWait(By.id("ban"));
        assertEquals("^.*@junk\\.example$ is banned from every list.", browser.findElement(By.id("done")).getText());
        assertTrue(browser.findElement(By.id("bans")).getText().contains("^.*@junk\\.example$ regular expression"),
                browser.findElement(By.id("bans")).getText());
        assertTrue(get("/api/bans", adminToken(), null).body().contains("\"pattern\":\"^.*@junk\\\\.example$\""),
                "the page's ban is the API's");
        browser.findElement(By.id("pattern")).sendKeys("^(unclosed");
        clickAndWait(By.id("ban"));
        assertFalse(browser.findElement(By.id("error")).getText().isBlank(), "the refusal is on the page");
        assertEquals("^(unclosed", browser.findElement(By.id("pattern")).getAttribute("value"), "the value is kept");
        assertFalse(get("/api/bans", adminToken(), null).body().contains("unclosed"), "nothing banned");
        String id = get("/api/bans", adminToken(), null).body()
                .replaceAll(".*\"id\":(\\d+),\"pattern\":\"\\^\\.\\*@junk.*", "$1");
        clickAndWait(By.id("lift-" + id));
        assertEquals("The ban is lifted.", browser.findElement(By.id("done")).getText());
        assertFalse(get("/api/bans", adminToken(), null).body().contains("junk"), "lifted");
        clickAndWait(By.id("logout"));
        Session bob = Session.open(this);
        bob.login("bob", "bob's new password");
        assertEquals(403, get("/admin/site/bans", null, bob.cookie).statusCode());
        assertEquals(403, bob.post("/admin/site/bans", form("pattern", "x@example.test", "_csrf", bob.csrf), base)
                .statusCode());
    }

    private String adminToken() throws Exception {
        return Files.readString(data.resolve("run").resolve("api-token")).strip();
    }

    /** The members page of a list of 100,000 members: pages across the roster and searches, timed. */
    private void membersPageAtOneHundredThousand() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO mailing_list (domain_id, name, display_name, subject_prefix)"
                    + " SELECT id, 'big', 'Big list', '[big] ' FROM domain WHERE name = 'lists.example.test'");
            s.executeUpdate("INSERT INTO member (list_id, address, display_name, role)"
                    + " SELECT l.id, CONCAT('user', LPAD(seq, 6, '0'), '@example.org'), CONCAT('User ', seq), 'MEMBER'"
                    + " FROM mailing_list l JOIN seq_1_to_100000 WHERE l.name = 'big'");
            s.execute("ANALYZE TABLE member");
        }
        String admin = Files.readString(data.resolve("run").resolve("api-token")).strip();
        String path = "/api/lists/big@lists.example.test/members";
        for (int i = 0; i < 10; i++) {
            get(path + "?page=" + (i * 97 + 1), admin, null);
        }
        java.util.Random random = new java.util.Random(42);
        long[] pages = new long[100];
        long[] searches = new long[100];
        for (int i = 0; i < 100; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(path + "?size=50&page=" + (1 + random.nextInt(2000)), admin, null);
            pages[i] = System.nanoTime() - t0;
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("\"total\":100000"), r.body());
            t0 = System.nanoTime();
            r = get(path + "?size=50&q=user0" + (10 + random.nextInt(89)), admin, null);
            searches[i] = System.nanoTime() - t0;
            assertTrue(r.body().contains("\"total\":1000}"), r.body());
        }
        HttpResponse<String> html = null;
        long[] web = new long[50];
        Session s = Session.open(this);
        s.login("admin", adminPassword);
        for (int i = 0; i < 50; i++) {
            long t0 = System.nanoTime();
            html = get("/admin/lists/big@lists.example.test/members?page=" + (1 + random.nextInt(2000)), null,
                    s.cookie);
            web[i] = System.nanoTime() - t0;
        }
        assertTrue(html.body().contains("100000"), html.body());
        System.out.printf("members page at 100k: REST page p50 %.1f ms p95 %.1f ms; REST search p50 %.1f ms"
                + " p95 %.1f ms; web page p50 %.1f ms p95 %.1f ms%n", pct(pages, 50), pct(pages, 95),
                pct(searches, 50), pct(searches, 95), pct(web, 50), pct(web, 95));
        assertTrue(pct(pages, 95) < 1000 && pct(searches, 95) < 1000 && pct(web, 95) < 1000,
                "far too slow: see the printed times");
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private long memberCount(String list) throws Exception {
        return count("SELECT COUNT(*) FROM member m JOIN mailing_list l ON l.id = m.list_id WHERE m.role = 'MEMBER'"
                + " AND l.name = '" + list.substring(0, list.indexOf('@')) + "'");
    }

    private long heldCount(String list) throws Exception {
        return count("SELECT COUNT(*) FROM held_message h JOIN mailing_list l ON l.id = h.list_id WHERE l.name = '"
                + list.substring(0, list.indexOf('@')) + "'");
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return output;
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return sendAs(method, path, "application/json", body, token);
    }

    private HttpResponse<String> sendAs(String method, String path, String type, String body, String token)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", type).method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        auth(b, token, null);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Fills and sends the login form, and waits for the answer page; when someone is logged in already (the login
     * page then forwards), that session is dropped first.
     */
    private void login(String username, String password) {
        if (browser.findElements(By.id("username")).isEmpty()) {
            browser.manage().deleteAllCookies();
            browser.get(base + "/admin/login");
        }
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        clickAndWait(By.id("login"));
    }

    private void clickAndWait(By element) {
        Browser.clickAndWait(browser, element);
    }

    private String sessionCookie() {
        Cookie c = browser.manage().getCookieNamed("QUIRE_SESSION");
        assertNotNull(c, "the browser holds a session cookie");
        return "QUIRE_SESSION=" + c.getValue();
    }

    private void screenshot(String name) throws Exception {
        Browser.screenshot(browser, name);
    }

    private HttpResponse<String> get(String path, String token, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        auth(b, token, cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> patch(String path, String body, String token, String cookie, String csrf)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Origin", base)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
        auth(b, token, cookie);
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void auth(HttpRequest.Builder b, String token, String cookie) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
    }

    private static String form(String... pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            sb.append(sb.length() == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** One string field of a flat JSON object (enough for these answers). */
    private static String json(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private List<Path> maildir(String user) throws Exception {
        Path dir = data.resolve("mail/example.test").resolve(user).resolve("new");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** A browser-less session over HTTP: its cookie and CSRF token, taken from the login page. */
    private static final class Session {
        private final WebAdminEndToEndIT test;
        private String cookie;
        private String csrf;

        private Session(WebAdminEndToEndIT test) {
            this.test = test;
        }

        static Session open(WebAdminEndToEndIT test) throws Exception {
            Session s = new Session(test);
            s.refresh();
            return s;
        }

        void refresh() throws Exception {
            HttpResponse<String> page = test.get("/admin/login", null, cookie);
            page.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            csrf = m.find() ? m.group(1) : null;
        }

        void login(String user, String password) throws Exception {
            HttpResponse<String> r = post("/admin/login", form("username", user, "password", password, "_csrf", csrf),
                    test.base);
            assertEquals(303, r.statusCode(), r.body());
            cookie = r.headers().firstValue("Set-Cookie").map(c -> c.substring(0, c.indexOf(';'))).orElse(cookie);
            HttpResponse<String> home = test.get("/admin", null, cookie);
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(home.body());
            csrf = m.find() ? m.group(1) : null;
            assertNull(home.headers().firstValue("Location").orElse(null), "logged in");
        }

        HttpResponse<String> post(String path, String body, String origin) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(test.base + path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", origin).POST(HttpRequest.BodyPublishers.ofString(body));
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            return test.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
