package dev.flowbase.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

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
        if (Files.isDirectory(file)) {
            problems.add(new ConfigProblem("config", Source.flag("--config"), name, "expected a file, not a folder"));
            return entries;
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(loaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            problems.add(new ConfigProblem(
                    "config", Source.file(name, line), null, "expected valid YAML: " + e.getProblem()));
            return entries;
        } catch (YAMLException e) {
            problems.add(new ConfigProblem(
                    "config", Source.flag("--config"), name, "expected a plain YAML file: " + e.getMessage()));
            return entries;
        } catch (IOException e) {
            problems.add(new ConfigProblem(
                    "config", Source.flag("--config"), name, "expected a readable file (" + e.getMessage() + ")"));
            return entries;
        }
        if (root == null) {
            return entries; // an empty file configures nothing
        }
        new Flattener(name, entries, problems).flatten("", root);
        return entries;
    }

    /** A settings file needs no anchors, so a small limit stops an alias bomb before it is expanded. */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(1024 * 1024);
        options.setNestingDepthLimit(20);
        return options;
    }

    private record Flattener(String file, Map<String, Entry> out, List<ConfigProblem> problems, Set<Node> seen) {
        Flattener(String file, Map<String, Entry> out, List<ConfigProblem> problems) {
            this(file, out, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
        }

        void flatten(String prefix, Node node) {
            Source here = Source.file(file, node.getStartMark().getLine() + 1);
            if (!seen.add(node)) {
                problems.add(new ConfigProblem(prefix, here, null, "expected a value of its own, not an alias (*)"));
            } else if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
                // `pool: ~` or `pool:` sets nothing; the defaults apply
            } else if (node instanceof ScalarNode scalar && !prefix.isEmpty()) {
                Entry first = out.get(prefix);
                if (first != null) {
                    problems.add(new ConfigProblem(
                            prefix,
                            here,
                            null,
                            "expected each setting once; it is also set at "
                                    + first.source().where()));
                }
                out.put(prefix, new Entry(prefix, scalar.getValue(), here));
            } else if (node instanceof MappingNode mapping) {
                List<NodeTuple> tuples = new ArrayList<>(mapping.getValue());
                for (NodeTuple tuple : tuples) {
                    if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                        problems.add(new ConfigProblem(prefix, here, null, "expected plain keys"));
                        continue;
                    }
                    String path = prefix.isEmpty() ? key.getValue() : prefix + "." + key.getValue();
                    flatten(path, tuple.getValueNode());
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
}
