package dev.quire.lists;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.cfg.Configuration;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

import dev.quire.db.TestDatabase;

/**
 * The shared JPA model outside the container, on a real MariaDB database: the entities that
 * persistence.xml lists, Hibernate with its own connections and resource-local transactions.
 */
public final class Jpa {
    private Jpa() {
    }

    /** A work unit that may throw. */
    public interface Work<T> {
        T run() throws Exception;
    }

    public static EntityManagerFactory open(TestDatabase db) throws Exception {
        Configuration cfg = new Configuration();
        for (String name : entityClasses()) {
            cfg.addAnnotatedClass(Class.forName(name));
        }
        cfg.setProperty("hibernate.connection.url", db.url());
        cfg.setProperty("hibernate.connection.username", TestDatabase.user());
        cfg.setProperty("hibernate.connection.password", TestDatabase.password());
        cfg.setProperty("hibernate.connection.pool_size", "2");
        cfg.setProperty("hibernate.dialect", "org.hibernate.dialect.MariaDBDialect");
        cfg.setProperty("hibernate.hbm2ddl.auto", "none");
        // the container brings JSON-B and JAXB providers; plain tests need none (no entity maps JSON or XML)
        cfg.setProperty("hibernate.type.json_format_mapper", NoFormat.class.getName());
        cfg.setProperty("hibernate.type.xml_format_mapper", NoFormat.class.getName());
        return cfg.buildSessionFactory();
    }

    /** Runs work in one transaction, committed when it returns and rolled back when it throws. */
    public static <T> T inTransaction(EntityManager em, Work<T> work) throws Exception {
        em.getTransaction().begin();
        try {
            T result = work.run();
            em.getTransaction().commit();
            return result;
        } catch (Exception | Error e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        }
    }

    /** Stands in for the JSON and XML mappers that no entity uses. */
    public static final class NoFormat implements FormatMapper {
        @Override
        public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
            throw new UnsupportedOperationException("no JSON or XML mapping outside the container");
        }

        @Override
        public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
            throw new UnsupportedOperationException("no JSON or XML mapping outside the container");
        }
    }

    private static List<String> entityClasses() throws Exception {
        try (InputStream in = Jpa.class.getResourceAsStream("/META-INF/persistence.xml")) {
            String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("<class>([^<]+)</class>").matcher(xml);
            List<String> out = new ArrayList<>();
            while (m.find()) {
                out.add(m.group(1).strip());
            }
            return out;
        }
    }
}
