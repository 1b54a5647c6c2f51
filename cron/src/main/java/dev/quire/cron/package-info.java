/**
 * Quire's scheduled jobs on Quartz (membership sync, the valid-address file for upstream relays, queue,
 * digest, bounce and token upkeep). The module is part of the build from the start so that the dependency
 * direction {@code db <- cron <- lists-war} holds; its jobs arrive with the scheduled-jobs issue.
 */
package dev.quire.cron;
