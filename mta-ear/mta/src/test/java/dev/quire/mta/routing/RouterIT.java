package dev.quire.mta.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.quire.db.TestDatabase;
import dev.quire.mail.EmailAddress;

/**
 * The router inside the deployed mta.war on Payara Micro, reading the demo's routing tables from MariaDB
 * through JPA. The container's database, ports and data directory come from the environment the
 * failsafe plugin sets (QUIRE_DB_URL names {@code quire_it_mta}).
 */
@ExtendWith(ArquillianExtension.class)
class RouterIT {
    @Deployment
    static WebArchive deployment() throws Exception {
        TestDatabase.named("quire_it_mta").withDemoData();
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/mta.war")).addClasses(RouterIT.class,
                TestDatabase.class);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        TestDatabase.drop("quire_it_mta");
    }

    @Inject
    Router router;

    private Resolution resolve(String address) throws RoutingUnavailableException {
        return router.resolve(EmailAddress.parse(address));
    }

    private void assertDeliverable(String address, AddressClass cls) throws RoutingUnavailableException {
        EmailAddress a = EmailAddress.parse(address);
        assertEquals(new Resolution.Deliverable(a, cls), router.resolve(a), address);
    }

    @Test
    void localMailboxesResolveToMaildirWithoutRegardToCase() throws Exception {
        assertDeliverable("alice@example.test", AddressClass.LOCAL);
        assertDeliverable("Bob@EXAMPLE.test", AddressClass.LOCAL);
    }

    @Test
    void everyListAddressResolvesToTheListEngine() throws Exception {
        for (String a : new String[]{"demo@lists.example.test", "demo-bounces@lists.example.test",
                "demo-bounces+carol=remote.test@lists.example.test", "demo-owner@lists.example.test",
                "demo-request@lists.example.test", "demo-confirm+abc@lists.example.test"}) {
            assertDeliverable(a, AddressClass.LIST);
        }
    }

    @Test
    void unknownNamesInServedDomainsAreNoSuchUserWhateverTheTrick() throws Exception {
        for (String a : new String[]{"nobody@example.test", "nobody@lists.example.test",
                "victim%elsewhere.test@example.test", "elsewhere.test!victim@example.test",
                "\"alice@elsewhere.test\"@example.test", "demo-nonsense@lists.example.test"}) {
            assertEquals(new Resolution.NoSuchUser(EmailAddress.parse(a)), resolve(a), a);
        }
    }

    @Test
    void otherDomainsAreNotLocal() throws Exception {
        assertEquals(new Resolution.NotLocal(EmailAddress.parse("carol@remote.test")), resolve("carol@remote.test"));
    }

    @Test
    void postmasterOfAnyServedDomainIsTheLocalPostmaster() throws Exception {
        EmailAddress postmaster = EmailAddress.parse("postmaster@mx.quire.test");
        assertEquals(new Resolution.Deliverable(postmaster, AddressClass.LOCAL), resolve("postmaster@example.test"));
        assertEquals(new Resolution.Deliverable(postmaster, AddressClass.LOCAL),
                resolve("PostMaster@lists.example.test"));
        assertEquals(new Resolution.NotLocal(EmailAddress.parse("postmaster@remote.test")),
                resolve("postmaster@remote.test"));
    }
}
