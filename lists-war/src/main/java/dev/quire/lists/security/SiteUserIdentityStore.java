package dev.quire.lists.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** Site users' passwords (table {@code site_user}); groups {@link Account#USER_GROUP} and, for admins, more. */
@ApplicationScoped
public class SiteUserIdentityStore implements IdentityStore {
    @Inject
    Accounts accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        UsernamePasswordCredential c = (UsernamePasswordCredential) credential;
        Optional<Account> account = accounts.checkPassword(c.getCaller(), c.getPassword().getValue());
        return account.map(a -> new CredentialValidationResult(a.username(), a.groups()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
