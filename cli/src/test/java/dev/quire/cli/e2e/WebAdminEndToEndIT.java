package dev.quire.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
 * the session; a password is reset through the emailed link; every REST resource answers its allowed and
 * forbidden callers with the JSON error model.
 */
class WebAdminEndToEndIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
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
    private String base;
    private WebDriver browser;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
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
                "quire.smtp.port=" + FreePorts.next(),
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
            addSecondListAndUsers();
            browser = chromium();
            try {
                securityHeaders();
                adminLogsInAndSeesTheDemoList(m.group(1));
                wrongPasswordsAreRefusedThenThrottled();
                ownerOfOneListCannotOpenAnother();
                moderatorSeesModerationOnly();
                stateChangesNeedTheCsrfTokenAndThisOrigin();
                logoutEndsTheSession();
                passwordResetByEmail();
                restApi();
                new JobsChecks(base, data, work, db, BOB_TOKEN, ALICE_TOKEN).all(browser, m.group(1));
            } catch (AssertionError e) {
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

    // ---------------------------------------------------------------------------------------------

    private WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1024,800", "--user-data-dir=" + work.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(work.resolve("chromedriver.log").toFile()).build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** Fills and sends the login form, and waits for the answer page. */
    private void login(String username, String password) {
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        clickAndWait(By.id("login"));
    }

    /** Clicks a link or button and waits until the next page replaced this one (a click does not wait). */
    private void clickAndWait(By element) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(element).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(page));
    }

    private String sessionCookie() {
        Cookie c = browser.manage().getCookieNamed("QUIRE_SESSION");
        assertNotNull(c, "the browser holds a session cookie");
        return "QUIRE_SESSION=" + c.getValue();
    }

    /** Screens for docs/ (target/screenshots; copied by hand when they change). */
    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
