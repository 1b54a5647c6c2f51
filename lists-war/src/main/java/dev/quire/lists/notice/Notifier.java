package dev.quire.lists.notice;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.lists.config.ListsSettings;
import dev.quire.lists.outgoing.MtaSubmission;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.Notice;

/** Sends notices through the MTA. */
@ApplicationScoped
public class Notifier {
    @Inject
    MtaSubmission mta;

    @Inject
    ListsSettings settings;

    /**
     * Queues a notice at the MTA. {@code envelopeSender} is where a bounce of the notice goes: a list's
     * {@code -bounces} address, or null for notices that must not bounce back (replies to bounces).
     */
    public void send(EmailAddress envelopeSender, Notice notice) throws IOException {
        mta.submit(envelopeSender, notice.to(), notice.toBytes(settings.hostname()));
    }
}
