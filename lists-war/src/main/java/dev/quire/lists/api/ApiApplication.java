package dev.quire.lists.api;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API at {@code /api}; its classes are listed so that the web pages' application does not serve them. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Quire REST API", version = "1", description = "Lists, their settings and the site, for list owners, moderators and site admins."
        + " Authenticate with an API token (Authorization: Bearer) or a logged-in session (then send"
        + " the X-CSRF-Token header on changes). Errors are JSON: {status, error, message, fields}."), security = @SecurityRequirement(name = "token"))
@SecurityScheme(securitySchemeName = "token", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class ApiApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(DomainsResource.class, ListsResource.class, SessionResource.class, JobsResource.class,
                MembersResource.class,
                HeldResource.class, PendingResource.class, BansResource.class, SiteBansResource.class,
                HeaderMatchesResource.class, BouncesResource.class, OwnerToolsMappers.RefusedJson.class,
                SyncResource.class, SyncRunsResource.class, SyncSourcesResource.class, SyncHoldsResource.class,
                AliasesResource.class, RelayNetworksResource.class, QueueResource.class, VerifyResource.class,
                HealthResource.class, UsersResource.class, SiteRefusalMapper.class,
                ArchiveExportResource.class, ArchiveImportResource.class,
                ApiExceptionMappers.Unauthenticated.class, ApiExceptionMappers.Forbidden.class,
                ApiExceptionMappers.Invalid.class, ApiExceptionMappers.Http.class,
                ApiExceptionMappers.Unexpected.class);
    }
}
