package dev.quire.lists.deliverability.dmarc;

import java.io.IOException;
import java.util.List;

/** The TXT strings at a DNS name (each record's strings joined); empty when the name has none. */
@FunctionalInterface
public interface TxtLookup {
    List<String> txt(String name) throws IOException;
}
