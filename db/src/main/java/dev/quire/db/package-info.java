/**
 * Quire's persistent model, shared by the MTA and the list engine: Flyway migrations (under
 * {@code db/migration}), JPA entities with their repositories beside them, and start-up helpers
 * ({@link dev.quire.db.Migrations}, {@link dev.quire.db.DemoData}). The database schema is owned here
 * and nowhere else.
 */
package dev.quire.db;
