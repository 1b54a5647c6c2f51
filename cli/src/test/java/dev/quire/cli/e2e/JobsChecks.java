package dev.quire.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import dev.quire.db.TestDatabase;

/**
 * Scheduled jobs, membership syncs and the relays' address file on a running Quire (issue #7), run inside
 * {@link WebAdminEndToEndIT} so that they share its one start: a relay token fetches the address file over HTTP
 * with an ETag (304 when unchanged) and nothing else; {@code /api/jobs} lists both applications' jobs, runs one now
 * (an MTA job too) and refuses non-admins; a list owner reads the sources, dry-runs (nothing changes), syncs, sees
 * the safety valve hold a large removal and confirms it; another list's caller gets 404, a moderator 403; in the
 * browser an admin presses "Run now" on the jobs page and sees the run.
 */
final class JobsChecks {
    /** The relay token WebAdminEndToEndIT configures as {@code quire.addresses.tokens}. */
    static final String RELAY_TOKEN = "relay-token-for-the-end-to-end-test-0123456789";
    private static final Duration RUN_WAIT = Duration.ofSeconds(120);

    private final String base;
    private final Path data;
    private final Path work;
    private final TestDatabase db;
    private final String admin;
    private final String owner;
    private final String moderator;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param owner the token of the second list's owner (bob), who has no role on the demo list
     * @param moderator the token of the demo list's moderator (alice)
     */
    JobsChecks(String base, Path data, Path work, TestDatabase db, String owner, String moderator) throws Exception {
        this.base = base;
        this.data = data;
        this.work = work;
        this.db = db;
        this.admin = Files.readString(data.resolve("run").resolve("api-token")).strip();
        this.owner = owner;
        this.moderator = moderator;
    }

    void all(WebDriver browser, String adminPassword) throws Exception {
        jobsApi();
        mtaUpkeepOnItsOwnNotifications();
        relaysFetchTheAddressFileWithTheirToken();
        long byHand = members("second");
        syncApi(byHand);
        jobsPageRunsAJobNow(browser, adminPassword);

        // the second list as the owner tools' checks that follow expect it: no source, the members added by hand
        sql("DELETE FROM sync_source WHERE name = 'staff'");
        sql("DELETE FROM member WHERE address = 'ann@example.test'");
        assertEquals(byHand, members("second"));
    }

    /** GET /api/jobs lists both applications' jobs; a run now of an MTA job and of a list job; rights. */
    private void jobsApi() throws Exception {
        HttpResponse<String> jobs = call("GET", "/api/jobs", admin);
        assertEquals(200, jobs.statusCode(), jobs.body());
        for (String job : List.of("membership-sync", "job-history-cleanup", "address-file", "spam-bounces",
                "slow-queue")) {
            assertTrue(jobs.body().contains("\"name\":\"" + job + "\""), job + " is listed: " + jobs.body());
        }
        assertTrue(jobs.body().contains("\"application\":\"mta\",\"name\":\"spam-bounces\""), jobs.body());
        assertTrue(jobs.body().contains("\"application\":\"lists\",\"name\":\"membership-sync\""), jobs.body());
        assertEquals(401, call("GET", "/api/jobs", null).statusCode());
        assertEquals(403, call("GET", "/api/jobs", owner).statusCode());
        assertEquals(403, call("POST", "/api/jobs/spam-bounces/run", owner).statusCode());
        assertEquals(404, call("POST", "/api/jobs/no-such-job/run", admin).statusCode());
        assertEquals(404, call("GET", "/api/jobs/no-such-job/runs", admin).statusCode());

        for (String[] job : new String[][]{{"spam-bounces", "notifications=0 removed=0"}, {"slow-queue", "moved="},
                {"job-history-cleanup", "deleted="}}) {
            HttpResponse<String> asked = call("POST", "/api/jobs/" + job[0] + "/run", admin);
            assertEquals(202, asked.statusCode(), asked.body());
            String request = field(asked.body(), "request");
            assertNotNull(request, asked.body());
            Poll.until(job[0] + " to run as asked", RUN_WAIT,
                    () -> run(job[0], request).contains("\"outcome\":\"OK\""));
            String run = run(job[0], request);
            assertTrue(run.contains("\"manual\":true") && run.contains(job[1]), run);
        }
    }

    /**
     * {@code slow-queue} and {@code spam-bounces} on notifications the running MTA wrote itself: two messages tagged
     * by a scanner (9.1 and 1.2) fail in a pipe, the MTA queues a notification to each (forged) sender, which waits
     * (the demo looks up no MX); the slow-queue job moves both, the spam-bounces job removes the spam's only.
     */
    private void mtaUpkeepOnItsOwnNotifications() throws Exception {
        Path aliases = data.resolve("config").resolve("aliases");
        Files.createDirectories(aliases);
        Files.writeString(aliases.resolve("example.test"), "spamtrap: |/bin/false\n");
        send("victim@forged.example", "X-Spam-Score: 9.1", "cheap pills");
        send("friend@remote.example", "X-Spam-Score: 1.2", "see you at lunch");
        Path deferred = data.resolve("spool").resolve("deferred");
        Path slow = data.resolve("spool").resolve("slow");
        Poll.until("both notifications to wait in the queue", RUN_WAIT, () -> notifications(deferred).size() == 2);
        Instant movable = notifications(deferred).stream().map(JobsChecks::modified).max(Instant::compareTo)
                .orElseThrow().plusSeconds(4); // quire.queue.slow.after=PT3S in this test
        Poll.until("the notifications to be older than quire.queue.slow.after", RUN_WAIT,
                () -> Instant.now().isAfter(movable));

        assertTrue(runNow("slow-queue").contains("moved=2"));
        assertEquals(0, notifications(deferred).size());
        assertEquals(2, notifications(slow).size(), "both notifications wait in the slow queue");

        String sweep = runNow("spam-bounces");
        assertTrue(sweep.contains("notifications=2 removed=1"), sweep);
        List<Path> left = notifications(slow);
        assertEquals(1, left.size(), "the notification about mail that was not spam stays");
        String id = left.get(0).getFileName().toString().replace(".json", "");
        String message = Files.readString(data.resolve("spool").resolve("messages").resolve(id + ".eml"));
        assertTrue(message.contains("X-Spam-Score: 1.2") && message.contains("friend@remote.example"), message);
        assertTrue(QuireProcess.logOf(data).contains("by spam-bounces: a notification of spam (X-Spam-Score 9.1"),
                "each removal is a log line");
    }

    /** Sends a tagged message to the pipe alias that fails; retried while the alias file is not yet picked up. */
    private void send(String from, String spamHeader, String body) throws Exception {
        String port = Files.readAllLines(work.resolve("quire.properties")).stream()
                .filter(l -> l.startsWith("quire.smtp.port=")).findFirst().orElseThrow().split("=")[1];
        Poll.until("the pipe alias to take mail from " + from, RUN_WAIT, () -> {
            Process p = new ProcessBuilder("swaks", "--server", "127.0.0.1:" + port, "--from", from, "--to",
                    "spamtrap@example.test", "--header", spamHeader, "--body", body).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return out.contains("<-  250 2.0.0 Ok: queued as");
        });
    }

    /** The null-sender entries (notifications) of a queue directory. */
    private static List<Path> notifications(Path queue) throws Exception {
        if (!Files.isDirectory(queue)) {
            return List.of();
        }
        try (var files = Files.list(queue)) {
            return files.filter(f -> f.toString().endsWith(".json")).filter(f -> {
                try {
                    return Files.readString(f).contains("\"sender\":\"\"");
                } catch (java.io.IOException gone) {
                    return false;
                }
            }).toList();
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (java.io.IOException e) {
            return Instant.now();
        }
    }

    /** Runs a job now through the REST API and answers its finished run. */
    private String runNow(String job) throws Exception {
        HttpResponse<String> asked = call("POST", "/api/jobs/" + job + "/run", admin);
        assertEquals(202, asked.statusCode(), asked.body());
        String request = field(asked.body(), "request");
        Poll.until(job + " to run as asked", RUN_WAIT, () -> run(job, request).contains("\"outcome\":\"OK\""));
        return run(job, request);
    }

    /** The address file over HTTP with a relay's read-only token: ETag and 304; 403 elsewhere, 401 without. */
    private void relaysFetchTheAddressFileWithTheirToken() throws Exception {
        assertEquals(202, call("POST", "/api/jobs/address-file/run", admin).statusCode());
        Path sum = data.resolve("addresses").resolve("addresses.sha256");
        Poll.until("the address file", RUN_WAIT, () -> Files.exists(sum));
        String checksum = Files.readString(sum).split("\\s+")[0];

        HttpResponse<String> file = call("GET", "/mta/api/addresses", RELAY_TOKEN);
        assertEquals(200, file.statusCode(), file.body());
        assertTrue(file.body().lines().anyMatch("demo@lists.example.test"::equals), file.body());
        assertTrue(file.body().lines().anyMatch("demo-bounces@lists.example.test"::equals), file.body());
        assertEquals("\"" + checksum + "\"", file.headers().firstValue("ETag").orElse(null),
                "the ETag is the checksum beside the file");
        HttpResponse<String> unchanged = send(HttpRequest.newBuilder(URI.create(base + "/mta/api/addresses"))
                .header("Authorization", "Bearer " + RELAY_TOKEN).header("If-None-Match", "\"" + checksum + "\"")
                .GET());
        assertEquals(304, unchanged.statusCode());
        assertEquals("", unchanged.body());
        HttpResponse<String> stale = send(HttpRequest.newBuilder(URI.create(base + "/mta/api/addresses"))
                .header("Authorization", "Bearer " + RELAY_TOKEN).header("If-None-Match", "\"0123\"").GET());
        assertEquals(200, stale.statusCode());

        HttpResponse<String> postfix = call("GET", "/mta/api/addresses?format=postfix", RELAY_TOKEN);
        assertEquals(200, postfix.statusCode());
        assertTrue(postfix.body().lines().anyMatch("demo@lists.example.test OK"::equals), postfix.body());
        HttpResponse<String> domain = call("GET", "/mta/api/addresses?domain=lists.example.test", RELAY_TOKEN);
        assertEquals(200, domain.statusCode());
        assertTrue(domain.body().contains("second-request@lists.example.test"), domain.body());
        assertTrue(domain.headers().firstValue("ETag").isPresent());

        assertEquals(403, call("GET", "/mta/api/jobs", RELAY_TOKEN).statusCode(), "a relay token reads nothing else");
        assertEquals(403, call("GET", "/mta/api/queue", RELAY_TOKEN).statusCode());
        assertEquals(403, call("POST", "/mta/api/jobs/address-file/run", RELAY_TOKEN).statusCode());
        assertEquals(401, call("GET", "/mta/api/addresses", null).statusCode());
        assertEquals(401, call("GET", "/mta/api/addresses", RELAY_TOKEN + "x").statusCode());

        // a token issued and revoked in <config>/relay-tokens takes effect without a restart
        String issued = "relay-token-from-the-file-" + System.nanoTime();
        Path tokens = data.resolve("config").resolve("relay-tokens");
        Files.createDirectories(tokens.getParent());
        Files.writeString(tokens, "# the second relay\n" + issued + "\n");
        Poll.until("the token from the file accepted", RUN_WAIT,
                () -> call("GET", "/mta/api/addresses", issued).statusCode() == 200);
        assertEquals(403, call("GET", "/mta/api/queue", issued).statusCode(), "a relay token from the file, too");
        Files.writeString(tokens, "# revoked\n");
        Poll.until("the revoked token refused", RUN_WAIT,
                () -> call("GET", "/mta/api/addresses", issued).statusCode() == 401);
        assertEquals(200, call("GET", "/mta/api/addresses", RELAY_TOKEN).statusCode(), "the configured one stays");
    }

    /**
     * Sources, dry run, sync, the safety valve's hold and its confirmation, for the second list's owner; the
     * list already holds {@code byHand} members the owner added by hand, which a sync keeps.
     */
    private void syncApi(long byHand) throws Exception {
        String list = "/api/lists/second@lists.example.test";
        Path file = work.resolve("second-members.txt");
        Files.writeString(file, "# generated by the department\nann@example.test\nben@example.test\n"
                + "cat@example.test\n");
        sql("INSERT INTO sync_source (list_id, role, name, kind, location) SELECT id, 'MEMBER', 'staff', 'FILE', '"
                + file + "' FROM mailing_list WHERE name = 'second'");

        HttpResponse<String> sources = call("GET", list + "/sources", owner);
        assertEquals(200, sources.statusCode(), sources.body());
        assertTrue(sources.body().contains("\"name\":\"staff\"") && sources.body().contains("\"kind\":\"FILE\""),
                sources.body());
        assertEquals(404, call("GET", list + "/sources", moderator).statusCode(), "no role on the second list");
        assertEquals(403, call("GET", "/api/lists/demo@lists.example.test/sources", moderator).statusCode());
        assertEquals(404, call("GET", "/api/lists/nosuch@lists.example.test/sync-runs", admin).statusCode());

        HttpResponse<String> dry = call("POST", list + "/sync?dryRun=true", owner);
        assertEquals(200, dry.statusCode(), dry.body());
        assertTrue(dry.body().contains("\"dryRun\":true") && dry.body().contains("\"added\":3"), dry.body());
        assertTrue(dry.body().contains("+ ann@example.test"), dry.body());
        assertEquals(byHand, members("second"), "a dry run changes nothing");
        assertEquals(400, call("POST", list + "/sync?dryRun=true&role=boss", owner).statusCode());
        assertEquals(400, call("POST", list + "/sync?role=owner", owner).statusCode(), "the owners have no source");
        assertEquals(400, call("POST", "/api/lists/demo@lists.example.test/sync", admin).statusCode(),
                "a list without sources is never synced by hand");
        assertEquals(404, call("POST", list + "/sync", moderator).statusCode());

        assertEquals(202, call("POST", list + "/sync", owner).statusCode());
        Poll.until("the sync to add three", RUN_WAIT, () -> members("second") == byHand + 3);
        Poll.until("the sync run's record", RUN_WAIT,
                () -> call("GET", list + "/sync-runs", owner).body().contains("\"dryRun\":false"));

        Files.writeString(file, "ann@example.test\n");
        assertEquals(202, call("POST", list + "/sync", owner).statusCode());
        Poll.until("the safety valve to hold the removals", RUN_WAIT,
                () -> call("GET", list + "/sync-holds", owner).body().contains("\"removals\":2"));
        String holds = call("GET", list + "/sync-holds", owner).body();
        String hold = number(holds, "id");
        assertTrue(holds.contains("ben@example.test") && holds.contains("cat@example.test"), holds);
        assertEquals(byHand + 3, members("second"), "the held removals wait");
        assertEquals(404, call("POST", "/api/lists/demo@lists.example.test/sync-holds/" + hold + "/confirm", admin)
                .statusCode(), "a hold is confirmed through its own list");
        assertEquals(404, call("POST", list + "/sync-holds/" + hold + "/confirm", moderator).statusCode());
        assertEquals(byHand + 3, members("second"));

        HttpResponse<String> confirmed = call("POST", list + "/sync-holds/" + hold + "/confirm", owner);
        assertEquals(202, confirmed.statusCode(), confirmed.body());
        Poll.until("the confirmed removals", RUN_WAIT, () -> members("second") == byHand + 1);
        assertEquals("[]", call("GET", list + "/sync-holds", owner).body());
        assertEquals(404, call("POST", list + "/sync-holds/" + hold + "/confirm", owner).statusCode(),
                "a hold is confirmed once");
        String runs = call("GET", list + "/sync-runs", owner).body();
        assertTrue(runs.contains("\"removed\":2") && runs.contains("- ben@example.test"), runs);
    }

    /** Selenium: the jobs page's "Run now" asks for a run, which then shows on the page. */
    private void jobsPageRunsAJobNow(WebDriver browser, String adminPassword) throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(base + "/admin/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(adminPassword);
        Browser.clickAndWait(browser, By.id("login"));
        browser.get(base + "/admin/jobs");
        assertTrue(browser.findElement(By.id("job-address-file")).getText().contains("mta"));
        int before = browser.findElements(By.cssSelector("#job-seen-messages li")).size();
        Browser.clickAndWait(browser, By.id("run-now-seen-messages"));
        assertTrue(browser.findElement(By.id("requested")).getText().contains("seen-messages"));
        Poll.until("the run on the jobs page", RUN_WAIT, () -> {
            browser.navigate().refresh();
            List<WebElement> runs = browser.findElements(By.cssSelector("#job-seen-messages li.outcome-ok"));
            return runs.size() > before && runs.get(0).getText().contains("(asked by an admin)");
        });
        browser.get(base + "/admin/jobs#job-membership-sync"); // the jobs that have runs by now
        Browser.screenshot(browser, "jobs");

        browser.get(base + "/admin/lists/second@lists.example.test/sync");
        assertTrue(browser.findElement(By.id("sources")).getText().contains("staff"));
        Browser.clickAndWait(browser, By.id("dry-run"));
        assertTrue(browser.findElement(By.id("diff")).getText().contains("would add 0, would remove 0"),
                browser.findElement(By.id("diff")).getText());
        Browser.screenshot(browser, "sync-run");
    }

    // ---------------------------------------------------------------------------------------------

    /** The run of a job that a request caused, as {@code /api/jobs/{name}/runs} shows it; empty until it started. */
    private String run(String job, String request) throws Exception {
        Matcher m = Pattern.compile("\\{[^{}]*\"request\":\"" + Pattern.quote(request) + "\"[^{}]*\\}")
                .matcher(call("GET", "/api/jobs/" + job + "/runs", admin).body());
        return m.find() ? m.group() : "";
    }

    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long members(String list) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM member m JOIN mailing_list l ON l.id = m.list_id"
                        + " WHERE l.name = '" + list + "' AND m.role = 'MEMBER'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }

}
