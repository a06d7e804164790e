package dev.flowbase.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code flowbase.yml}: nested keys such as {@code database: {pool: {max: 20}}} become
 * {@code database.pool.max}, each value remembering its line so that errors can point at it.
 */
final class ConfigFile {

    record Entry(String key, String value, Source source) {}

    private ConfigFile() {}

    static Map<String, Entry> read(Path file, List<ConfigProblem> problems) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        String name = file.toString();
        Node root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            problems.add(new ConfigProblem(
                    "config", Source.file(name, line), null, "expected valid YAML: " + e.getProblem()));
            return entries;
        } catch (IOException e) {
            problems.add(new ConfigProblem(
                    "config", Source.flag("--config"), name, "expected a readable file (" + e.getMessage() + ")"));
            return entries;
        }
        if (root == null) {
            return entries; // an empty file configures nothing
        }
        flatten("", root, name, entries, problems);
        return entries;
    }

    private static void flatten(
            String prefix, Node node, String file, Map<String, Entry> out, List<ConfigProblem> problems) {
        Source here = Source.file(file, node.getStartMark().getLine() + 1);
        if (node instanceof ScalarNode scalar && !prefix.isEmpty()) {
            out.put(prefix, new Entry(prefix, scalar.getValue(), here));
        } else if (node instanceof MappingNode mapping) {
            List<NodeTuple> tuples = new ArrayList<>(mapping.getValue());
            for (NodeTuple tuple : tuples) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    problems.add(new ConfigProblem(prefix, here, null, "expected plain keys"));
                    continue;
                }
                String path = prefix.isEmpty() ? key.getValue() : prefix + "." + key.getValue();
                flatten(path, tuple.getValueNode(), file, out, problems);
            }
        } else {
            problems.add(new ConfigProblem(
                    prefix.isEmpty() ? "config" : prefix,
                    here,
                    null,
                    prefix.isEmpty() ? "expected a mapping of settings" : "expected a single value, not a list"));
        }
    }
}
