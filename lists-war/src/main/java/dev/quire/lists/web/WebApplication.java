package dev.quire.lists.web;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The web admin's pages at {@code /admin}; its classes are listed so that the API's resources stay at /api only. */
@ApplicationPath("/admin")
public class WebApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SessionPages.class, PasswordResetPages.class, AdminPages.class, JobsPages.class, SyncPages.class,
                MembersPages.class,
                ImportPages.class, BouncesPages.class, HeldPages.class, PendingPages.class, BansPages.class,
                HeaderMatchesPages.class, SettingsPages.class, SiteBansPages.class, OwnerPageSupport.RefusedPage.class,
                SiteListPages.class, SiteRoutingPages.class, SiteOpsPages.class, SiteUserPages.class,
                SiteRefusalPage.class,
                WebExceptionMappers.Unauthenticated.class, WebExceptionMappers.Forbidden.class,
                WebExceptionMappers.Http.class, WebExceptionMappers.Unexpected.class);
    }
}
