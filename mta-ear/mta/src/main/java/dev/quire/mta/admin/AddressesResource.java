package dev.quire.mta.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

import dev.quire.mta.enumerate.AddressEnumerator;
import dev.quire.mta.enumerate.AddressFormat;
import dev.quire.mta.enumerate.AddressFileTask;
import dev.quire.mta.enumerate.EnumerationException;

/**
 * The valid-address file over HTTPS, for relays that prefer it to rsync: {@code GET /addresses} is the file the
 * address-file job last wrote ({@code ?format=postfix} for {@code relay_recipients}); with {@code ?domain=} it is
 * enumerated now for that one domain.
 */
@Path("/addresses")
@RequestScoped
public class AddressesResource {
    @Inject
    AddressFileTask task;

    @Inject
    AddressEnumerator enumerator;

    @GET
    @Produces("text/plain; charset=utf-8")
    public String file(@QueryParam("format") String format, @QueryParam("domain") String domain)
            throws IOException {
        AddressFormat f = format(format);
        if (domain != null && !domain.isBlank()) {
            try {
                return f.render(enumerator.enumerate(domain.strip().toLowerCase(Locale.ROOT)), '+');
            } catch (EnumerationException e) {
                throw new ServiceUnavailableException(e.getMessage());
            }
        }
        try {
            return Files.readString(task.directory().resolve(f.fileName()));
        } catch (NoSuchFileException e) {
            throw new NotFoundException("no address file yet: run quire addresses --now");
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
