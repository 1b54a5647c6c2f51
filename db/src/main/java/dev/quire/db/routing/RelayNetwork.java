package dev.quire.db.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A client network (CIDR) allowed to relay through the MX listener. */
@Entity
@Table(name = "relay_network")
public class RelayNetwork {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String network;

    protected RelayNetwork() {
    }

    public RelayNetwork(String network) {
        this.network = network;
    }

    public String network() {
        return network;
    }
}
