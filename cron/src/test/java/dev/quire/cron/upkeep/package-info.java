/** Upkeep tasks against real rows in MariaDB. */
package dev.quire.cron.upkeep;
