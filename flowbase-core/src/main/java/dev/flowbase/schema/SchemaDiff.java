package dev.flowbase.schema;

import dev.flowbase.schema.SchemaDifference.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Names every difference between an expected catalog and a live one of the same engine. */
public final class SchemaDiff {
    private SchemaDiff() {}

    public static List<SchemaDifference> compare(Catalog expected, Catalog actual) {
        List<SchemaDifference> out = new ArrayList<>();
        for (String name : union(expected.tables().keySet(), actual.tables().keySet())) {
            var want = expected.table(name);
            var have = actual.table(name);
            if (want.isEmpty()) {
                out.add(new SchemaDifference(Kind.EXTRA_TABLE, name, "(not made by any migration)"));
            } else if (have.isEmpty()) {
                out.add(new SchemaDifference(Kind.MISSING_TABLE, name, "(expected from the migrations)"));
            } else {
                compareTables(want.get(), have.get(), out);
            }
        }
        return out;
    }

    private static void compareTables(Catalog.Table want, Catalog.Table have, List<SchemaDifference> out) {
        String t = want.name();
        if (!want.primaryKey().equals(have.primaryKey())) {
            out.add(new SchemaDifference(Kind.CHANGED_PRIMARY_KEY, t, want.primaryKey() + " -> " + have.primaryKey()));
        }
        compareNamed(
                t,
                want.columns(),
                have.columns(),
                Catalog.Column::name,
                Kind.MISSING_COLUMN,
                Kind.EXTRA_COLUMN,
                out,
                (w, h) -> {
                    if (!w.type().equals(h.type())) {
                        out.add(new SchemaDifference(
                                Kind.CHANGED_COLUMN, t, w.name() + " type " + w.type() + " -> " + h.type()));
                    }
                    if (w.nullable() != h.nullable()) {
                        out.add(new SchemaDifference(
                                Kind.CHANGED_COLUMN,
                                t,
                                w.name() + (h.nullable() ? " now allows null" : " now not null")));
                    }
                    if (!Objects.equals(w.defaultValue(), h.defaultValue())) {
                        out.add(new SchemaDifference(
                                Kind.CHANGED_COLUMN,
                                t,
                                w.name() + " default " + w.defaultValue() + " -> " + h.defaultValue()));
                    }
                });
        compareNamed(
                t,
                want.indexes(),
                have.indexes(),
                Catalog.Index::name,
                Kind.MISSING_INDEX,
                Kind.EXTRA_INDEX,
                out,
                (w, h) -> {
                    if (!w.equals(h)) {
                        out.add(new SchemaDifference(Kind.CHANGED_INDEX, t, w.describe() + " -> " + h.describe()));
                    }
                });
        compareNamed(
                t,
                want.foreignKeys(),
                have.foreignKeys(),
                Catalog.ForeignKey::describe,
                Kind.MISSING_FOREIGN_KEY,
                Kind.EXTRA_FOREIGN_KEY,
                out,
                (w, h) -> {});
        compareNamed(
                t,
                want.checks(),
                have.checks(),
                Catalog.Check::name,
                Kind.MISSING_CHECK,
                Kind.EXTRA_CHECK,
                out,
                (w, h) -> {
                    if (!w.expression().equals(h.expression())) {
                        out.add(new SchemaDifference(
                                Kind.CHANGED_CHECK, t, w.name() + " " + w.expression() + " -> " + h.expression()));
                    }
                });
    }

    private static <T> void compareNamed(
            String table,
            List<T> want,
            List<T> have,
            Function<T, String> name,
            Kind missing,
            Kind extra,
            List<SchemaDifference> out,
            BiConsumer<T, T> compareBoth) {
        Map<String, T> w = want.stream().collect(Collectors.toMap(name, x -> x, (a, b) -> a));
        Map<String, T> h = have.stream().collect(Collectors.toMap(name, x -> x, (a, b) -> a));
        for (String key : union(w.keySet(), h.keySet())) {
            if (!h.containsKey(key)) {
                out.add(new SchemaDifference(missing, table, describe(w.get(key))));
            } else if (!w.containsKey(key)) {
                out.add(new SchemaDifference(extra, table, describe(h.get(key))));
            } else {
                compareBoth.accept(w.get(key), h.get(key));
            }
        }
    }

    private static String describe(Object item) {
        return switch (item) {
            case Catalog.Column c -> c.name() + " " + c.type() + (c.nullable() ? "" : " not null");
            case Catalog.Index i -> i.describe().replaceFirst("^(unique )?index ", "");
            case Catalog.ForeignKey f -> f.describe().replaceFirst("^foreign key ", "");
            case Catalog.Check c -> c.name() + " " + c.expression();
            default -> item.toString();
        };
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
