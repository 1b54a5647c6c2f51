/** The router inside the deployed mta.war, and RCPT on its running MX listener. */
package dev.quire.mta.routing;
