/** The clustered scheduler outside a container: two nodes in one JVM on a real MariaDB job store. */
package dev.quire.scheduler.quartz;
