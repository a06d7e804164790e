package dev.flowbase.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A window of a row's text around the first matched word, with every matched word in it marked.
 * Made here rather than by each engine (MariaDB has no highlighter), so the marks are the same
 * everywhere and never HTML: a page escapes the text and wraps the ranges itself.
 */
record Snippet(String text, List<SearchHit.Highlight> highlights) {
    static final int WIDTH = 160;

    static Snippet of(String text, List<String> words, boolean lastIsPrefix) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        String lower = flat.toLowerCase(Locale.ROOT);
        List<int[]> found = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            boolean prefix = lastIsPrefix && i == words.size() - 1;
            found.addAll(occurrences(lower, words.get(i), prefix));
        }
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        int from = found.isEmpty() ? 0 : Math.max(0, found.get(0)[0] - WIDTH / 4);
        int to = Math.min(flat.length(), from + WIDTH);
        List<SearchHit.Highlight> marks = new ArrayList<>();
        String prefixDots = from > 0 ? "…" : "";
        for (int[] f : found) {
            if (f[0] >= from
                    && f[1] <= to
                    && (marks.isEmpty() || marks.get(marks.size() - 1).end() <= f[0] - from + prefixDots.length())) {
                marks.add(
                        new SearchHit.Highlight(f[0] - from + prefixDots.length(), f[1] - from + prefixDots.length()));
            }
        }
        return new Snippet(prefixDots + flat.substring(from, to) + (to < flat.length() ? "…" : ""), marks);
    }

    /** Where {@code word} stands as a whole word (or starts one, for a prefix) in {@code text}. */
    private static List<int[]> occurrences(String text, String word, boolean prefix) {
        List<int[]> at = new ArrayList<>();
        int i = text.indexOf(word);
        while (i >= 0) {
            int end = i + word.length();
            boolean starts = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            if (prefix) {
                while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                    end++;
                }
            }
            boolean ends = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (starts && ends) {
                at.add(new int[] {i, end});
            }
            i = text.indexOf(word, i + 1);
        }
        return at;
    }
}
