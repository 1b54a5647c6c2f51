/**
 * Subcommands that talk to a running Quire on the same host through its admin API, authenticated with the
 * local admin token the MTA keeps in {@code <data dir>/run/admin-token}: {@code verify}, {@code queue},
 * {@code quiesce} and {@code open}.
 */
package dev.quire.cli.admin;
