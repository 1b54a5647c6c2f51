package dev.quire.mta.enumerate;

/** The two forms of the valid-address file. */
public enum AddressFormat {
    /** One address per line ({@code addresses}). */
    PLAIN("addresses"),
    /** Postfix's {@code relay_recipient_maps} source: {@code address OK} ({@code relay_recipients}; run postmap). */
    POSTFIX("relay_recipients");

    private final String fileName;

    AddressFormat(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** The file's text: a header saying how plus addresses work, then one sorted line per address. */
    public String render(Iterable<String> sortedAddresses, char delimiter) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("# Every address Quire accepts mail for. Generated: edit Quire's tables, not this file.\n");
        out.append("# recipient_delimiter ").append(delimiter).append(" : user").append(delimiter)
                .append("detail@domain is valid when user@domain is listed (list VERP name-bounces")
                .append(delimiter).append("...@ and confirmations name-confirm").append(delimiter).append("...@).\n");
        String suffix = this == POSTFIX ? " OK\n" : "\n";
        for (String a : sortedAddresses) {
            out.append(a).append(suffix);
        }
        return out.toString();
    }
}
