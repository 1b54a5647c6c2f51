package dev.quire.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import dev.quire.db.TestDatabase;
import dev.quire.db.user.PasswordHash;

/**
 * The public pages and archives on the real stack ({@code quire run --demo}, mail to remote addresses going
 * to Postfix's smtp-sink as the smarthost), driven by Debian's headless Chromium and by {@code java.net.http}:
 * a visitor finds the demo list (not the unadvertised one), subscribes, and confirms from the emailed link
 * (a GET of the link changes nothing); the forms answer alike for members and strangers, ignore a filled
 * honeypot, and are rate limited per address and per client; a posted message's one-click List-Unsubscribe
 * URL unsubscribes on a POST exactly as Gmail sends it (no cookie, no redirect, idempotent) while a GET only
 * shows a button, and forged or expired tokens get 400; the archive shows the thread, finds a post by search,
 * renders an HTML post without its script, event handler or remote image, serves attachments as downloads
 * and the mbox; a private archive is refused to visitors and non-members, and a list without archive has
 * no pages.
 */
class PublicPagesEndToEndIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String DEMO = "demo.lists.example.test";
    private static final int IP_LIMIT = 12;
    private static final int ADDRESS_LIMIT = 2;

    @TempDir
    Path work;

    private DemoConfig demo;
    private TestDatabase db;
    private String base;
    private WebDriver browser;
    private SmtpSink sink;
    private int formPosts;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Browser.installed(),
                "Debian's chromium and chromium-driver are installed by scripts/install-test-deps.sh");
        assumeTrue(SmtpSink.installed(), "Postfix's smtp-sink is installed by scripts/install-test-deps.sh");
        int httpPort = FreePorts.next();
        base = "http://127.0.0.1:" + httpPort;
        demo = DemoConfig.write(work, "quire.http.port=" + httpPort, "quire.web.url=" + base,
                "quire.web.public.ip-requests=" + IP_LIMIT, "quire.web.public.address-requests=" + ADDRESS_LIMIT,
                "quire.queue.retry.min=PT1S", "quire.queue.retry.max=PT2S");
        db = demo.db();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void visitorsSubscribeUnsubscribeInOneClickAndReadTheArchives() throws Exception {
        try (SmtpSink s = new SmtpSink(work.resolve("sink"), demo.sinkPort()).start();
                QuireProcess quire = QuireProcess.start(work, work.resolve("quire-run.out"), "--demo", "--config",
                        demo.file().toString())) {
            sink = s;
            addListsAndUsers();
            browser = Browser.chromium(work);
            try {
                listIndexShowsOnlyAdvertisedLists();
                visitorSubscribesAndConfirmsFromTheEmailedLink();
                formsDoNotRevealMembershipAndIgnoreTheHoneypot();
                oneClickUnsubscribeAsGmailDoesIt();
                archiveThreadSearchAndSanitizedHtml();
                privateAndMissingArchives();
                formsAreRateLimitedPerAddressAndPerClient();
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n--- what Quire logged:\n"
                        + QuireProcess.logOf(demo.data()), e);
            }
        }
    }

    /**
     * The demo list personalized (each copy then has its member's one-click URL); a private-archive list dora
     * is on, a list without archive, an unadvertised list; dora's and eve's accounts.
     */
    private void addListsAndUsers() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE mailing_list SET personalize = TRUE WHERE name = 'demo'");
            for (String[] l : new String[][]{{"private", "Private list", "PRIVATE", "TRUE"},
                    {"noarchive", "No archive list", "NONE", "TRUE"}, {"hidden", "Hidden list", "PUBLIC", "FALSE"}}) {
                s.executeUpdate(
                        "INSERT INTO mailing_list (domain_id, name, display_name, subject_prefix, archive_policy,"
                                + " advertised) SELECT id, '" + l[0] + "', '" + l[1] + "', '[" + l[0] + "] ', '" + l[2]
                                + "', "
                                + l[3] + " FROM domain WHERE name = 'lists.example.test'");
            }
            s.executeUpdate("INSERT INTO member (list_id, address, role) SELECT id, 'dora@example.test', 'MEMBER'"
                    + " FROM mailing_list WHERE name = 'private'");
            s.executeUpdate("INSERT INTO archived_message (list_id, message_id, message_id_hash, thread_id, sender,"
                    + " subject, body_text, raw) SELECT id, 'secret@example.test', UNHEX(SHA2('secret@example.test', 256)),"
                    + " NULL, 'dora@example.test', 'Members only minutes', 'the secret minutes',"
                    + " 'Subject: Members only minutes\r\n\r\nthe secret minutes\r\n' FROM mailing_list WHERE name = 'private'");
            user(c, "dora", "dora's password", "dora@example.test");
            user(c, "eve", "eve's password", "eve@example.test");
        }
    }

    private void listIndexShowsOnlyAdvertisedLists() throws Exception {
        browser.get(base + "/lists");
        String index = browser.findElement(By.id("lists")).getText();
        assertTrue(index.contains("Demo list") && index.contains("Private list"), index);
        assertFalse(index.contains("Hidden list"), "an unadvertised list is not on the index: " + index);
        assertEquals(404, get("/lists/hidden.lists.example.test", null).statusCode());
        assertEquals(404, get("/lists/nosuch.lists.example.test", null).statusCode());
        HttpResponse<String> page = get("/lists/" + DEMO, null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null));
    }

    private void visitorSubscribesAndConfirmsFromTheEmailedLink() throws Exception {
        browser.get(base + "/lists");
        Browser.clickAndWait(browser, By.linkText("Demo list"));
        assertEquals("demo@lists.example.test", browser.findElement(By.id("posting-address")).getText());
        Browser.screenshot(browser, "public-list");
        browser.findElement(By.id("subscribe-email")).sendKeys("dave@remote.test");
        browser.findElement(By.id("subscribe-name")).sendKeys("Dave Visitor");
        Browser.clickAndWait(browser, By.id("subscribe"));
        formPosts++;
        assertTrue(browser.findElement(By.id("message")).getText().startsWith("If this address can join Demo list"),
                browser.getPageSource());
        Browser.screenshot(browser, "public-subscribe");

        String mail = mailTo("dave@remote.test", "Subject: confirm ");
        Matcher link = Pattern.compile(Pattern.quote(base) + "/lists/confirm/[0-9a-f]{40}").matcher(mail);
        assertTrue(link.find(), mail);
        // a link scanner fetches the link: nothing happens
        assertEquals(200, get(link.group().substring(base.length()), null).statusCode());
        assertEquals(List.of(), members("dave@remote.test"), "a GET of the link does not confirm");

        browser.get(link.group());
        assertTrue(browser.findElement(By.id("request")).getText().contains("dave@remote.test asks to join Demo list"));
        Browser.clickAndWait(browser, By.id("confirm"));
        assertTrue(browser.findElement(By.id("message")).getText().contains("dave@remote.test"),
                browser.getPageSource());
        assertEquals(List.of("demo|Dave Visitor"), members("dave@remote.test"));
        browser.get(link.group());
        assertTrue(browser.findElement(By.id("message")).getText().startsWith("This confirmation link has expired"),
                "a used link does not work twice");
    }

    private void formsDoNotRevealMembershipAndIgnoreTheHoneypot() throws Exception {
        Form form = Form.open(this, "/lists/" + DEMO);
        // bob is a member, zoe is not: the same answer
        HttpResponse<String> member = form.post("/lists/" + DEMO + "/subscribe", "email", "bob@example.test");
        HttpResponse<String> stranger = form.post("/lists/" + DEMO + "/subscribe", "email", "zoe@remote.test");
        assertEquals(303, member.statusCode());
        assertEquals(member.headers().firstValue("Location"), stranger.headers().firstValue("Location"));
        assertEquals(text(get(location(member), form.cookie)), text(get(location(stranger), form.cookie)));
        HttpResponse<String> leaveMember = form.post("/lists/" + DEMO + "/unsubscribe", "email", "carol@remote.test");
        HttpResponse<String> leaveStranger = form.post("/lists/" + DEMO + "/unsubscribe", "email", "yuri@remote.test");
        assertEquals(303, leaveMember.statusCode());
        assertEquals(leaveMember.headers().firstValue("Location"), leaveStranger.headers().firstValue("Location"));
        assertEquals(List.of("demo|"), members("carol@remote.test"), "carol stays until she confirms");

        // a bot fills the hidden field: the same answer, and nothing is asked of the address
        HttpResponse<String> bot = form.post("/lists/" + DEMO + "/subscribe", "email", "bot-target@remote.test",
                "website", "http://spam.example");
        assertEquals(303, bot.statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM pending_request WHERE address = 'bot-target@remote.test'"));
        assertEquals(1, count("SELECT COUNT(*) FROM pending_request WHERE address = 'zoe@remote.test'"),
                "the same form without the honeypot starts a request");
        // without the session's CSRF token: refused
        HttpResponse<String> forged = post("/lists/" + DEMO + "/subscribe", form(List.of("email", "x@remote.test")),
                form.cookie, base);
        assertEquals(403, forged.statusCode());
    }

    private void oneClickUnsubscribeAsGmailDoesIt() throws Exception {
        swaks("alice@example.test", message("alice@example.test", "Picnic plans", "<picnic-1@example.test>", "",
                "text/plain", "Bring a quokka-shaped cake to the picnic on Saturday."));
        String copy = mailTo("dave@remote.test", "Picnic plans").replace("\r\n ", " ").replace("\r\n\t", " ");
        assertTrue(copy.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), copy);
        Matcher m = Pattern.compile("List-Unsubscribe: <(" + Pattern.quote(base) + "/unsubscribe/([A-Za-z0-9_.-]+))>")
                .matcher(copy);
        assertTrue(m.find(), copy);
        String path = m.group(1).substring(base.length());

        HttpResponse<String> page = get(path, null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("List-Unsubscribe") && page.body().contains("One-Click"), page.body());
        assertEquals(List.of("demo|Dave Visitor"), members("dave@remote.test"), "a GET does not unsubscribe");

        HttpResponse<String> first = gmail(path);
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.headers().firstValue("Location").isEmpty(), "no redirect");
        assertTrue(first.headers().firstValue("Set-Cookie").isEmpty(), "no cookie");
        assertEquals(List.of(), members("dave@remote.test"));
        assertEquals(200, gmail(path).statusCode(), "the same POST again is fine");
        assertEquals(List.of(), members("dave@remote.test"));

        String token = m.group(2);
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertEquals(400, gmail("/unsubscribe/" + forged).statusCode());
        assertEquals(400, gmail("/unsubscribe/not-a-token").statusCode());
        HttpResponse<String> expired = gmail("/unsubscribe/" + token("demo.lists.example.test", "bob@example.test",
                Instant.now().minusSeconds(60)));
        assertEquals(400, expired.statusCode());
        assertTrue(expired.body().contains("not valid or has expired"), expired.body());
        assertEquals(List.of("demo|"), members("bob@example.test"), "an expired token changes nothing");
        assertEquals(200, gmail("/unsubscribe/" + token("demo.lists.example.test", "bob@example.test",
                Instant.now().plusSeconds(600))).statusCode(), "the same token, current, works");
        assertEquals(List.of(), members("bob@example.test"));
        HttpResponse<String> noBody = post(path, "", null, null);
        assertEquals(400, noBody.statusCode(), "a POST must say List-Unsubscribe=One-Click");
    }

    private void archiveThreadSearchAndSanitizedHtml() throws Exception {
        swaks("carol@remote.test", message("carol@remote.test", "Re: Picnic plans", "<picnic-2@example.test>",
                "In-Reply-To: <picnic-1@example.test>\r\nReferences: <picnic-1@example.test>\r\n", "text/plain",
                "I will bring lemonade."));
        String html = "<p>Menu for the <b>picnic</b>: sandwiches.</p><script>document.title='owned'</script>"
                + "<img src=\"https://tracker.example/pixel.gif\" alt=\"tracker\" onerror=\"alert(1)\">"
                + "<p onmouseover=\"alert(2)\">Hover text</p>";
        swaks("alice@example.test", multipart("alice@example.test", "Menu", "<menu-1@example.test>", html));
        Poll.until("three posts archived", WAIT,
                () -> count("SELECT COUNT(*) FROM archived_message a JOIN mailing_list l ON l.id = a.list_id"
                        + " WHERE l.name = 'demo'") == 3);

        browser.get(base + "/lists/" + DEMO);
        Browser.clickAndWait(browser, By.id("archive-link"));
        assertTrue(browser.getCurrentUrl().startsWith(base + "/archives/" + DEMO + "/"), browser.getCurrentUrl());
        Browser.clickAndWait(browser, By.cssSelector("#months li a"));
        String threads = browser.findElement(By.id("threads")).getText();
        assertTrue(threads.contains("Picnic plans") && threads.contains("2 posts"), threads);
        Browser.clickAndWait(browser, By.partialLinkText("Picnic plans"));
        List<WebElement> posts = browser.findElements(By.cssSelector("#thread article"));
        assertEquals(2, posts.size());
        assertTrue(posts.get(0).getText().contains("quokka-shaped cake"), posts.get(0).getText());
        assertTrue(posts.get(1).getText().contains("I will bring lemonade."), posts.get(1).getText());
        assertTrue(posts.get(1).getAttribute("class").contains("reply"));
        Browser.screenshot(browser, "archive-thread");

        browser.findElement(By.id("q")).sendKeys("quokka");
        Browser.clickAndWait(browser, By.id("search"));
        String results = browser.findElement(By.id("results")).getText();
        assertTrue(results.contains("Picnic plans") && !results.contains("Menu"), results);
        Browser.screenshot(browser, "archive-search");
        browser.findElement(By.id("q")).clear();
        browser.findElement(By.id("q")).sendKeys("lemonade -cake");
        Browser.clickAndWait(browser, By.id("search"));
        assertTrue(browser.findElement(By.id("results")).getText().contains("Re: Picnic plans"));
        browser.get(base + "/archives/" + DEMO + "/search?q="
                + URLEncoder.encode("nothing-like-this", StandardCharsets.UTF_8));
        assertEquals("No posts match.", browser.findElement(By.id("no-results")).getText());

        // the HTML post: shown, without script, handlers or the remote image
        browser.get(base + "/archives/" + DEMO + "/search?q=sandwiches");
        Browser.clickAndWait(browser, By.partialLinkText("Menu"));
        String source = browser.getPageSource();
        assertTrue(browser.findElement(By.cssSelector(".html-body")).getText().contains("Menu for the picnic"), source);
        assertFalse(source.contains("owned") || source.contains("<script>document"), "no script");
        assertFalse(source.contains("onerror") || source.contains("onmouseover"), "no event handlers");
        assertFalse(source.contains("tracker.example/pixel.gif"), "no remote image");
        assertTrue(browser.findElements(By.cssSelector(".html-body img")).isEmpty());
        assertTrue(source.contains("[remote image not loaded: tracker (tracker.example)]"), source);
        assertFalse("owned".equals(browser.getTitle()));

        String href = browser.findElement(By.linkText("agenda.html")).getAttribute("href");
        HttpResponse<String> attachment = get(href.substring(base.length()), null);
        assertEquals(200, attachment.statusCode());
        assertEquals("application/octet-stream", attachment.headers().firstValue("Content-Type").orElse(""));
        assertTrue(attachment.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
        assertEquals("nosniff", attachment.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertTrue(attachment.body().contains("<script>alert('attached')</script>"), "served as it was sent");

        HttpResponse<String> mbox = get("/archives/" + DEMO + "/mbox", null);
        assertEquals(200, mbox.statusCode());
        assertTrue(mbox.headers().firstValue("Content-Type").orElse("").startsWith("application/mbox"));
        assertEquals(3, Pattern.compile("(?m)^From ").matcher(mbox.body()).results().count(), mbox.body());
        assertTrue(mbox.body().contains("Re: Picnic plans"), mbox.body());
    }

    private void privateAndMissingArchives() throws Exception {
        String priv = "/archives/private.lists.example.test/";
        HttpResponse<String> visitor = get(priv, null);
        assertEquals(303, visitor.statusCode(), "a visitor is sent to log in");
        assertTrue(visitor.headers().firstValue("Location").orElse("").contains("/admin/login"));
        assertFalse(get(priv + "search?q=secret", null).body().contains("Members only minutes"));
        assertEquals(303, get(priv + "mbox", null).statusCode());

        String eve = login("eve", "eve's password");
        HttpResponse<String> stranger = get(priv, eve);
        assertEquals(403, stranger.statusCode());
        assertFalse(get(priv + "search?q=secret", eve).body().contains("Members only minutes"));
        String dora = login("dora", "dora's password");
        HttpResponse<String> member = get(priv + "search?q=secret", dora);
        assertEquals(200, member.statusCode());
        assertTrue(member.body().contains("Members only minutes"), member.body());

        assertEquals(404, get("/archives/noarchive.lists.example.test/", null).statusCode());
        assertEquals(404, get("/archives/noarchive.lists.example.test/mbox", dora).statusCode());
        assertEquals(404, get("/archives/nosuch.lists.example.test/", null).statusCode());
    }

    private void formsAreRateLimitedPerAddressAndPerClient() throws Exception {
        Form form = Form.open(this, "/lists/" + DEMO);
        for (int i = 0; i < ADDRESS_LIMIT; i++) {
            assertEquals(303, form.post("/lists/" + DEMO + "/subscribe", "email", "flood@remote.test").statusCode());
        }
        HttpResponse<String> flood = form.post("/lists/" + DEMO + "/subscribe", "email", "flood@remote.test");
        assertEquals(429, flood.statusCode());
        assertTrue(flood.body().contains("Too many requests. Wait "), flood.body());
        assertTrue(Long.parseLong(flood.headers().firstValue("Retry-After").orElse("0")) > 0);

        int n = 0;
        while (formPosts < IP_LIMIT) {
            assertEquals(303, form.post("/lists/" + DEMO + "/subscribe", "email", "other" + n++ + "@remote.test")
                    .statusCode(), "post " + formPosts + " of this client");
        }
        HttpResponse<String> over = form.post("/lists/" + DEMO + "/subscribe", "email", "fresh@remote.test");
        assertEquals(429, over.statusCode(), "the client passed " + IP_LIMIT + " requests");
        assertEquals(0, count("SELECT COUNT(*) FROM pending_request WHERE address = 'fresh@remote.test'"));
    }

    // ---------------------------------------------------------------------------------------------

    /** The first message at the sink for this recipient that contains {@code marker}, soft line breaks joined. */
    private String mailTo(String rcpt, String marker) throws Exception {
        String[] found = new String[1];
        Poll.until("a message to " + rcpt + " with '" + marker + "'", WAIT, () -> {
            for (String m : sink.messages()) {
                String text = m.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
                if (text.contains("X-Rcpt-Args: <" + rcpt + ">") && text.contains(marker)) {
                    found[0] = text;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Sends a message to the demo list with swaks, through Quire's MX port. */
    private void swaks(String from, String message) throws Exception {
        Path file = Files.createTempFile(work, "post", ".eml");
        Files.writeString(file, message, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("swaks", "--server", "127.0.0.1:" + demo.smtpPort(), "--from", from, "--to",
                "demo@lists.example.test", "--data", "@" + file, "--silent", "2").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "swaks: " + out);
    }

    private static String message(String from, String subject, String id, String extra, String type, String body) {
        return "From: " + from + "\r\nTo: demo@lists.example.test\r\nSubject: " + subject + "\r\nMessage-ID: " + id
                + "\r\nDate: " + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC))
                + "\r\nMIME-Version: 1.0\r\nContent-Type: " + type + "; charset=utf-8\r\n" + extra + "\r\n" + body
                + "\r\n";
    }

    private static String multipart(String from, String subject, String id, String html) {
        String body = "--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n"
                + "--b1\r\nContent-Type: text/html; name=\"agenda.html\"\r\n"
                + "Content-Disposition: attachment; filename=\"agenda.html\"\r\n\r\n"
                + "<script>alert('attached')</script>\r\n--b1--";
        return message(from, subject, id, "", "multipart/mixed; boundary=\"b1\"", body).replace(
                "multipart/mixed; boundary=\"b1\"; charset=utf-8", "multipart/mixed; boundary=\"b1\"");
    }

    /** The POST a mailbox provider makes for RFC 8058: the form body, no cookie, no Origin. */
    private HttpResponse<String> gmail(String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    /** A one-click token signed with the data directory's secret, as OneClickTokens makes them. */
    private String token(String listId, String address, Instant expires) throws Exception {
        byte[] secret = HexFormat.of().parseHex(Files.readString(demo.data().resolve("secrets")
                .resolve("unsubscribe.key")).strip());
        byte[] payload = (listId + "\n" + address + "\n" + expires.getEpochSecond()).getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload) + "." + b64.encodeToString(mac.doFinal(payload));
    }

    /** Logs in over HTTP; the session cookie. */
    private String login(String user, String password) throws Exception {
        Form form = Form.open(this, "/admin/login");
        HttpResponse<String> r = post("/admin/login", form(List.of("username", user, "password", password, "_csrf",
                form.csrf)), form.cookie, base);
        assertEquals(303, r.statusCode(), r.body());
        return r.headers().firstValue("Set-Cookie").map(c -> c.substring(0, c.indexOf(';'))).orElse(form.cookie);
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

    /** The lists the address is a MEMBER of, as {@code name|display name}. */
    private List<String> members(String address) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement("SELECT l.name,"
                        + " COALESCE(m.display_name, '') FROM member m JOIN mailing_list l ON l.id = m.list_id"
                        + " WHERE m.address = ? AND m.role = 'MEMBER' ORDER BY l.name")) {
            ps.setString(1, address);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "|" + rs.getString(2));
                }
            }
        }
        return out;
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String cookie, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The path a redirect points to (JAX-RS makes Location absolute). */
    private String location(HttpResponse<String> r) {
        String l = r.headers().firstValue("Location").orElseThrow();
        return l.startsWith(base) ? l.substring(base.length()) : l;
    }

    private static String form(List<String> pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            sb.append(sb.length() == 0 ? "" : "&").append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** The visible sentence of a page's {@code id="message"} element, tags dropped. */
    private static String text(HttpResponse<String> page) {
        Matcher m = Pattern.compile("(?s)id=\"message\"[^>]*>(.*?)</p>").matcher(page.body());
        assertTrue(m.find(), page.body());
        return m.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** A page's session cookie and CSRF token, for posting its forms without a browser. */
    private static final class Form {
        private final PublicPagesEndToEndIT test;
        private String cookie;
        private String csrf;

        private Form(PublicPagesEndToEndIT test) {
            this.test = test;
        }

        static Form open(PublicPagesEndToEndIT test, String path) throws Exception {
            Form f = new Form(test);
            HttpResponse<String> page = test.get(path, null);
            assertEquals(200, page.statusCode(), page.body());
            f.cookie = page.headers().firstValue("Set-Cookie").map(c -> c.substring(0, c.indexOf(';'))).orElse(null);
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertTrue(m.find(), page.body());
            f.csrf = m.group(1);
            return f;
        }

        /** Posts the form with this page's token and more fields; a form on the list page counts as a request. */
        HttpResponse<String> post(String path, String... fields) throws Exception {
            List<String> pairs = new ArrayList<>(List.of(fields));
            pairs.addAll(List.of("_csrf", csrf));
            if (path.startsWith("/lists/")) {
                test.formPosts++;
            }
            return test.post(path, form(pairs), cookie, test.base);
        }
    }
}
