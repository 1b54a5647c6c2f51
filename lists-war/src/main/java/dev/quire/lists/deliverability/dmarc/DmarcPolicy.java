package dev.quire.lists.deliverability.dmarc;

/** The disposition a domain asks receivers to apply to mail that fails DMARC. */
public enum DmarcPolicy {
    NONE, QUARANTINE, REJECT;

    /** True when a list must change a post from this domain so that receivers do not drop it. */
    public boolean demandsMitigation() {
        return this != NONE;
    }
}
