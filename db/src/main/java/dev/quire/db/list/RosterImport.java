package dev.quire.db.list;

import java.time.Instant;

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

/**
 * A CSV import of a list's members: what it will change (previewed to the owner), then its progress while
 * a background job applies it. {@code toAdd} holds one "address TAB name" line per member to add,
 * {@code toRemove} one address per line.
 */
@Entity
@Table(name = "roster_import")
public class RosterImport {
    /** Add the new addresses only, or make the list's roster exactly the file's. */
    public enum Mode {
        ADD, REPLACE
    }

    /** Where the import is. */
    public enum Status {
        PREVIEW, RUNNING, DONE, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "list_id")
    private MailingList list;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Mode mode;

    @Column(nullable = false)
    private boolean invite;

    @Column(nullable = false)
    private boolean welcome;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.PREVIEW;

    @Column(name = "to_add", nullable = false, columnDefinition = "MEDIUMTEXT")
    private String toAdd;

    @Column(name = "to_remove", nullable = false, columnDefinition = "MEDIUMTEXT")
    private String toRemove;

    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    private String invalid;

    @Column(name = "add_count", nullable = false)
    private int addCount;

    @Column(name = "remove_count", nullable = false)
    private int removeCount;

    @Column(name = "already_count", nullable = false)
    private int alreadyCount;

    @Column(name = "invalid_count", nullable = false)
    private int invalidCount;

    @Column(name = "done_count", nullable = false)
    private int doneCount;

    @Column(length = 1000)
    private String result;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "progress_at")
    private Instant progressAt;

    protected RosterImport() {
    }

    public RosterImport(MailingList list, String createdBy, Mode mode, boolean invite, boolean welcome, String toAdd,
            int addCount, String toRemove, int removeCount, int alreadyCount, String invalid, int invalidCount) {
        this.list = list;
        this.createdBy = createdBy;
        this.mode = mode;
        this.invite = invite;
        this.welcome = welcome;
        this.toAdd = toAdd;
        this.addCount = addCount;
        this.toRemove = toRemove;
        this.removeCount = removeCount;
        this.alreadyCount = alreadyCount;
        this.invalid = invalid;
        this.invalidCount = invalidCount;
    }

    /** The lines that could not be read: "line number TAB reason TAB text" each. */
    public String invalid() {
        return invalid;
    }

    public Long id() {
        return id;
    }

    public MailingList list() {
        return list;
    }

    public String createdBy() {
        return createdBy;
    }

    public Mode mode() {
        return mode;
    }

    public boolean invite() {
        return invite;
    }

    public boolean welcome() {
        return welcome;
    }

    public Status status() {
        return status;
    }

    public String toAdd() {
        return toAdd;
    }

    public String toRemove() {
        return toRemove;
    }

    public int addCount() {
        return addCount;
    }

    public int removeCount() {
        return removeCount;
    }

    public int alreadyCount() {
        return alreadyCount;
    }

    public int invalidCount() {
        return invalidCount;
    }

    public int doneCount() {
        return doneCount;
    }

    public String result() {
        return result;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    /** The owner confirmed: the job may start. */
    public void start() {
        this.status = Status.RUNNING;
        this.progressAt = Instant.now();
    }

    /** Records how many of the changes are applied so far. */
    public void progress(int done) {
        this.doneCount = done;
        this.progressAt = Instant.now();
    }

    /** When the running job last made progress (or started); null before it was confirmed. */
    public Instant progressAt() {
        return progressAt;
    }

    /** True for a running import that has not moved since {@code before}: its job is gone (its node stopped). */
    public boolean stalledSince(Instant before) {
        return status == Status.RUNNING && (progressAt == null || progressAt.isBefore(before));
    }

    /** A stalled import is taken up again: its job goes on after the last batch it committed. */
    public void resume() {
        this.progressAt = Instant.now();
    }

    /** The job ended, well or not, with a sentence for the owner. */
    public void finish(boolean ok, String result, Instant at) {
        this.status = ok ? Status.DONE : Status.FAILED;
        this.result = result;
        this.finishedAt = at;
    }
}
