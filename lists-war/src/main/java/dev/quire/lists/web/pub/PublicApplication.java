package dev.quire.lists.web.pub;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import dev.quire.lists.web.WebExceptionMappers;

/** The public list pages at {@code /lists}: the index, list pages, subscribe forms and confirmation links. */
@ApplicationPath("/lists")
public class PublicApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(PublicPages.class, PublicProblem.Mapper.class, WebExceptionMappers.Unauthenticated.class,
                WebExceptionMappers.Forbidden.class, WebExceptionMappers.Http.class,
                WebExceptionMappers.Unexpected.class);
    }
}
