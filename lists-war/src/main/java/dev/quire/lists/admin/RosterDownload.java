package dev.quire.lists.admin;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import dev.quire.lists.security.Account;

/** The roster as a CSV download, for the REST API and the members page alike (owners). */
@ApplicationScoped
public class RosterDownload {
    @Inject
    MemberAdministration members;

    /** The rights are checked before the response starts; the rows are then streamed in batches. */
    public Response csv(Account caller, String list) {
        members.requireOwner(caller, list);
        StreamingOutput body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            members.export(caller, list, w);
            w.flush();
        };
        return Response.ok(body, "text/csv;charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"members.csv\"").build();
    }
}
