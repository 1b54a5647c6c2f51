package dev.quire.cron.sync;

import java.util.List;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;

/** Turns one raw value into an entry or an invalid line, the same way for every kind of source. */
final class Lines {
    private static final int MAX_NAME = 200;

    private Lines() {
    }

    static void add(String source, long line, String rawAddress, String rawName, List<SourceEntry> entries,
            List<InvalidLine> invalid) {
        String text = rawAddress == null ? "" : rawAddress.strip();
        if (text.isEmpty()) {
            invalid.add(new InvalidLine(source, line, text, "no address"));
            return;
        }
        try {
            EmailAddress address = EmailAddress.parse(text);
            String name = rawName == null || rawName.isBlank() ? null : rawName.strip();
            if (name != null && name.length() > MAX_NAME) {
                name = name.substring(0, MAX_NAME);
            }
            entries.add(new SourceEntry(address, name, line));
        } catch (InvalidAddressException e) {
            invalid.add(new InvalidLine(source, line, text, e.getMessage()));
        }
    }
}
