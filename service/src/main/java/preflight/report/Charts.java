package preflight.report;

import static preflight.report.Html.esc;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The reports' charts, drawn here as inline SVG: nothing is fetched or run in the seller's browser. */
final class Charts {

    private static final int WIDTH = 680;

    private Charts() {
    }

    /** One dated mark on a timeline, with what happens then. */
    record Event(LocalDate day, String label) {
    }

    /** A bar of a bar chart. */
    record Bar(String label, double value, String color) {
    }

    /**
     * A penalty ledger as a bar: the points (or score) now, what publishing is expected to add (or take),
     * and every sanction threshold as a line with its sanction.
     */
    static String ledger(String title, double current, double expected, Map<Integer, String> thresholds, ReportText t) {
        double max = Math.max(current, expected);
        for (int at : thresholds.keySet()) {
            max = Math.max(max, at);
        }
        max = Math.max(1, max * 1.05);
        int left = 10;
        int span = WIDTH - 2 * left;
        double scale = span / max;
        int height = 128 + (thresholds.size() > 2 ? 14 : 0);
        StringBuilder s = svgOpen(height, title);
        s.append(rect(left, 40, span, 22, "#eef0f4"));
        double low = Math.min(current, expected);
        s.append(rect(left, 40, low * scale, 22, "#3b5bdb"));
        if (expected > current) {
            s.append(rect(left + current * scale, 40, (expected - current) * scale, 22, "#f08c00"));
        } else if (expected < current) {
            s.append(rect(left + expected * scale, 40, (current - expected) * scale, 22, "#f08c00"));
        }
        int row = 0;
        for (Map.Entry<Integer, String> th : new TreeMap<>(thresholds).entrySet()) {
            double x = left + th.getKey() * scale;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"30\" x2=\"%.1f\" y2=\"70\" stroke=\"#b3261e\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>", x, x));
            s.append(text(x, 24, "middle", 12, "#b3261e", String.valueOf(th.getKey())));
            String anchor = x > WIDTH * 0.75 ? "end" : x < WIDTH * 0.25 ? "start" : "middle";
            s.append(text(x, 86 + 14 * (row++ % 3), anchor, 10, "#5b6475", shorten(th.getValue(), 40)));
        }
        int legend = height - 12;
        s.append(rect(left, legend - 10, 12, 12, "#3b5bdb")).append(text(left + 16, legend, "start", 12, "#1d2330",
                t.t("score.current", t.number(current))));
        s.append(rect(left + 240, legend - 10, 12, 12, "#f08c00")).append(text(left + 256, legend, "start", 12, "#1d2330",
                t.t("score.expected", t.number(expected))));
        return s.append("</svg>").toString();
    }

    /** Dated events on a line from {@code from}: one row per day, soonest first. */
    static String timeline(String title, LocalDate from, List<Event> events, ReportText t) {
        TreeMap<LocalDate, List<String>> byDay = new TreeMap<>();
        events.forEach(e -> byDay.computeIfAbsent(e.day(), d -> new java.util.ArrayList<>()).add(e.label()));
        if (!byDay.isEmpty() && byDay.firstKey().isBefore(from)) {
            from = byDay.firstKey(); // a catalogue judged as of several days: the line starts at the earliest
        }
        LocalDate last = byDay.isEmpty() ? from.plusDays(1) : byDay.lastKey();
        double days = Math.max(1, ChronoUnit.DAYS.between(from, last));
        int left = 14;
        int span = WIDTH - 2 * left;
        int height = 44 + 24 * byDay.size();
        StringBuilder s = svgOpen(height, title);
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"24\" x2=\"%d\" y2=\"24\" stroke=\"#5b6475\" stroke-width=\"2\"/>", left, left + span));
        s.append(text(left, 14, "start", 11, "#5b6475", from.toString()));
        s.append(text(left + span, 14, "end", 11, "#5b6475", last.toString()));
        int y = 48;
        for (Map.Entry<LocalDate, List<String>> day : byDay.entrySet()) {
            double x = left + ChronoUnit.DAYS.between(from, day.getKey()) / days * span;
            long in = ChronoUnit.DAYS.between(from, day.getKey());
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"24\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d9dde5\"/>", x, x, y - 4));
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"6\" fill=\"#b26a00\"/>", x, y - 4));
            String label = day.getKey() + " (" + t.t("upcoming.days", in) + "): " + String.join(", ", day.getValue());
            boolean right = x < WIDTH / 2.0;
            s.append(text(right ? x + 10 : x - 10, y, right ? "start" : "end", 12, "#1d2330", shorten(label, 90)));
            y += 24;
        }
        return s.append("</svg>").toString();
    }

    /** Horizontal bars with their values, largest scale first as given. */
    static String bars(String title, List<Bar> bars, ReportText t) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        int labelWidth = 200;
        int span = WIDTH - labelWidth - 70;
        int height = 12 + 24 * bars.size();
        StringBuilder s = svgOpen(height, title);
        int y = 8;
        for (Bar b : bars) {
            s.append(text(labelWidth - 8, y + 13, "end", 12, "#1d2330", shorten(b.label(), 30)));
            s.append(rect(labelWidth, y, max <= 0 ? 0 : b.value() / max * span, 18, b.color()));
            s.append(text(labelWidth + (max <= 0 ? 0 : b.value() / max * span) + 6, y + 13, "start", 12, "#1d2330", t.number(b.value())));
            y += 24;
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder svgOpen(int height, String title) {
        return new StringBuilder().append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" aria-label=\"").append(esc(title)).append("\"><title>").append(esc(title)).append("</title>");
    }

    private static String rect(double x, double y, double w, double h, String fill) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"3\" fill=\"%s\"/>", x, y, Math.max(0, w), h, fill);
    }

    private static String text(double x, double y, String anchor, int size, String fill, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\">%s</text>",
                x, y, anchor, size, fill, esc(content));
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
