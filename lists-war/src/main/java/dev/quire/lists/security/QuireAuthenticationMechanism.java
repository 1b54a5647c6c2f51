package dev.quire.lists.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Authenticates every request of lists.war, in this order:
 * <ol>
 * <li>{@code Authorization: Bearer <token>}: an API token, checked by {@link ApiTokenIdentityStore}; a bad one
 * is answered 401 at once (JSON);</li>
 * <li>a password given to {@code SecurityContext.authenticate} by the login page: throttled by
 * {@link LoginThrottle}, checked by {@link SiteUserIdentityStore}; on success the session id changes (no
 * fixation), a new CSRF token is made and the session remembers the login; the outcome is left on the
 * request ({@link LoginOutcome}) for the page to answer;</li>
 * <li>a session that logged in before: valid until idle for {@code quire.web.session.timeout}, or
 * {@code quire.web.session.max} after the login, or a change of the account's password.</li>
 * </ol>
 * Anything else goes on unauthenticated; pages and resources decide whether that is enough.
 */
@ApplicationScoped
public class QuireAuthenticationMechanism implements HttpAuthenticationMechanism {
    /** Request attribute set when the caller authenticated with an API token (no cookies: CSRF does not apply). */
    public static final String BEARER = "quire.auth.bearer";
    /** Request attribute holding the caller's {@link Account} when a session authenticated it. */
    public static final String ACCOUNT = "quire.auth.account";
    private static final Logger LOG = Logger.getLogger(QuireAuthenticationMechanism.class.getName());
    private static final String BEARER_PREFIX = "Bearer ";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    LoginThrottle throttle;

    @Inject
    Accounts accounts;

    @Inject
    SecuritySettings settings;

    Clock clock = Clock.systemUTC();

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        SecurityHeaders.apply(request, response);
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
            return bearer(authorization.substring(BEARER_PREFIX.length()).strip(), request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential) {
            return login((UsernamePasswordCredential) credential, request, context);
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/static/")) {
            return context.doNothing();
        }
        return session(request, context);
    }

    private AuthenticationStatus bearer(String token, HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        CredentialValidationResult result = identityStores.validate(new ApiTokenCredential(token));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            request.setAttribute(BEARER, Boolean.TRUE);
            return context.notifyContainerAboutLogin(result);
        }
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"quire\", error=\"invalid_token\"");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(("{\"status\":401,\"error\":\"unauthorized\",\"message\":"
                    + "\"The API token is not valid: unknown, expired, or its account is disabled.\"}")
                    .getBytes(StandardCharsets.UTF_8));
            response.flushBuffer();
        } catch (IOException e) {
            LOG.fine(() -> "could not answer a refused token: " + e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus login(UsernamePasswordCredential credential, HttpServletRequest request,
            HttpMessageContext context) {
        String username = credential.getCaller();
        String client = request.getRemoteAddr();
        Optional<java.time.Duration> locked = throttle.lockedFor(username, client);
        if (locked.isPresent()) {
            request.setAttribute(LoginOutcome.ATTRIBUTE, LoginOutcome.throttled(locked.get()));
            return context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(username, client);
            LOG.info(() -> "failed web login for '" + Account.printable(username) + "' from " + client);
            request.setAttribute(LoginOutcome.ATTRIBUTE, throttle.lockedFor(username, client)
                    .map(LoginOutcome::throttled).orElse(LoginOutcome.refused()));
            return context.doNothing();
        }
        throttle.succeeded(username);
        String caller = result.getCallerPrincipal().getName();
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(SessionLogin.ATTRIBUTE, new SessionLogin(caller, clock.instant()));
        session.setMaxInactiveInterval((int) settings.sessionTimeout().toSeconds());
        CsrfTokens.rotate(session);
        request.setAttribute(LoginOutcome.ATTRIBUTE, LoginOutcome.loggedIn());
        LOG.info(() -> "web login of '" + caller + "' from " + client);
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus session(HttpServletRequest request, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SessionLogin.ATTRIBUTE) instanceof SessionLogin)) {
            return context.doNothing();
        }
        SessionLogin login = (SessionLogin) session.getAttribute(SessionLogin.ATTRIBUTE);
        Instant now = clock.instant();
        Optional<Account> account = now.isAfter(login.since().plus(settings.sessionMax()))
                ? Optional.empty()
                : accounts.forSession(login.username(), login.since());
        if (account.isEmpty()) {
            session.invalidate();
            return context.doNothing();
        }
        request.setAttribute(ACCOUNT, account.get());
        return context.notifyContainerAboutLogin(account.get().username(), account.get().groups());
    }
}
