/** Two mta.war nodes on Payara Micro sharing one database: the clustered scheduler fires each trigger once. */
package dev.quire.mta.cluster;
