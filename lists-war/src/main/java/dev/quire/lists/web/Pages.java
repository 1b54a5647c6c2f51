package dev.quire.lists.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import dev.quire.lists.security.Account;
import dev.quire.lists.security.CsrfTokens;

/** Renders the Thymeleaf templates under {@code templates/} (HTML mode: every {@code th:text} is escaped). */
@ApplicationScoped
public class Pages {
    static final MediaType HTML = MediaType.valueOf("text/html;charset=utf-8");
    private final TemplateEngine engine;

    public Pages() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    /** A page to fill: the caller (for the header) and the session's CSRF token are already in the model. */
    public Page page(String template, HttpServletRequest request, Optional<Account> caller) {
        Page page = new Page(template);
        page.with("user", caller.map(Account::username).orElse(null));
        page.with("csrf", CsrfTokens.of(request.getSession(true)));
        return page;
    }

    /** A page without the session's parts (error pages: they must not start a session). */
    public Page plain(String template) {
        return new Page(template);
    }

    String render(String template, Map<String, Object> model) {
        Context context = new Context(java.util.Locale.ENGLISH, model);
        return engine.process(template, context);
    }

    /** One page being built. */
    public final class Page {
        private final String template;
        private final Map<String, Object> model = new HashMap<>();

        private Page(String template) {
            this.template = template;
        }

        public Page with(String name, Object value) {
            model.put(name, value);
            return this;
        }

        public String html() {
            return render(template, model);
        }

        public Response response(int status) {
            return Response.status(status).type(HTML).entity(html()).build();
        }

        public Response ok() {
            return response(200);
        }
    }
}
