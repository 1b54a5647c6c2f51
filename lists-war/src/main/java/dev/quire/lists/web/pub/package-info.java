/**
 * The public pages of lists.war: the index of advertised lists, list pages with subscribe and unsubscribe
 * forms (confirmed by email, with a honeypot and rate limits), confirmation links, and the RFC 8058
 * one-click unsubscribe endpoint. Everything here is open to anonymous visitors from the internet, so every
 * form answers the same whatever the membership, and nothing changes on a GET.
 */
package dev.quire.lists.web.pub;
