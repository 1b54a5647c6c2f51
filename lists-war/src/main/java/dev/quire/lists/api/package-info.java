/**
 * The REST API at {@code /api}: JSON in and out, described by MicroProfile OpenAPI at {@code /openapi}.
 * Resources only validate, map to views and call one service; every call needs an API token or a logged-in
 * session and is checked against {@link dev.quire.lists.security.ListRights}. Every error answers the same
 * JSON shape ({@link dev.quire.lists.api.ErrorView}) with the right 4xx, never a stack trace. SECURITY:
 * parses untrusted JSON bodies and path parameters.
 */
package dev.quire.lists.api;
