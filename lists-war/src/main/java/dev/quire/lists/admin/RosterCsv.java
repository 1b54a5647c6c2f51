package dev.quire.lists.admin;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;

/**
 * Reads a members file with Apache Commons CSV, line by line so that every problem names its line: a CSV
 * file with a header row (columns named {@code address} or {@code email}, and {@code name}), or with the
 * address and name in given columns; lines of the form {@code Name <address>} and plain addresses are
 * accepted in either. An address that appears twice is taken once.
 */
public final class RosterCsv {
    private static final Set<String> ADDRESS_HEADERS = Set.of("address", "email", "e-mail", "email address", "mail");
    private static final Set<String> NAME_HEADERS = Set.of("name", "display name", "full name", "display_name");

    private RosterCsv() {
    }

    /**
     * Where the columns are. {@code header}: the first line names them; otherwise the address is in column
     * {@code addressColumn} and the name in {@code nameColumn} (both from 1; a name column of 0 means none).
     */
    public record Layout(boolean header, int addressColumn, int nameColumn) {
        public static final Layout PLAIN = new Layout(false, 1, 2);

        /** A layout from a form or a query; columns out of range are a 400. */
        public static Layout of(boolean header, int addressColumn, int nameColumn) {
            if (addressColumn < 1 || addressColumn > 100 || nameColumn < 0 || nameColumn > 100) {
                throw Refused.invalid("addressColumn",
                        "Columns count from 1 (a name column of 0 means none), up to 100.");
            }
            return header ? new Layout(true, 1, 0) : new Layout(false, addressColumn, nameColumn);
        }
    }

    /** A line that could not be read, with why. */
    public record InvalidLine(int line, String reason, String text) {
    }

    /** What a file holds: the entries in file order, and the lines that could not be read. */
    public record Parsed(List<NewMember> entries, List<InvalidLine> invalid) {
    }

    public static Parsed read(String text, Layout layout) {
        List<NewMember> entries = new ArrayList<>();
        List<InvalidLine> invalid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] lines = text.replace("\uFEFF", "").split("\r\n|\r|\n", -1);
        int addressColumn = layout.addressColumn();
        int nameColumn = layout.nameColumn();
        boolean headerPending = layout.header();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (headerPending) {
                headerPending = false;
                List<String> names = fields(line);
                addressColumn = column(names, ADDRESS_HEADERS);
                nameColumn = column(names, NAME_HEADERS);
                if (addressColumn == 0) {
                    invalid.add(new InvalidLine(number, "the header names no address column (address or email)",
                            shorten(line)));
                    return new Parsed(entries, invalid);
                }
                continue;
            }
            try {
                NewMember m = entry(line, addressColumn, nameColumn);
                if (seen.add(m.address().toString().toLowerCase(Locale.ROOT))) {
                    entries.add(m);
                }
            } catch (IllegalArgumentException e) {
                invalid.add(new InvalidLine(number, e.getMessage(), shorten(line)));
            }
        }
        return new Parsed(entries, invalid);
    }

    private static NewMember entry(String line, int addressColumn, int nameColumn) {
        String trimmed = line.strip();
        if (trimmed.endsWith(">") && trimmed.indexOf('<') >= 0) {
            try {
                InternetAddress a = new InternetAddress(trimmed, true);
                return new NewMember(address(a.getAddress()), NewMember.cleanName(a.getPersonal()));
            } catch (AddressException e) {
                throw new IllegalArgumentException("not a \"Name <address>\" line: " + e.getMessage());
            }
        }
        List<String> fields;
        try {
            fields = fields(line);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("not a CSV line: " + e.getMessage());
        }
        if (fields.size() < addressColumn || fields.get(addressColumn - 1).isBlank()) {
            throw new IllegalArgumentException("no address in column " + addressColumn);
        }
        String name = nameColumn > 0 && fields.size() >= nameColumn ? fields.get(nameColumn - 1) : null;
        return new NewMember(address(fields.get(addressColumn - 1).strip()), NewMember.cleanName(name));
    }

    private static EmailAddress address(String text) {
        try {
            return EmailAddress.parse(text);
        } catch (InvalidAddressException e) {
            throw new IllegalArgumentException(
                    "\"" + MemberAdministration.shorten(text) + "\" is not an email address");
        }
    }

    private static List<String> fields(String line) {
        try (CSVParser p = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreSurroundingSpaces(true).build()
                .parse(new StringReader(line))) {
            List<CSVRecord> records = p.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    private static int column(List<String> names, Set<String> wanted) {
        for (int i = 0; i < names.size(); i++) {
            if (wanted.contains(names.get(i).strip().toLowerCase(Locale.ROOT))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String shorten(String line) {
        return MemberAdministration.shorten(line);
    }
}
