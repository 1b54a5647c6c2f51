package dev.quire.lists.web.pub;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.quire.lists.web.ErrorPages;

/**
 * A public page that cannot be shown, with the status and the sentence a visitor reads: no such list (or
 * one that is not advertised, or has no archive) is a 404, exactly like a list that does not exist.
 */
public final class PublicProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public PublicProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 404 for a list a visitor may not know about. */
    public static PublicProblem noSuchList(String listId) {
        return new PublicProblem(404, "There is no public list " + listId + ".");
    }

    public int status() {
        return status;
    }

    /** Renders the problem as the site's error page. */
    @Provider
    public static class Mapper implements ExceptionMapper<PublicProblem> {
        @Inject
        ErrorPages errors;

        @Override
        public Response toResponse(PublicProblem e) {
            return errors.page(e.status(), e.getMessage());
        }
    }
}
