package dev.quire.lists.security;

import java.security.Principal;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** The authenticated account of the current request, if any. */
@RequestScoped
public class Caller {
    @Inject
    HttpServletRequest request;

    @Inject
    Accounts accounts;

    private Optional<Account> account;

    /** The caller's account; empty for an anonymous request. */
    public Optional<Account> account() {
        if (account == null) {
            Object fromSession = request.getAttribute(QuireAuthenticationMechanism.ACCOUNT);
            Principal principal = request.getUserPrincipal();
            if (fromSession instanceof Account) {
                account = Optional.of((Account) fromSession);
            } else if (principal != null) {
                account = accounts.find(principal.getName());
            } else {
                account = Optional.empty();
            }
        }
        return account;
    }

    /** The caller's account, or {@link NotAuthenticated}. */
    public Account require() {
        return account().orElseThrow(NotAuthenticated::new);
    }

    /** True when the caller authenticated with an API token rather than a session. */
    public boolean byToken() {
        return Boolean.TRUE.equals(request.getAttribute(QuireAuthenticationMechanism.BEARER));
    }
}
