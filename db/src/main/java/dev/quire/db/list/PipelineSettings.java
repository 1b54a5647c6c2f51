package dev.quire.db.list;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** How an accepted post is changed on its way out: content filtering, decoration, Reply-To, DMARC. */
@Embeddable
public class PipelineSettings {
    @Column(name = "filter_content", nullable = false)
    private boolean filterContent = false;

    @Column(name = "filter_types")
    private String filterTypes;

    @Column(name = "pass_types")
    private String passTypes;

    @Column(name = "filter_extensions")
    private String filterExtensions;

    @Column(name = "pass_extensions")
    private String passExtensions;

    @Column(name = "collapse_alternatives", nullable = false)
    private boolean collapseAlternatives = true;

    @Column(name = "convert_html_to_plaintext", nullable = false)
    private boolean convertHtmlToPlaintext = false;

    @Column(name = "header_template")
    private String headerTemplate;

    @Column(name = "footer_template")
    private String footerTemplate;

    @Enumerated(EnumType.STRING)
    @Column(name = "reply_to_policy", nullable = false, length = 16)
    private ReplyToPolicy replyToPolicy = ReplyToPolicy.NONE;

    @Column(name = "reply_to_address", length = 254)
    private String replyToAddress;

    @Column(name = "first_strip_reply_to", nullable = false)
    private boolean firstStripReplyTo = false;

    @Enumerated(EnumType.STRING)
    @Column(name = "dmarc_mitigation", nullable = false, length = 16)
    private DmarcMitigation dmarcMitigation = DmarcMitigation.MUNGE_FROM;

    @Column(name = "dmarc_mitigate_always", nullable = false)
    private boolean dmarcMitigateAlways = false;

    @Column(name = "personalize", nullable = false)
    private boolean personalize = false;

    public boolean filterContent() {
        return filterContent;
    }

    public void setFilterContent(boolean filterContent) {
        this.filterContent = filterContent;
    }

    /** MIME types (type or type/subtype) removed, one per line. */
    public String filterTypes() {
        return filterTypes;
    }

    public void setFilterTypes(String filterTypes) {
        this.filterTypes = filterTypes;
    }

    /** When set, only these MIME types are kept, one per line. */
    public String passTypes() {
        return passTypes;
    }

    public void setPassTypes(String passTypes) {
        this.passTypes = passTypes;
    }

    /** File name extensions removed, one per line. */
    public String filterExtensions() {
        return filterExtensions;
    }

    public void setFilterExtensions(String filterExtensions) {
        this.filterExtensions = filterExtensions;
    }

    /** When set, only attachments with these extensions are kept. */
    public String passExtensions() {
        return passExtensions;
    }

    public void setPassExtensions(String passExtensions) {
        this.passExtensions = passExtensions;
    }

    /** Keep only the first part of a multipart/alternative. */
    public boolean collapseAlternatives() {
        return collapseAlternatives;
    }

    public void setCollapseAlternatives(boolean collapseAlternatives) {
        this.collapseAlternatives = collapseAlternatives;
    }

    public boolean convertHtmlToPlaintext() {
        return convertHtmlToPlaintext;
    }

    public void setConvertHtmlToPlaintext(boolean convertHtmlToPlaintext) {
        this.convertHtmlToPlaintext = convertHtmlToPlaintext;
    }

    /** Text added before the body; placeholders as in templates. */
    public String headerTemplate() {
        return headerTemplate;
    }

    public void setHeaderTemplate(String headerTemplate) {
        this.headerTemplate = headerTemplate;
    }

    /** Text added after the body; placeholders as in templates. */
    public String footerTemplate() {
        return footerTemplate;
    }

    public void setFooterTemplate(String footerTemplate) {
        this.footerTemplate = footerTemplate;
    }

    public ReplyToPolicy replyToPolicy() {
        return replyToPolicy;
    }

    public void setReplyToPolicy(ReplyToPolicy replyToPolicy) {
        this.replyToPolicy = replyToPolicy;
    }

    /** The Reply-To for the EXPLICIT policy. */
    public String replyToAddress() {
        return replyToAddress;
    }

    public void setReplyToAddress(String replyToAddress) {
        this.replyToAddress = replyToAddress;
    }

    public boolean firstStripReplyTo() {
        return firstStripReplyTo;
    }

    public void setFirstStripReplyTo(boolean firstStripReplyTo) {
        this.firstStripReplyTo = firstStripReplyTo;
    }

    public DmarcMitigation dmarcMitigation() {
        return dmarcMitigation;
    }

    public void setDmarcMitigation(DmarcMitigation dmarcMitigation) {
        this.dmarcMitigation = dmarcMitigation;
    }

    /** Mitigate every post, not only those whose author domain publishes p=quarantine or p=reject. */
    public boolean dmarcMitigateAlways() {
        return dmarcMitigateAlways;
    }

    public void setDmarcMitigateAlways(boolean dmarcMitigateAlways) {
        this.dmarcMitigateAlways = dmarcMitigateAlways;
    }

    /** One copy per member, with a per-member footer and unsubscribe token. */
    public boolean personalize() {
        return personalize;
    }

    public void setPersonalize(boolean personalize) {
        this.personalize = personalize;
    }
}
