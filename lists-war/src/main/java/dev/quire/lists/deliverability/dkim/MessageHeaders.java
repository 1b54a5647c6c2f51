package dev.quire.lists.deliverability.dkim;

import java.util.List;
import java.util.Locale;

import org.apache.james.jdkim.api.Headers;

import dev.quire.lists.message.MailMessage;

/** jDKIM's view of a message's header: the raw fields, so canonicalization sees them as they will be sent. */
final class MessageHeaders implements Headers {
    private final MailMessage message;

    MessageHeaders(MailMessage message) {
        this.message = message;
    }

    @Override
    public List<String> getFields() {
        return message.rawFields().stream().map(MessageHeaders::withoutCrlf).toList();
    }

    @Override
    public List<String> getFields(String name) {
        return message.rawFields(name.toLowerCase(Locale.ROOT)).stream().map(MessageHeaders::withoutCrlf).toList();
    }

    private static String withoutCrlf(String raw) {
        return raw.endsWith("\r\n") ? raw.substring(0, raw.length() - 2) : raw;
    }
}
