package dev.quire.mta.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import dev.quire.mta.enumerate.AddressEnumerator;
import dev.quire.mta.enumerate.AddressFormat;
import dev.quire.mta.enumerate.AddressFileTask;
import dev.quire.mta.enumerate.EnumerationException;

/**
 * The valid-address file over HTTPS, for relays that prefer it to rsync: {@code GET /addresses} is the file the
 * address-file job last wrote ({@code ?format=postfix} for {@code relay_recipients}); with {@code ?domain=} it is
 * enumerated now for that one domain. Relays fetch it with their read-only token ({@code quire.addresses.tokens}),
 * sending the {@code ETag} back to get 304 while nothing changed.
 */
@Path("/addresses")
@RequestScoped
public class AddressesResource {
    @Inject
    AddressFileTask task;

    @Inject
    AddressEnumerator enumerator;

    /**
     * The file, with its SHA-256 as the {@code ETag} (the same checksum as {@code <file>.sha256}): a relay that sends
     * it back in {@code If-None-Match} gets 304 while nothing changed.
     */
    @GET
    @Produces("text/plain; charset=utf-8")
    public Response file(@QueryParam("format") String format, @QueryParam("domain") String domain,
            @Context Request request) throws IOException {
        byte[] content = content(format(format), domain);
        EntityTag tag = new EntityTag(sha256(content));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.build();
        }
        return Response.ok(content).tag(tag).build();
    }

    private byte[] content(AddressFormat f, String domain) throws IOException {
        if (domain != null && !domain.isBlank()) {
            try {
                return f.render(enumerator.enumerate(domain.strip().toLowerCase(Locale.ROOT)), '+')
                        .getBytes(StandardCharsets.UTF_8);
            } catch (EnumerationException e) {
                throw new ServiceUnavailableException(e.getMessage());
            }
        }
        try {
            return Files.readAllBytes(task.directory().resolve(f.fileName()));
        } catch (NoSuchFileException e) {
            throw new NotFoundException("no address file yet: run quire addresses --now");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AddressFormat format(String format) {
        if (format == null || format.isBlank() || format.equals("plain")) {
            return AddressFormat.PLAIN;
        }
        if (format.equals("postfix")) {
            return AddressFormat.POSTFIX;
        }
        throw new BadRequestException("format is plain or postfix");
    }
}
