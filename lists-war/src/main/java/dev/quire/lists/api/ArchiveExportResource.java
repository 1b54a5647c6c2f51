package dev.quire.lists.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.db.list.MailingList;
import dev.quire.lists.archive.ArchiveTransfer;
import dev.quire.lists.security.Caller;
import dev.quire.lists.security.ListRights;
import dev.quire.lists.security.ListRole;

/**
 * {@code GET /api/lists/{list}/archive.mbox}: a list's whole archive as one mboxrd file, streamed, for its owners
 * and site admins (the public download of public archives is the archive pages' own).
 */
@Path("/lists/{list}/archive.mbox")
@RequestScoped
public class ArchiveExportResource {
    /** The media type of mbox files (RFC 4155). */
    public static final String MBOX = "application/mbox";

    @Inject
    Caller caller;

    @Inject
    ListRights rights;

    @Inject
    ArchiveTransfer transfer;

    @GET
    @Produces(MBOX)
    @Operation(summary = "The list's archive as an mboxrd file (owners and site admins)")
    @APIResponse(responseCode = "403", description = "the caller only moderates the list")
    @APIResponse(responseCode = "404", description = "no such list, or the caller has no role on it")
    public Response export(@PathParam("list") String list) {
        MailingList managed = rights.require(caller.require(), list, ListRole.OWNER).list();
        StreamingOutput body = out -> transfer.exportMbox(managed, out);
        return Response.ok(body, MBOX)
                .header("Content-Disposition", "attachment; filename=\"" + managed.listId() + ".mbox\"")
                .build();
    }
}
