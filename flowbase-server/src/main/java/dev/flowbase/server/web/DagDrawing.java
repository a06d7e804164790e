package dev.flowbase.server.web;

import dev.flowbase.store.Task;
import dev.flowbase.store.TaskDependency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A workflow's tasks as an SVG drawing: a column per depth (a task stands right of every task it
 * waits for), each box coloured by its state, an arrow per dependency. Drawn on the server, so it
 * needs no script; the list beside it says the same in words.
 */
final class DagDrawing {
    private static final int W = 170;
    private static final int H = 44;
    private static final int GAP_X = 60;
    private static final int GAP_Y = 22;

    private DagDrawing() {}

    static String svg(List<Task> tasks, List<TaskDependency> deps) {
        Map<UUID, Integer> depth = new HashMap<>();
        tasks.forEach(t -> depth(t.id(), deps, depth, 0));
        Map<Integer, List<Task>> columns = new HashMap<>();
        tasks.forEach(t -> columns.computeIfAbsent(depth.get(t.id()), d -> new ArrayList<>())
                .add(t));
        Map<UUID, int[]> at = new HashMap<>();
        int rows = 0;
        for (var column : columns.entrySet()) {
            for (int i = 0; i < column.getValue().size(); i++) {
                at.put(
                        column.getValue().get(i).id(),
                        new int[] {column.getKey() * (W + GAP_X) + 10, i * (H + GAP_Y) + 10});
            }
            rows = Math.max(rows, column.getValue().size());
        }
        StringBuilder svg = new StringBuilder();
        int width = columns.size() * (W + GAP_X) + 10;
        int height = rows * (H + GAP_Y) + 10;
        svg.append("<svg class=\"dag\" width=\"")
                .append(width)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append(
                        "\" role=\"img\" aria-labelledby=\"dag-title\"><title id=\"dag-title\">The workflow's tasks and what each waits for</title>")
                .append(
                        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>");
        for (TaskDependency d : deps) {
            int[] from = at.get(d.dependsOnTaskId());
            int[] to = at.get(d.taskId());
            if (from != null && to != null) {
                svg.append("<line x1=\"")
                        .append(from[0] + W)
                        .append("\" y1=\"")
                        .append(from[1] + H / 2)
                        .append("\" x2=\"")
                        .append(to[0])
                        .append("\" y2=\"")
                        .append(to[1] + H / 2)
                        .append("\" marker-end=\"url(#arrow)\"/>");
            }
        }
        for (Task t : tasks) {
            int[] p = at.get(t.id());
            String state = t.status().name().toLowerCase(Locale.ROOT);
            svg.append("<g class=\"node ")
                    .append(state)
                    .append("\" data-task=\"")
                    .append(t.id())
                    .append("\">")
                    .append("<rect x=\"")
                    .append(p[0])
                    .append("\" y=\"")
                    .append(p[1])
                    .append("\" width=\"")
                    .append(W)
                    .append("\" height=\"")
                    .append(H)
                    .append("\" rx=\"6\"/>")
                    .append("<text x=\"")
                    .append(p[0] + 10)
                    .append("\" y=\"")
                    .append(p[1] + 18)
                    .append("\">")
                    .append(Html.esc(t.name()))
                    .append("</text>")
                    .append("<text class=\"state\" x=\"")
                    .append(p[0] + 10)
                    .append("\" y=\"")
                    .append(p[1] + 35)
                    .append("\">")
                    .append(state)
                    .append("</text></g>");
        }
        return svg.append("</svg>").toString();
    }

    /** The longest chain of parents above a task (cycles cannot exist: the store refuses them). */
    private static int depth(UUID id, List<TaskDependency> deps, Map<UUID, Integer> known, int guard) {
        Integer d = known.get(id);
        if (d != null) {
            return d;
        }
        int max = 0;
        if (guard < 1000) {
            for (TaskDependency dep : deps) {
                if (dep.taskId().equals(id)) {
                    max = Math.max(max, depth(dep.dependsOnTaskId(), deps, known, guard + 1) + 1);
                }
            }
        }
        known.put(id, max);
        return max;
    }
}
