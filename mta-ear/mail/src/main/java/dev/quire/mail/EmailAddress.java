package dev.quire.mail;

import java.util.Locale;
import java.util.Objects;

/**
 * An RFC 5321 mailbox {@code local@domain}, validated and normalised once.
 * <p>
 * The local part is kept exactly as it appears on the wire (dot-atom, or quoted string including its quotes and
 * backslash escapes) and compared case-sensitively, as RFC 5321 section 2.4 requires of everyone but the final
 * destination. The domain is a hostname of LDH labels, lower-cased, or an IPv4 address literal such as
 * {@code [192.0.2.1]}. {@code %} and {@code !} are legal atext and accepted, but they carry no routing meaning in
 * Quire: whoever routes mail must treat {@code a%b@c} as the literal local part {@code a%b} at {@code c}, never
 * relay it to {@code b}.
 * <p>
 * {@link #parse(String, boolean)} with {@code allowUtf8} also accepts the RFC 6531 forms: non-ASCII characters in the
 * local part (dot-atom or quoted) and domain labels of letters, digits, marks and hyphens (U-labels kept as given,
 * lower-cased, not converted to A-labels). Then the length limits count UTF-8 octets.
 */
public final class EmailAddress {

    /** RFC 5321 section 4.5.3.1.3 path limit minus the angle brackets. */
    public static final int MAX_LENGTH = 254;
    /** RFC 5321 section 4.5.3.1.1. */
    public static final int MAX_LOCAL_LENGTH = 64;
    private static final int MAX_DOMAIN_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private final String localPart;
    private final String domain;

    private EmailAddress(String localPart, String domain) {
        this.localPart = localPart;
        this.domain = domain;
    }

    /**
     * Parses {@code local@domain}; the caller strips any surrounding angle brackets.
     *
     * @throws InvalidAddressException if the string is not an acceptable mailbox
     */
    public static EmailAddress parse(String address) {
        return parse(address, false);
    }

    /**
     * Parses {@code local@domain}, allowing UTF-8 (RFC 6531) when the transaction declared SMTPUTF8.
     *
     * @param address the mailbox without angle brackets
     * @param allowUtf8 true to accept non-ASCII characters in the local part and the domain
     * @throws InvalidAddressException if the string is not an acceptable mailbox
     */
    public static EmailAddress parse(String address, boolean allowUtf8) {
        if (address == null || address.isEmpty()) {
            throw new InvalidAddressException("empty address");
        }
        if (octets(address) > MAX_LENGTH) {
            throw new InvalidAddressException("address longer than " + MAX_LENGTH + " characters");
        }
        if (!allowUtf8 && !address.chars().allMatch(c -> c < 0x80)) {
            throw new InvalidAddressException("non-ASCII address without SMTPUTF8");
        }
        if (!surrogatesPaired(address)) {
            throw new InvalidAddressException("malformed UTF-16 in address");
        }
        if (address.charAt(0) == '@') {
            throw new InvalidAddressException("source routes are not accepted");
        }
        int at = address.charAt(0) == '"' ? endOfQuotedString(address, allowUtf8) : address.indexOf('@');
        if (at < 0 || at >= address.length() || address.charAt(at) != '@') {
            throw new InvalidAddressException("missing @domain");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        checkLocalPart(local, allowUtf8);
        String checkedDomain = checkDomain(domain, allowUtf8);
        if (octets(local) + 1 + octets(checkedDomain) > MAX_LENGTH) {
            throw new InvalidAddressException("address longer than " + MAX_LENGTH + " octets");
        }
        return new EmailAddress(local, checkedDomain);
    }

    /**
     * Builds an address from a local part in its wire form (quoted if it needs quoting) and a domain.
     *
     * @throws InvalidAddressException if either part is invalid
     */
    public static EmailAddress of(String localPart, String domain) {
        Objects.requireNonNull(localPart, "localPart");
        Objects.requireNonNull(domain, "domain");
        EmailAddress address = parse(localPart + "@" + domain);
        if (!address.localPart.equals(localPart)) {
            throw new InvalidAddressException("invalid local part");
        }
        return address;
    }

    /** The local part exactly as transmitted, quotes included for a quoted string. */
    public String localPart() {
        return localPart;
    }

    /** The lower-cased domain, or the address literal with its brackets. */
    public String domain() {
        return domain;
    }

    /** {@code local@domain}, the form used inside {@code <...>} on the wire. */
    public String mailbox() {
        return localPart + "@" + domain;
    }

    @Override
    public String toString() {
        return mailbox();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailAddress that && localPart.equals(that.localPart) && domain.equals(that.domain);
    }

    @Override
    public int hashCode() {
        return localPart.hashCode() * 31 + domain.hashCode();
    }

    /** Index just past the closing quote of a quoted local part starting at 0, or -1 if unterminated. */
    private static int endOfQuotedString(String s, boolean utf8) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 >= s.length() || !isQtext(s.charAt(i + 1), utf8)) {
                    throw new InvalidAddressException("bad escape in quoted local part");
                }
                i++;
            } else if (c == '"') {
                return i + 1;
            } else if (!isQtext(c, utf8)) {
                throw new InvalidAddressException("control or non-ASCII character in quoted local part");
            }
        }
        throw new InvalidAddressException("unterminated quoted local part");
    }

    private static void checkLocalPart(String local, boolean utf8) {
        if (local.isEmpty()) {
            throw new InvalidAddressException("empty local part");
        }
        if (octets(local) > MAX_LOCAL_LENGTH) {
            throw new InvalidAddressException("local part longer than " + MAX_LOCAL_LENGTH + " characters");
        }
        if (local.charAt(0) == '"') {
            if (local.length() == 2) {
                throw new InvalidAddressException("empty quoted local part");
            }
            return; // the characters were checked by endOfQuotedString
        }
        boolean atomStart = true;
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c == '.') {
                if (atomStart) {
                    throw new InvalidAddressException("empty atom in local part");
                }
                atomStart = true;
            } else if (isAtext(c) || (utf8 && isUtf8NonAscii(c))) {
                atomStart = false;
            } else {
                throw new InvalidAddressException("character not allowed in unquoted local part");
            }
        }
        if (atomStart) {
            throw new InvalidAddressException("local part ends with a dot");
        }
    }

    private static String checkDomain(String given, boolean utf8) {
        if (given.isEmpty()) {
            throw new InvalidAddressException("empty domain");
        }
        String domain = given.charAt(0) == '[' ? given : given.toLowerCase(Locale.ROOT);
        if (domain.charAt(0) == '[') {
            checkAddressLiteral(domain);
            return domain;
        }
        if (octets(domain) > MAX_DOMAIN_LENGTH) {
            throw new InvalidAddressException("domain longer than " + MAX_DOMAIN_LENGTH + " characters");
        }
        int labelStart = 0;
        for (int i = 0; i <= domain.length(); i++) {
            if (i == domain.length() || domain.charAt(i) == '.') {
                checkLabel(domain, labelStart, i);
                labelStart = i + 1;
            } else if (!isLetterOrDigit(domain.charAt(i)) && domain.charAt(i) != '-'
                    && !(utf8 && isLabelChar(domain.charAt(i)))) {
                throw new InvalidAddressException("character not allowed in domain");
            }
        }
        return domain;
    }

    private static void checkLabel(String domain, int start, int end) {
        if (end == start) {
            throw new InvalidAddressException("empty domain label");
        }
        if (octets(domain.substring(start, end)) > MAX_LABEL_LENGTH) {
            throw new InvalidAddressException("domain label longer than " + MAX_LABEL_LENGTH + " characters");
        }
        if (domain.charAt(start) == '-' || domain.charAt(end - 1) == '-') {
            throw new InvalidAddressException("domain label starts or ends with a hyphen");
        }
    }

    private static void checkAddressLiteral(String literal) {
        if (literal.length() < 9 || literal.charAt(literal.length() - 1) != ']') {
            throw new InvalidAddressException("malformed address literal");
        }
        String[] octets = literal.substring(1, literal.length() - 1).split("\\.", -1);
        if (octets.length != 4) {
            throw new InvalidAddressException("only IPv4 address literals are accepted");
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(EmailAddress::isDigit)
                    || Integer.parseInt(octet) > 255) {
                throw new InvalidAddressException("malformed IPv4 address literal");
            }
        }
    }

    /** UTF-8 octets of a string whose surrogates are paired (lone ones were refused or count as 3). */
    private static int octets(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /**
     * RFC 6532 UTF8-non-ascii as far as an address may hold it: no C1 controls, no lone surrogates, no U+FFFD (what a
     * malformed UTF-8 command line decodes to), no spaces or format characters.
     */
    private static boolean isUtf8NonAscii(char c) {
        if (c < 0xa0 || c == 0xfffd || c == 0xfeff) {
            return false;
        }
        if (Character.isSurrogate(c)) {
            return true; // pairing was checked by surrogatesPaired
        }
        int type = Character.getType(c);
        return type != Character.SPACE_SEPARATOR && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR && type != Character.FORMAT && type != Character.CONTROL
                && type != Character.UNASSIGNED && type != Character.PRIVATE_USE;
    }

    private static boolean surrogatesPaired(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A non-ASCII domain character: a letter, digit or combining mark. */
    private static boolean isLabelChar(char c) {
        if (c < 0x80) {
            return false;
        }
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean isQtext(char c, boolean utf8) {
        return isPrintableAscii(c) || (utf8 && isUtf8NonAscii(c));
    }

    private static boolean isAtext(char c) {
        return isLetterOrDigit(c) || ATEXT_SPECIALS.indexOf(c) >= 0;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isPrintableAscii(char c) {
        return c >= 0x20 && c <= 0x7e;
    }
}
