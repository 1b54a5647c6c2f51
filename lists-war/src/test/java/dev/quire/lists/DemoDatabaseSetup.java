package dev.quire.lists;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import dev.quire.db.TestDatabase;

/**
 * What the tests of the list engine's services outside the container share (not a test itself): the demo data in
 * a real MariaDB database of the test class's own (created before its first test, dropped after its last), and a
 * fresh entity manager per test.
 */
public abstract class DemoDatabaseSetup {
    protected static TestDatabase db;
    protected static EntityManagerFactory emf;
    protected EntityManager em;

    @BeforeAll
    static void openDemoDatabase() throws Exception {
        db = TestDatabase.create().withDemoData();
        emf = Jpa.open(db);
    }

    @AfterAll
    static void dropDemoDatabase() throws Exception {
        emf.close();
        db.close();
    }

    @BeforeEach
    void openEntityManager() {
        em = emf.createEntityManager();
    }

    @AfterEach
    void closeEntityManager() {
        em.close();
    }
}
