package dev.quire.lists.command;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Every command bean, found by any of its names. */
@ApplicationScoped
public class CommandRegistry {
    @Inject
    @Any
    Instance<Command> commands;

    public Optional<Command> find(String name) {
        return all().stream().filter(c -> c.names().contains(name)).findFirst();
    }

    /** The commands by their main name, for help. */
    public List<Command> all() {
        return StreamSupport.stream(commands.spliterator(), false)
                .sorted(Comparator.comparing(c -> c.names().get(0)))
                .toList();
    }
}
