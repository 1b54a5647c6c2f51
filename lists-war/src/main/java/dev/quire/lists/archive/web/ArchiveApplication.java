package dev.quire.lists.archive.web;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import dev.quire.lists.web.WebExceptionMappers;
import dev.quire.lists.web.pub.PublicProblem;

/** The archives on the web at {@code /archives}, where List-Archive and Archived-At point. */
@ApplicationPath("/archives")
public class ArchiveApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ArchivePages.class, PublicProblem.Mapper.class, WebExceptionMappers.Unauthenticated.class,
                WebExceptionMappers.Forbidden.class, WebExceptionMappers.Http.class,
                WebExceptionMappers.Unexpected.class);
    }
}
