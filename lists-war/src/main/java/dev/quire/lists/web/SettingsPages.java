package dev.quire.lists.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import dev.quire.db.list.MailingList;
import dev.quire.lists.admin.ListAdministration;
import dev.quire.lists.admin.ListAdministration.Updated;
import dev.quire.lists.admin.ListSettings;
import dev.quire.lists.admin.ListSettings.Kind;
import dev.quire.lists.admin.ListSettings.Section;
import dev.quire.lists.admin.ListSettings.Setting;
import dev.quire.lists.admin.Refused;
import dev.quire.lists.security.Account;

/**
 * {@code /admin/lists/{list}/settings/{section}}: a list's settings by section, each with its help, for owners
 * and site admins (a moderator gets 403, anyone else 404). A section's form is saved as a whole through the
 * same service as the REST API (the form is read from the servlet request, whose parameters the CSRF
 * filter has already parsed); a refused form comes back with the values kept and a message by each field.
 */
@Path("/lists/{list}/settings")
@RequestScoped
public class SettingsPages {
    @Inject
    OwnerPageSupport support;

    @Inject
    ListAdministration admin;

    /** One field of a form: what the template shows. */
    public record Field(String name, String label, String help, String kind, String value, List<String> choices,
            String error) {
    }

    /** A section in the page's navigation. */
    public record SectionLink(String slug, String title, boolean current) {
    }

    @GET
    public Response first(@PathParam("list") String list) {
        return support.back(list, "settings/" + Section.GENERAL.slug(), null);
    }

    @GET
    @Path("{section}")
    public Response show(@PathParam("list") String list, @PathParam("section") String slug) {
        Account account = support.account();
        MailingList l = admin.settings(account, list).list();
        Section section = section(slug);
        List<Field> fields = ListSettings.in(section).stream()
                .map(s -> new Field(s.name(), s.label(), s.help(), s.kind().name(), s.text(l), s.choices(), null))
                .toList();
        return page(account, list, section, fields).ok();
    }

    @POST
    @Path("{section}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("list") String list, @PathParam("section") String slug,
            @Context HttpServletRequest form) {
        Account account = support.account();
        admin.settings(account, list);
        Section section = section(slug);
        Map<String, String> values = new LinkedHashMap<>();
        for (Setting s : ListSettings.in(section)) {
            String v = form.getParameter(s.name());
            if (s.kind() == Kind.BOOLEAN) {
                values.put(s.name(), Boolean.toString(v != null));
            } else if (v != null) {
                values.put(s.name(), v);
            }
        }
        try {
            Updated u = admin.update(account, list, ListSettings.parse(values));
            String what = u.changed().isEmpty()
                    ? "nothing changed."
                    : "changed " + String.join(", ", u.changed()).toLowerCase(java.util.Locale.ROOT) + ".";
            return support.back(list, "settings/" + section.slug(), section.title() + " saved: " + what);
        } catch (Refused e) {
            Map<String, String> errors = e.fields() == null ? Map.of() : e.fields();
            List<Field> fields = ListSettings.in(section).stream()
                    .map(s -> new Field(s.name(), s.label(), s.help(), s.kind().name(),
                            values.getOrDefault(s.name(), ""), s.choices(), errors.get(s.name())))
                    .toList();
            return page(account, list, section, fields).with("error", e.getMessage()).response(400);
        }
    }

    private static Section section(String slug) {
        return Section.of(slug).orElseThrow(() -> Refused.notFound("No such section of the settings."));
    }

    private Pages.Page page(Account account, String list, Section section, List<Field> fields) {
        List<SectionLink> links = Arrays.stream(Section.values())
                .map(s -> new SectionLink(s.slug(), s.title(), s == section)).toList();
        return support.page("settings", account, list).with("section", section.slug())
                .with("sectionTitle", section.title()).with("sections", links).with("fields", fields);
    }
}
