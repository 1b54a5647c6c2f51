package dev.quire.lists.web.pub;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import dev.quire.lists.deliverability.unsubscribe.OneClickUnsubscribe;
import dev.quire.lists.web.WebExceptionMappers;

/** The RFC 8058 one-click endpoint at {@value OneClickUnsubscribe#PATH}, where List-Unsubscribe points. */
@ApplicationPath("/unsubscribe")
public class OneClickApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(OneClickPages.class, PublicProblem.Mapper.class, WebExceptionMappers.Http.class,
                WebExceptionMappers.Unexpected.class);
    }
}
