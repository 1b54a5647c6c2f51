package dev.quire.lists.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;

import dev.quire.lists.message.MimeTree;

import dev.quire.db.list.PipelineSettings;
import dev.quire.lists.posting.Post;

/**
 * {@code mime-delete}: Mailman's content filter. Removes parts whose MIME type or file name extension the
 * list filters (or does not pass), collapses each multipart/alternative to its first part, turns HTML into
 * plain text, and folds a multipart left with one part into that part. A post with nothing left is
 * discarded. Runs only when the list's {@code filterContent} is on.
 */
@ApplicationScoped
public class MimeDelete implements Handler {
    @Override
    public void process(Post post) throws IOException {
        PipelineSettings settings = post.list().pipeline();
        if (!settings.filterContent()) {
            return;
        }
        Message tree = MimeTree.parse(post.message());
        Filter filter = new Filter(settings);
        if (!filter.keep(tree)) {
            post.discard("mime-delete: no content left after filtering");
            return;
        }
        MimeTree.store(tree, post.message());
    }

    /** The list's filter settings, applied to one tree. */
    static final class Filter {
        private final PipelineSettings settings;
        private final Set<String> filterTypes;
        private final Set<String> passTypes;
        private final Set<String> filterExtensions;
        private final Set<String> passExtensions;

        Filter(PipelineSettings settings) {
            this.settings = settings;
            this.filterTypes = lines(settings.filterTypes());
            this.passTypes = lines(settings.passTypes());
            this.filterExtensions = lines(settings.filterExtensions());
            this.passExtensions = lines(settings.passExtensions());
        }

        /** Filters an entity in place; false when nothing of it remains. */
        boolean keep(Entity entity) throws IOException {
            String type = entity.getMimeType().toLowerCase(Locale.ROOT);
            if (entity.isMultipart()) {
                return keepMultipart(entity, type);
            }
            if (!typeAllowed(type) || !extensionAllowed(entity.getFilename())) {
                return false;
            }
            if (type.equals("text/html") && settings.convertHtmlToPlaintext()) {
                toPlainText(entity);
            }
            return true;
        }

        private boolean keepMultipart(Entity entity, String type) throws IOException {
            Multipart multipart = (Multipart) entity.getBody();
            if (type.equals("multipart/alternative") && settings.collapseAlternatives()) {
                for (Entity part : new ArrayList<>(multipart.getBodyParts())) {
                    if (keep(part)) {
                        MimeTree.replaceContent(entity, part);
                        return true;
                    }
                }
                return false;
            }
            List<Entity> kept = new ArrayList<>();
            for (Entity part : new ArrayList<>(multipart.getBodyParts())) {
                if (keep(part)) {
                    kept.add(part);
                }
            }
            if (kept.isEmpty()) {
                return false;
            }
            if (kept.size() == 1 && !type.equals("multipart/signed")) {
                MimeTree.replaceContent(entity, kept.get(0));
                return true;
            }
            multipart.setBodyParts(kept);
            return true;
        }

        private boolean typeAllowed(String type) {
            String major = type.substring(0, Math.max(0, type.indexOf('/')));
            if (filterTypes.contains(type) || filterTypes.contains(major)) {
                return false;
            }
            return passTypes.isEmpty() || passTypes.contains(type) || passTypes.contains(major);
        }

        private boolean extensionAllowed(String filename) {
            if (filename == null || filename.lastIndexOf('.') < 0) {
                return true;
            }
            String ext = filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (filterExtensions.contains(ext)) {
                return false;
            }
            return passExtensions.isEmpty() || passExtensions.contains(ext);
        }

        private static void toPlainText(Entity entity) throws IOException {
            Charset charset = charset(entity.getCharset());
            String html;
            try (InputStream in = ((SingleBody) entity.getBody()).getInputStream()) {
                html = new String(in.readAllBytes(), charset);
            }
            String filename = entity.getFilename();
            Entity text = MimeTree.textPart(HtmlToText.convert(html));
            if (filename != null) {
                text.getHeader().setField(MimeTree.field("Content-Disposition: inline; filename=\""
                        + filename.replaceAll("(?i)\\.html?$", ".txt").replace("\"", "") + "\""));
            }
            MimeTree.replaceContent(entity, text);
        }

        private static Charset charset(String name) {
            try {
                return name == null ? StandardCharsets.US_ASCII : Charset.forName(name);
            } catch (RuntimeException e) {
                return StandardCharsets.ISO_8859_1;
            }
        }

        /** A setting of one item per line (commas and spaces also separate), lower case, without dots. */
        static Set<String> lines(String setting) {
            if (setting == null) {
                return Set.of();
            }
            return Arrays.stream(setting.split("[\\s,]+"))
                    .map(s -> s.strip().toLowerCase(Locale.ROOT))
                    .map(s -> s.startsWith(".") ? s.substring(1) : s)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }
    }
}
