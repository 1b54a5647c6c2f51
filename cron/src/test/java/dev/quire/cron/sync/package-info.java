/** Membership sync against a real MariaDB server: Quire's database, a second "department" database, real files. */
package dev.quire.cron.sync;
