package dev.quire.mta.routing;

import dev.quire.mail.EmailAddress;

/** What the router says about one recipient. */
public sealed interface Resolution {
    /** The recipient is deliverable through the transport of its address class. */
    record Deliverable(EmailAddress recipient, AddressClass addressClass) implements Resolution {
    }

    /** The domain is ours but nobody there has this name. */
    record NoSuchUser(EmailAddress recipient) implements Resolution {
    }

    /** The domain is not one we serve: mail for it is relayed or refused. */
    record NotLocal(EmailAddress recipient) implements Resolution {
    }
}
