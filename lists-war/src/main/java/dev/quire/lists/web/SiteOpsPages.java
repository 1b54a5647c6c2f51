package dev.quire.lists.web;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import dev.quire.lists.site.SiteHealth;
import dev.quire.lists.site.SiteQueue;
import dev.quire.lists.site.SiteRefusal;
import dev.quire.lists.site.SiteVerify;

/**
 * {@code /admin/site/queue} (mailq with hold, release, requeue and delete of one message or the selected
 * ones), {@code /admin/site/verify} (verify an address) and {@code /admin/site/health}.
 */
@Path("/site")
@RequestScoped
public class SiteOpsPages {
    @Inject
    SiteForms forms;

    /** Messages per page of the queue, unless the page asks for another number. */
    static final int PAGE_SIZE = 100;
    private static final int MAX_PAGE_SIZE = 1000;

    @Inject
    SiteQueue queue;

    @Inject
    SiteVerify verify;

    @Inject
    SiteHealth health;

    /** A queued message as the page shows it. */
    public record MessageView(String id, String queue, String sender, String recipients, long size, String age,
            String lastError) {
    }

    @GET
    @Path("queue")
    public Response queuePage(@QueryParam("queue") String name, @QueryParam("page") @DefaultValue("1") int page,
            @QueryParam("size") @DefaultValue("" + PAGE_SIZE) int size) {
        return queueView(name, page, size).ok();
    }

    /** A page of the queue: {@code size} messages (1 to 1,000, default 100), pages counted from 1. */
    private Pages.Page queueView(String name, int page, int size) {
        int perPage = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        int current = Math.max(1, page);
        SiteQueue.Snapshot s = queue.list(forms.account(), name, (current - 1) * perPage, perPage);
        Instant now = Instant.now();
        List<MessageView> rows = s.messages().stream()
                .map(e -> new MessageView(e.id(), e.queue(), e.sender().isEmpty() ? "<>" : e.sender(),
                        String.join(", ", e.recipients()), e.size(), e.age(now), e.lastError()))
                .toList();
        return forms.page("site-queue", "Queue").with("sizes", s.sizes()).with("messages", rows)
                .with("queue", name == null ? "" : name).with("queues", SiteQueue.QUEUES)
                .with("page", current).with("size", perPage).with("total", s.total())
                .with("first", s.offset() + 1).with("last", s.offset() + rows.size())
                .with("hasNext", s.offset() + perPage < s.total());
    }

    @POST
    @Path("queue")
    public Response act(@FormParam("action") String action, @FormParam("id") List<String> ids,
            @FormParam("one") String one, @FormParam("queue") String name) {
        String back = "/admin/site/queue" + (SiteQueue.QUEUES.contains(name) ? "?queue=" + name : "");
        String a = action;
        List<String> selected = ids;
        if (one != null && one.contains(":")) {
            a = one.substring(0, one.indexOf(':'));
            selected = List.of(one.substring(one.indexOf(':') + 1));
        }
        try {
            List<SiteQueue.Outcome> outcomes = queue.act(forms.account(), a, selected);
            String text = outcomes.stream().map(o -> o.id() + ": " + o.message()).collect(Collectors.joining("; "));
            return forms.done(back, text + ".");
        } catch (SiteRefusal e) {
            return forms.refused(queueView(null, 1, PAGE_SIZE), e);
        }
    }

    @GET
    @Path("verify")
    public Response verifyPage(@QueryParam("address") String address) {
        Pages.Page page = forms.page("site-verify", "Verify an address").with("address", address);
        if (address == null || address.isBlank()) {
            return page.ok();
        }
        try {
            return page.with("verdicts", verify.verify(forms.account(), address)).ok();
        } catch (SiteRefusal e) {
            return forms.refused(page, e);
        }
    }

    @GET
    @Path("health")
    public Response healthPage() {
        return forms.page("site-health", "Health").with("health", health.check(forms.account())).ok();
    }
}
