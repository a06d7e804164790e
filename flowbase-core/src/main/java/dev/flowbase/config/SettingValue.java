package dev.flowbase.config;

/** A setting's raw text and the source it was taken from. */
record SettingValue(Setting<?> setting, String raw, Source source) {

    ConfigProblem problem(String expected) {
        return new ConfigProblem(setting.key(), source, setting.display(raw), expected);
    }
}
