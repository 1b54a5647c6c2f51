package dev.quire.lists.message;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;

/** The mailboxes named in address header fields (From, To, Cc, ...), read leniently. */
public final class Addresses {
    private Addresses() {
    }

    /**
     * Every usable address in every field of that name, in order. An unparsable field names nobody, and an
     * address Quire cannot use (no domain, bad syntax) is left out.
     */
    public static List<EmailAddress> in(MailMessage message, String header) {
        List<EmailAddress> out = new ArrayList<>();
        for (String value : message.headers(header)) {
            try {
                for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                    add(a.getAddress(), out);
                }
            } catch (AddressException e) {
                // an unparsable field names nobody; the other fields still count
            }
        }
        return out;
    }

    private static void add(String address, List<EmailAddress> out) {
        if (address == null) {
            return;
        }
        try {
            out.add(EmailAddress.parse(address));
        } catch (InvalidAddressException e) {
            // not a usable address
        }
    }
}
