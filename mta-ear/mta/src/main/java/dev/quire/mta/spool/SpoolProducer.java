package dev.quire.mta.spool;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.quire.mta.config.MtaSettings;

/** Makes the one spool of this MTA available for injection (a plain singleton: the spool is final, not proxied). */
@ApplicationScoped
public class SpoolProducer {
    @Produces
    @Singleton
    Spool spool(MtaSettings settings) {
        try {
            return new Spool(settings.spoolDir(), settings.journalMaxMessage(), settings.checkpointAfter());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool at " + settings.spoolDir(), e);
        }
    }

    /** Stops the spool's journal writer once what is waiting is written. */
    void close(@Disposes Spool spool) throws IOException {
        spool.close();
    }
}
