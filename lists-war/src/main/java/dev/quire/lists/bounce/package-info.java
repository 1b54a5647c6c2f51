/**
 * Bounces addressed to a list's {@code -bounces} address: recognizing the member a bounce is about and
 * what it says.
 */
package dev.quire.lists.bounce;
