package dev.quire.lists.web.pub;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The limits of the public forms and of archive search, with their defaults (docs/configuration.md). */
@ApplicationScoped
public class PublicSettings {
    @Inject
    @ConfigProperty(name = "quire.web.public.window", defaultValue = "PT1H")
    Duration window;

    @Inject
    @ConfigProperty(name = "quire.web.public.ip-requests", defaultValue = "20")
    int ipRequests;

    @Inject
    @ConfigProperty(name = "quire.web.public.address-requests", defaultValue = "3")
    int addressRequests;

    @Inject
    @ConfigProperty(name = "quire.archive.search.time-limit", defaultValue = "PT1S")
    Duration searchTimeLimit;

    /** How long one archive search may run before MariaDB stops it and the page asks for narrower words. */
    public Duration searchTimeLimit() {
        return searchTimeLimit;
    }

    /** The window the request counts are kept over. */
    public Duration window() {
        return window;
    }

    /** Form requests one client address may make within the window. */
    public int ipRequests() {
        return ipRequests;
    }

    /** Form requests for one email address (any client) within the window. */
    public int addressRequests() {
        return addressRequests;
    }
}
