package dev.quire.lists.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** API tokens (table {@code api_token}, hashed): a valid token authenticates as its site user. */
@ApplicationScoped
public class ApiTokenIdentityStore implements IdentityStore {
    @Inject
    Accounts accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof ApiTokenCredential)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return accounts.checkToken(((ApiTokenCredential) credential).token())
                .map(a -> new CredentialValidationResult(a.username(), a.groups()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
