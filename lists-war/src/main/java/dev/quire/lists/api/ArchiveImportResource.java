package dev.quire.lists.api;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.db.list.MailingList;
import dev.quire.lists.archive.ArchiveTransfer;
import dev.quire.lists.security.Caller;
import dev.quire.lists.security.ListRights;
import dev.quire.lists.security.ListRole;

/**
 * {@code POST /api/lists/{list}/archive/import}: streams an mbox file (a Mailman 2 archive, or any mboxrd or
 * mboxo file) into a list's archive, for its owners and site admins. Messages already archived (by Message-ID)
 * are skipped, so a repeated import adds nothing; a body with no message in it is refused and changes nothing.
 */
@Path("/lists/{list}/archive/import")
@RequestScoped
public class ArchiveImportResource {
    @Inject
    Caller caller;

    @Inject
    ListRights rights;

    @Inject
    ArchiveTransfer transfer;

    @POST
    @Consumes({ArchiveExportResource.MBOX, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Imports an mbox file into the list's archive (owners and site admins)")
    @APIResponse(responseCode = "400", description = "the body holds no mbox message; nothing was changed")
    @APIResponse(responseCode = "403", description = "the caller only moderates the list")
    @APIResponse(responseCode = "404", description = "no such list, or the caller has no role on it")
    public ArchiveImportView importMbox(@PathParam("list") String list, InputStream mbox) throws IOException {
        MailingList managed = rights.require(caller.require(), list, ListRole.OWNER).list();
        ArchiveTransfer.ImportResult r = transfer.importMbox(managed, mbox);
        if (r.read() == 0) {
            throw new InvalidRequest("The body is not an mbox file: it has no \"From \" line that starts a message.",
                    java.util.Map.of());
        }
        return new ArchiveImportView(r.read(), r.imported(), r.duplicates(), r.millis());
    }

    /** What an import did: messages read, new ones stored, ones already archived, and how long it took. */
    public record ArchiveImportView(int read, int imported, int duplicates, long millis) {
    }
}
