package dev.quire.lists.security;

import jakarta.security.enterprise.credential.Credential;

/** The secret of an {@code Authorization: Bearer} header, checked by {@link ApiTokenIdentityStore}. */
public final class ApiTokenCredential implements Credential {
    private final String token;

    public ApiTokenCredential(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    @Override
    public void clear() {
        // a String cannot be wiped; the reference goes with the request
    }
}
