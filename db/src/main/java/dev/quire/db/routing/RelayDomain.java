package dev.quire.db.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A domain accepted from anyone in order to forward it to its next hop. */
@Entity
@Table(name = "relay_domain")
public class RelayDomain {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 253)
    private String name;

    protected RelayDomain() {
    }

    public RelayDomain(String name) {
        this.name = name.toLowerCase(java.util.Locale.ROOT);
    }

    public String name() {
        return name;
    }
}
