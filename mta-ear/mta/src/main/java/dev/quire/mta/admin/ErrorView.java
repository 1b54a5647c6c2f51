package dev.quire.mta.admin;

/** The body of every error the admin API answers. */
public record ErrorView(String error) {
}
