package dev.quire.lists.pipeline;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders HTML as readable plain text with a real HTML parser (jsoup): block elements break lines, list
 * items get a bullet, links keep their target after the text, scripts and styles vanish.
 */
final class HtmlToText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "ul", "ol", "table", "blockquote", "pre", "hr", "section", "article", "header", "footer");

    private HtmlToText() {
    }

    static String convert(String html) {
        Element body = Jsoup.parse(html).body();
        body.select("script, style, head").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode) {
                    TextNode text = (TextNode) node;
                    boolean pre = text.parent() instanceof Element && ((Element) text.parent()).is("pre");
                    out.append(pre ? text.getWholeText() : text.text().replaceAll("\\s+", " "));
                } else if (node instanceof Element) {
                    Element e = (Element) node;
                    if (e.is("li")) {
                        newline(out);
                        out.append("* ");
                    } else if (BLOCKS.contains(e.normalName())) {
                        newline(out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element) {
                    Element e = (Element) node;
                    if (e.is("a[href]") && !e.attr("href").equals(e.text()) && !e.attr("href").startsWith("#")) {
                        out.append(" <").append(e.attr("href")).append('>');
                    }
                    if (BLOCKS.contains(e.normalName()) && !e.is("br")) {
                        newline(out);
                    }
                }
            }
        }, body);
        String text = out.toString().replaceAll("(?m)^ +| +$", "").replaceAll("\n{3,}", "\n\n").strip();
        return text + "\n";
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
