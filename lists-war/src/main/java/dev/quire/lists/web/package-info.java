/**
 * The web admin's pages at {@code /admin}: JAX-RS resources that render server-side HTML with Thymeleaf
 * (ADR 0030), no JavaScript needed, plus what guards every request of lists.war: security headers, CSRF
 * tokens and Origin checks on every state change ({@link dev.quire.lists.web.WebSecurityFilter}), and error
 * pages without stack traces. SECURITY: parses untrusted form fields, headers and path parameters;
 * everything shown is escaped by the template engine.
 */
package dev.quire.lists.web;
