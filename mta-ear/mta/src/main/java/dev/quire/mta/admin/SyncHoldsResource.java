package dev.quire.mta.admin;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.quartz.SchedulerException;

import dev.quire.db.jobs.RosterRepository;
import dev.quire.db.jobs.SyncHold;
import dev.quire.db.jobs.SyncHoldRepository;
import dev.quire.scheduler.SchedulerBootstrap;

/**
 * Membership syncs held by the safety valve: {@code GET /sync/holds} lists the waiting ones;
 * {@code POST /sync/holds/{id}/confirm} confirms one and asks for a run of that list's sync now, which may then
 * remove up to the held number of members.
 */
@Path("/sync/holds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SyncHoldsResource {
    @Resource(lookup = "java:app/jdbc/quire")
    DataSource dataSource;

    @Inject
    SchedulerBootstrap scheduler;

    /** A held sync as an admin reads it. */
    public record HoldView(long id, String list, String role, int members, int removals, int additions,
            List<String> sample, String heldAt) {
    }

    @GET
    public List<HoldView> waiting() throws SQLException {
        RosterRepository rosters = new RosterRepository(dataSource);
        List<HoldView> out = new java.util.ArrayList<>();
        for (SyncHold h : new SyncHoldRepository(dataSource).waiting()) {
            out.add(new HoldView(h.id(), rosters.listAddress(h.roster().listId()), h.roster().role().name(),
                    h.members(), h.removals(), h.additions(), h.sample().lines().toList(), h.heldAt().toString()));
        }
        return out;
    }

    @POST
    @Path("/{id}/confirm")
    public JobsResource.RequestView confirm(@PathParam("id") long id) throws SQLException, SchedulerException {
        SyncHoldRepository holds = new SyncHoldRepository(dataSource);
        SyncHold hold = holds.find(id).orElseThrow(() -> new NotFoundException("no held sync " + id));
        if (!holds.confirm(id, "admin")) {
            throw new NotFoundException("held sync " + id + " is " + hold.status().name().toLowerCase(Locale.ROOT)
                    + ", not waiting");
        }
        String list = new RosterRepository(dataSource).listAddress(hold.roster().listId());
        String request = scheduler.scheduler().requestRun("membership-sync",
                Map.of("list", list, "role", hold.roster().role().name()));
        return new JobsResource.RequestView("membership-sync", request);
    }
}
