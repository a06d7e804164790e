package dev.flowbase.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Markdown report on standard output: headings, tables, notes. Progress goes to standard error. */
final class Report {
    private Report() {}

    static void heading(String text) {
        System.out.println();
        System.out.println("## " + text);
        System.out.println();
    }

    static void line(String text) {
        System.out.println(text);
    }

    static void table(List<String> header, List<List<String>> rows) {
        System.out.println("| " + String.join(" | ", header) + " |");
        List<String> rule = new ArrayList<>();
        header.forEach(h -> rule.add("---"));
        System.out.println("|" + String.join("|", rule) + "|");
        rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
        System.out.println();
    }

    static void progress(String text) {
        System.err.println("bench: " + text);
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, s < 1 ? "%.3f s" : "%.2f s", s);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.1f×", r);
    }

    static String number(double n) {
        return String.format(Locale.ROOT, "%.2f", n);
    }

    static String met(boolean ok) {
        return ok ? "met" : "**missed**";
    }
}
