/**
 * Operating state an admin switches at run time: quiescent mode, which the listeners and the queue
 * manager both obey. SECURITY: parses no untrusted input; it is changed only through the admin API.
 */
package dev.quire.mta.control;
