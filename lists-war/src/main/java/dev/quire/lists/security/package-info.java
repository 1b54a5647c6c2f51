/**
 * Who is calling and what they may do. Site users log in with a password (the login form) or present an
 * API token ({@code Authorization: Bearer}); {@link dev.quire.lists.security.QuireAuthenticationMechanism}
 * checks both through Jakarta Security's identity stores, keeps a session login alive until it expires, and
 * {@link dev.quire.lists.security.LoginThrottle} slows down password guessing. {@link
 * dev.quire.lists.security.ListRights} answers, per list, site admin > owner > moderator > nobody, for the
 * web pages and the REST API alike. SECURITY: parses untrusted user names, passwords, tokens and client
 * addresses; secrets are compared only through their hashes.
 */
package dev.quire.lists.security;
