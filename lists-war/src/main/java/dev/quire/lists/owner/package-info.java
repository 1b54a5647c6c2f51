/**
 * {@code list-owner@}: mail for the people who run a list, forwarded to its owners and moderators as it
 * came. SECURITY: forwards untrusted messages unchanged but for one trace header that stops loops.
 */
package dev.quire.lists.owner;
