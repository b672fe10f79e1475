package org.parley.common.testkit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An attacker on published figures: every figure it sees is an exact sum of cells of the finest grain; it writes
 * one equation per figure shown exactly (and "this cell is 0" for each cell of a published zero), and solves for
 * every figure shown as {@code "<k"} by exact rational elimination. A hidden figure whose cell vector lies in the
 * row space of the published ones is recovered, with its value.
 *
 * <p>Kept apart from the code that decides what to publish, so that it checks that code rather than repeating it.
 */
public final class DifferencingAttack {

    private final Map<Object, Integer> columns = new HashMap<>();
    /** Reduced rows by pivot column; each row's pivot is 1 and no other row has a non-zero in its pivot column. */
    private final TreeMap<Integer, Row> rows = new TreeMap<>();
    private final Map<String, Set<?>> hidden = new LinkedHashMap<>();
    private int published;

    private record Row(TreeMap<Integer, Fraction> vector, Fraction value) {}

    /** Sees one figure: shown exactly (a number), or hidden ({@code "<k"} or any other text). */
    public void observe(String name, Set<?> cells, String shown) {
        if (shown != null && shown.matches("\\d+")) {
            long value = Long.parseLong(shown);
            published++;
            if (value == 0) {
                cells.forEach(cell -> add(vector(Set.of(cell)), Fraction.ZERO));
            }
            add(vector(cells), Fraction.of(value));
        } else if (shown != null && shown.startsWith("<")) {
            hidden.put(name, Set.copyOf(cells));
        }
    }

    /** An attacker who has seen all this one has: to try one more figure on without this one seeing it. */
    public DifferencingAttack copy() {
        DifferencingAttack copy = new DifferencingAttack();
        copy.columns.putAll(columns);
        copy.rows.putAll(rows);
        copy.hidden.putAll(hidden);
        copy.published = published;
        return copy;
    }

    public int publishedFigures() {
        return published;
    }

    public int hiddenFigures() {
        return hidden.size();
    }

    /** The hidden figures it can compute, with their values. */
    public Map<String, Long> recovered() {
        Map<String, Long> recovered = new LinkedHashMap<>();
        hidden.forEach((name, cells) -> {
            TreeMap<Integer, Fraction> v = vector(cells);
            Fraction value = Fraction.ZERO;
            for (Map.Entry<Integer, Row> pivot : rows.entrySet()) {
                Fraction x = v.get(pivot.getKey());
                if (x != null) {
                    subtract(v, pivot.getValue().vector(), x);
                    value = value.add(pivot.getValue().value().multiply(x));
                }
            }
            if (v.isEmpty()) {
                recovered.put(name, value.longValue());
            }
        });
        return recovered;
    }

    private TreeMap<Integer, Fraction> vector(Set<?> cells) {
        TreeMap<Integer, Fraction> v = new TreeMap<>();
        cells.forEach(cell -> v.put(columns.computeIfAbsent(cell, c -> columns.size()), Fraction.ONE));
        return v;
    }

    private void add(TreeMap<Integer, Fraction> v, Fraction value) {
        Fraction b = value;
        for (Map.Entry<Integer, Row> pivot : rows.entrySet()) {
            Fraction x = v.get(pivot.getKey());
            if (x != null) {
                subtract(v, pivot.getValue().vector(), x);
                b = b.subtract(pivot.getValue().value().multiply(x));
            }
        }
        if (v.isEmpty()) {
            return;
        }
        int lead = v.firstKey();
        Fraction scale = v.get(lead);
        TreeMap<Integer, Fraction> normalised = new TreeMap<>();
        v.forEach((col, x) -> normalised.put(col, x.divide(scale)));
        Fraction value1 = b.divide(scale);
        // keep the rows reduced: clear the new pivot column from every other row
        List<Integer> leads = new ArrayList<>(rows.keySet());
        for (Integer other : leads) {
            Row row = rows.get(other);
            Fraction x = row.vector().get(lead);
            if (x != null) {
                TreeMap<Integer, Fraction> copy = new TreeMap<>(row.vector());
                subtract(copy, normalised, x);
                rows.put(other, new Row(copy, row.value().subtract(value1.multiply(x))));
            }
        }
        rows.put(lead, new Row(normalised, value1));
    }

    private static void subtract(TreeMap<Integer, Fraction> v, TreeMap<Integer, Fraction> row, Fraction times) {
        row.forEach((col, x) -> {
            Fraction next = v.getOrDefault(col, Fraction.ZERO).subtract(x.multiply(times));
            if (next.isZero()) {
                v.remove(col);
            } else {
                v.put(col, next);
            }
        });
    }

    private record Fraction(BigInteger numerator, BigInteger denominator) {
        static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
        static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

        static Fraction of(long value) {
            return new Fraction(BigInteger.valueOf(value), BigInteger.ONE);
        }

        static Fraction reduced(BigInteger n, BigInteger d) {
            if (d.signum() < 0) {
                n = n.negate();
                d = d.negate();
            }
            BigInteger gcd = n.gcd(d);
            return gcd.signum() == 0 ? ZERO : new Fraction(n.divide(gcd), d.divide(gcd));
        }

        boolean isZero() {
            return numerator.signum() == 0;
        }

        Fraction add(Fraction o) {
            return reduced(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
                    denominator.multiply(o.denominator));
        }

        Fraction subtract(Fraction o) {
            return add(new Fraction(o.numerator.negate(), o.denominator));
        }

        Fraction multiply(Fraction o) {
            return reduced(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
        }

        Fraction divide(Fraction o) {
            return reduced(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
        }

        long longValue() {
            return numerator.divide(denominator).longValueExact();
        }
    }
}
