/**
 * The {@code quire} command: parses the subcommand and hands over to it. {@code run} boots the whole stack on
 * one machine; later subcommands talk to a running instance. Nothing here touches mail or the database itself.
 */
package dev.quire.cli;
