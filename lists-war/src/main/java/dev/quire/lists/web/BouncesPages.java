package dev.quire.lists.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import dev.quire.db.list.RosterImport;
import dev.quire.lists.admin.MemberAdministration;
import dev.quire.lists.admin.MemberAdministration.BulkResult;
import dev.quire.lists.admin.MemberAdministration.RosterPage;
import dev.quire.lists.admin.NewMember;
import dev.quire.lists.admin.Refused;
import dev.quire.lists.admin.RosterCsv;
import dev.quire.lists.admin.RosterImports;
import dev.quire.lists.security.Account;
import dev.quire.mail.EmailAddress;

/** {@code /admin/lists/{list}/bounces}: the members whose mail bounces, for the list's owners. */
@Path("/lists/{list}/bounces")
@RequestScoped
public class BouncesPages {
    @Inject
    OwnerPageSupport support;

    @Inject
    MemberAdministration members;

    @GET
    public Response bounces(@PathParam("list") String list) {
        Account account = support.account();
        return support.page("bounces", account, list).with("rows", members.bouncing(account, list)).ok();
    }
}
