package dev.quire.mta.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Mounts the admin API at {@code /mta/api}. */
@ApplicationPath("/api")
public class AdminApplication extends Application {
}
