/**
 * Mail domains Quire serves and the local mailboxes in them. A domain is LOCAL (Maildir users) or LIST
 * (mailing lists); the MTA's router reads these tables, read only.
 */
package dev.quire.db.domain;
