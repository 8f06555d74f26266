package preflight.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Escaping and the page frame shared by the reports. Everything a seller or officer wrote goes through {@link #esc}. */
final class Html {

    private static final String CSS = resource("report/report.css");

    private Html() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** A link only to http(s) addresses: a regulation URL comes from the catalog, but a bad one must not become script. */
    static String link(String url, String text) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return esc(text);
        }
        return "<a href=\"" + esc(url) + "\" rel=\"noopener noreferrer\" target=\"_blank\">" + esc(text) + "</a>";
    }

    /** The document around a report's body: inline styles (no asset is fetched at runtime) and the print layout. */
    static String page(String lang, String title, String body) {
        return "<!doctype html>\n<html lang=\"" + esc(lang) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + "</title><style>" + CSS + "</style></head>\n<body>\n" + body + "\n</body></html>\n";
    }

    private static String resource(String name) {
        try (InputStream in = Html.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
