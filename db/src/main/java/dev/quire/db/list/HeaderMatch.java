package dev.quire.db.list;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One row of a list's header matches: a header, a regular expression over its values, and an action; rows apply in position order. */
@Entity
@Table(name = "header_match")
public class HeaderMatch {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "list_id")
    private MailingList list;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 100)
    private String header;

    @Column(nullable = false, length = 500)
    private String pattern;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Action action;

    protected HeaderMatch() {
    }

    public HeaderMatch(MailingList list, int position, String header, String pattern, Action action) {
        this.list = list;
        this.position = position;
        this.header = header;
        this.pattern = pattern;
        this.action = action;
    }

    public Long id() {
        return id;
    }

    public MailingList list() {
        return list;
    }

    public int position() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public String header() {
        return header;
    }

    public String pattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public Action action() {
        return action;
    }

    public void setAction(Action action) {
        this.action = action;
    }
}
