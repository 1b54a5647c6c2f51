/**
 * The list engine's configuration through MicroProfile Config; every key is in docs/configuration.md.
 */
package dev.quire.lists.config;
