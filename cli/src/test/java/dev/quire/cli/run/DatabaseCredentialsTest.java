package dev.quire.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseCredentialsTest {

    @TempDir
    Path work;

    @Test
    void firstCallGeneratesAPrivateFileAndLaterCallsReuseIt() throws IOException {
        Path file = work.resolve(DatabaseCredentials.FILE_NAME);

        DatabaseCredentials first = DatabaseCredentials.loadOrCreate(file);
        DatabaseCredentials second = DatabaseCredentials.loadOrCreate(file);

        assertEquals("quire", first.user());
        assertTrue(first.password().matches("[A-Za-z0-9]{32}"));
        assertEquals(first, second);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void passwordsDifferBetweenInstances() throws IOException {
        DatabaseCredentials one = DatabaseCredentials.loadOrCreate(work.resolve("one"));
        DatabaseCredentials two = DatabaseCredentials.loadOrCreate(work.resolve("two"));

        assertFalse(one.password().equals(two.password()));
    }

    @Test
    void aPasswordThatCouldBreakSqlIsRefused() throws IOException {
        Path file = Files.writeString(work.resolve("creds"), "user=quire\npassword=abc'; DROP USER root; --xx\n");

        assertThrows(IOException.class, () -> DatabaseCredentials.loadOrCreate(file));
    }

    @Test
    void toStringHidesThePassword() throws IOException {
        DatabaseCredentials credentials = DatabaseCredentials.loadOrCreate(work.resolve("creds"));

        assertFalse(credentials.toString().contains(credentials.password()));
    }
}
