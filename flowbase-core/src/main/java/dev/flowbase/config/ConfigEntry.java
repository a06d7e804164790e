package dev.flowbase.config;

/** One line of {@code flowbase config show}: a key, its value as it may be shown, and where it came from. */
public record ConfigEntry(String key, String shownValue, Source source) {}
