package dev.quire.lists.security;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.quire.lists.config.ListsSettings;

/** The settings of logins, sessions, throttling and reset links, with their defaults (docs/configuration.md). */
@ApplicationScoped
public class SecuritySettings {
    @Inject
    ListsSettings lists;

    @Inject
    @ConfigProperty(name = "quire.data.dir", defaultValue = "./var")
    String dataDir;

    @Inject
    @ConfigProperty(name = "quire.web.session.timeout", defaultValue = "PT30M")
    Duration sessionTimeout;

    @Inject
    @ConfigProperty(name = "quire.web.session.max", defaultValue = "PT12H")
    Duration sessionMax;

    @Inject
    @ConfigProperty(name = "quire.web.login.user-failures", defaultValue = "5")
    int userFailures;

    @Inject
    @ConfigProperty(name = "quire.web.login.ip-failures", defaultValue = "20")
    int ipFailures;

    @Inject
    @ConfigProperty(name = "quire.web.login.delay.min", defaultValue = "PT30S")
    Duration delayMin;

    @Inject
    @ConfigProperty(name = "quire.web.login.delay.max", defaultValue = "PT15M")
    Duration delayMax;

    @Inject
    @ConfigProperty(name = "quire.web.login.window", defaultValue = "PT1H")
    Duration window;

    @Inject
    @ConfigProperty(name = "quire.web.reset.lifetime", defaultValue = "PT1H")
    Duration resetLifetime;

    /**
     * The address people reach the web side at, without a trailing slash: links in mail use it, never the
     * Host header of a request (which a client chooses).
     */
    /** {@code quire.web.url}: the one public address of the web side (see {@link ListsSettings#webUrl()}). */
    public URI webUrl() {
        return URI.create(lists.webUrl());
    }

    public Path dataDir() {
        return Path.of(dataDir);
    }

    /** A session without requests for this long ends. */
    public Duration sessionTimeout() {
        return sessionTimeout;
    }

    /** A session ends this long after its login, however busy. */
    public Duration sessionMax() {
        return sessionMax;
    }

    public LoginThrottle.Policy throttlePolicy() {
        return new LoginThrottle.Policy(userFailures, ipFailures, delayMin, delayMax, window);
    }

    public Duration resetLifetime() {
        return resetLifetime;
    }
}
