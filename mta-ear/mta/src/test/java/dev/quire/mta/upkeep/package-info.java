/** The MTA's upkeep jobs on a real spool in a temporary directory, with notifications the real composer wrote. */
package dev.quire.mta.upkeep;
