/**
 * People who log in to Quire's web admin and REST API, and how their passwords are stored (salted
 * PBKDF2; never in clear).
 */
package dev.quire.db.user;
