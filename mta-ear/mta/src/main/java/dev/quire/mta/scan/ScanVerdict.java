package dev.quire.mta.scan;

import java.util.List;

/** The content filter's answer to one message at the end of DATA. */
public sealed interface ScanVerdict {
    /**
     * Accept the message.
     *
     * @param headerLines complete header fields ({@code Name: value}, possibly folded with CRLF TAB) without the
     *        final CRLF, to prepend in this order
     */
    record Accept(List<String> headerLines) implements ScanVerdict {
        public Accept {
            headerLines = List.copyOf(headerLines);
        }
    }

    /** Refuse the message permanently (5xx). */
    record Reject(int code, String enhanced, String text) implements ScanVerdict {
    }

    /** Refuse the message for now (4xx): the client should try again later. */
    record Defer(int code, String enhanced, String text) implements ScanVerdict {
    }
}
