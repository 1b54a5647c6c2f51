/**
 * The MTA's TLS identity: a certificate and key from PEM files named in configuration, or a self-signed
 * pair made on first start and kept under the data directory, so STARTTLS and port 465 work from the first
 * run. SECURITY: reads operator-supplied PEM files only; the generated key is written with mode 0600.
 */
package dev.quire.mta.tls;
