package dev.quire.lists.archive.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import dev.quire.db.list.MailingList;
import dev.quire.lists.archive.search.SearchQuery;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.Caller;
import dev.quire.lists.web.Pages;
import dev.quire.lists.web.pub.PublicProblem;

/**
 * {@code /archives/{list-id}/}: a list's archive by month (threads, or posts by date), a thread, a post at
 * its Archived-At URL {@code /archives/{list-id}/{sha-256 of its Message-ID}}, its attachments (always
 * downloaded, never shown inline), full-text search, and the whole archive as an mbox file. Every page
 * passes {@link ArchiveReader}'s policy check; nothing here changes anything.
 */
@Path("{list}")
@RequestScoped
public class ArchivePages {
    static final int MONTH_PAGE = 500;
    static final int SEARCH_PAGE = 20;

    @Inject
    Pages pages;

    @Inject
    Caller caller;

    @Inject
    ArchiveReader archive;

    @Context
    HttpServletRequest request;

    @GET
    public Response index(@PathParam("list") String list) {
        Optional<Account> who = caller.account();
        ArchiveReader.ArchiveView view = archive.open(list, who);
        return page("archive-index", view).with("months", archive.months(list, who)).ok();
    }

    @GET
    @Path("{year:[0-9]{4}}/{month:[0-9]{2}}")
    public Response month(@PathParam("list") String list, @PathParam("year") int year,
            @PathParam("month") int month, @QueryParam("by") String by,
            @QueryParam("page") @DefaultValue("1") int page) {
        if (year < 1970 || year > 2100 || month < 1 || month > 12 || page < 1 || page > 100_000) {
            throw new PublicProblem(404, "There is no such month in this archive.");
        }
        Optional<Account> who = caller.account();
        ArchiveReader.ArchiveView view = archive.open(list, who);
        List<ArchiveReader.EntryView> posts = archive.month(list, who, year, month, (page - 1) * MONTH_PAGE,
                MONTH_PAGE + 1);
        boolean more = posts.size() > MONTH_PAGE;
        posts = more ? posts.subList(0, MONTH_PAGE) : posts;
        boolean byDate = "date".equals(by);
        return page("archive-month", view).with("label", java.time.Month.of(month).getDisplayName(
                java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + year)
                .with("year", year).with("month", String.format(java.util.Locale.ROOT, "%02d", month))
                .with("byDate", byDate).with("posts", posts).with("threads", ArchiveReader.threads(posts))
                .with("page", page).with("more", more).ok();
    }

    @GET
    @Path("thread/{id:[0-9]{1,18}}")
    public Response thread(@PathParam("list") String list, @PathParam("id") long id) throws IOException {
        Optional<Account> who = caller.account();
        ArchiveReader.ArchiveView view = archive.open(list, who);
        List<ArchiveReader.PostView> posts = archive.thread(list, who, id);
        if (posts.isEmpty()) {
            throw new PublicProblem(404, "There is no such thread in this archive.");
        }
        return page("archive-thread", view).with("posts", posts).with("subject", posts.get(0).entry().subject())
                .ok();
    }

    @GET
    @Path("{hash:[0-9a-f]{64}}")
    public Response message(@PathParam("list") String list, @PathParam("hash") String hash) throws IOException {
        Optional<Account> who = caller.account();
        ArchiveReader.ArchiveView view = archive.open(list, who);
        ArchiveReader.PostView post = archive.message(list, who, hash)
                .orElseThrow(() -> new PublicProblem(404, "There is no such message in this archive."));
        return page("archive-message", view).with("post", post).ok();
    }

    @GET
    @Path("{hash:[0-9a-f]{64}}/attachments/{n:[0-9]{1,4}}")
    public Response attachment(@PathParam("list") String list, @PathParam("hash") String hash,
            @PathParam("n") int n) throws IOException {
        MessageRenderer.Download d = archive.attachment(list, caller.account(), hash, n)
                .orElseThrow(() -> new PublicProblem(404, "There is no such attachment in this archive."));
        return Response.ok(d.content(), d.contentType())
                .header("Content-Disposition", disposition(d.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @GET
    @Path("search")
    public Response search(@PathParam("list") String list, @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("1") int page) {
        Optional<Account> who = caller.account();
        ArchiveReader.ArchiveView view = archive.open(list, who);
        Optional<SearchQuery> query = SearchQuery.parse(q);
        Pages.Page p = page("archive-search", view).with("q", q == null ? "" : q).with("page", page);
        if (query.isEmpty() || page < 1 || page > 500) {
            return p.with("searched", q != null && !q.isBlank()).with("results", List.of()).with("more", false)
                    .ok();
        }
        Optional<List<ArchiveReader.EntryView>> found = archive.search(list, who, query.get(),
                (page - 1) * SEARCH_PAGE, SEARCH_PAGE + 1);
        if (found.isEmpty()) {
            return p.with("searched", true).with("tooBroad", true).with("results", List.of()).with("more", false)
                    .ok();
        }
        List<ArchiveReader.EntryView> results = found.get();
        boolean more = results.size() > SEARCH_PAGE;
        return p.with("searched", true).with("results", more ? results.subList(0, SEARCH_PAGE) : results)
                .with("more", more).ok();
    }

    @GET
    @Path("mbox")
    public Response mbox(@PathParam("list") String list) {
        MailingList l = archive.forExport(list, caller.account());
        StreamingOutput body = out -> archive.export(l, out);
        return Response.ok(body, "application/mbox")
                .header("Content-Disposition", disposition(l.listId() + ".mbox"))
                .build();
    }

    private Pages.Page page(String template, ArchiveReader.ArchiveView view) {
        return pages.plain(template).with("archive", view)
                .with("user", caller.account().map(Account::username).orElse(null));
    }

    /** {@code attachment} with the name made safe: ASCII fallback and the RFC 6266 UTF-8 form. */
    static String disposition(String filename) {
        String name = filename.replaceAll("[\\p{Cntrl}/\\\\]", "_");
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
