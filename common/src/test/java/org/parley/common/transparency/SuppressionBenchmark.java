package org.parley.common.transparency;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.parley.common.kernel.Unavailable;
import org.parley.common.transparency.SmallCounts.Figure;

/**
 * What deciding one year of the public request report costs. The
 * table is built as request-service's report builds it: every period of the year × every grouping of country, type,
 * outcome and company, for requests and overdue requests, the answered total, and each authority's requests,
 * refusals, challenges and withdrawals; cells of a month × authority × company × type × outcome, for a store of N
 * requests over three years. Two shapes of store: {@code skewed} (four authorities in three countries, four companies,
 * five types, five outcomes, skewed volumes) and {@code even} (the bench's generated store: an authority per country,
 * every authority × company × type alike, outcomes drawn as the bench draws them, a tenth overdue). Not a test: a
 * harness run by hand.
 *
 * <pre>./mvnw -q -pl common -am test-compile, then
 * java -Xmx384m -cp common/target/classes:common/target/test-classes:&lt;test classpath&gt; \
 *     org.parley.common.transparency.SuppressionBenchmark 10000 [times] [skewed|even]</pre>
 */
public final class SuppressionBenchmark {

    private static final String[] COUNTRIES = {"DE", "DE", "FR", "IE"};
    private static final double[] AUTHORITY = {0.4, 0.3, 0.2, 0.1};
    private static final double[] COMPANY = {0.5, 0.25, 0.15, 0.1};
    private static final double[] TYPE = {0.4, 0.25, 0.2, 0.1, 0.05};
    /** Pending, fulfilled, partially fulfilled, rejected, challenged, withdrawn: the five after pending. */
    private static final double[] OUTCOME = {0.45, 0.2, 0.2, 0.05, 0.1};
    private static final Set<Integer> ANSWERED = Set.of(0, 1, 2, 3);
    /** The bench's draw: fulfilled three times in seven, then partially fulfilled, rejected, challenged, pending (5). */
    private static final int[] EVEN_OUTCOME = {0, 0, 0, 1, 2, 3, 5};
    /** One authority per country, as in the bench's store; {@link #COUNTRIES} for the skewed one. */
    private static final String[] EVEN_COUNTRIES = {"DE", "FR", "NZ", "KE"};

    record Cell(String measure, int month, int authority, int company, int type, int outcome) {}

    record Id(String period, String table, Object row, String measure) {}

    public static void main(String[] args) {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        String shape = args.length > 2 ? args[2] : "skewed";
        if (!shape.equals("skewed") && !shape.equals("even")) {
            throw new IllegalArgumentException("the store's shape is skewed or even, not " + shape);
        }
        boolean even = shape.equals("even");
        int k = 5;
        List<Figure> figures = year(requests, even, new Random(20261201));
        Set<Object> cells = new HashSet<>();
        figures.forEach(f -> cells.addAll(f.cells()));
        long small = figures.stream().filter(f -> f.value() > 0 && f.value() < k).count();
        System.out.printf("%,d requests over three years (%s): one year has %,d figures over %,d cells, %,d small%n",
                requests, shape, figures.size(), cells.size(), small);
        long budget = Runtime.getRuntime().maxMemory() / 4;
        run(rounds, () -> {
            Suppression s = new Suppression(k, figures, budget);
            return new long[] {s.primary().size(), s.secondary().size(), s.heldBytes()};
        });
    }

    private interface Decision {
        long[] decide();
    }

    private static void run(int rounds, Decision decision) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            try {
                long[] result = decision.decide();
                System.out.printf("round %d: %.2f s, %,d primary and %,d withheld figures, %s, %,d MB allocated%n",
                        round, (System.nanoTime() - start) / 1e9, result[0], result[1],
                        String.format("%,d KB held by the elimination", result[2] / 1024),
                        (threads.getCurrentThreadAllocatedBytes() - allocated) >> 20);
            } catch (Unavailable refused) {
                System.out.printf("round %d: refused (%s) after %.2f s: %s%n", round, refused.reason(),
                        (System.nanoTime() - start) / 1e9, refused.getMessage());
            }
        }
    }

    /** The figures of one of the three years of the store, as the report publishes them. */
    static List<Figure> year(int storeRequests, boolean even, Random random) {
        Map<Cell, long[]> rows = new LinkedHashMap<>();
        for (int r = 0; r < storeRequests / 3; r++) {
            int month = 1 + random.nextInt(12);
            int authority = even ? r / 5 % 4 : pick(random, AUTHORITY);
            int company = even ? r / 20 % 4 : pick(random, COMPANY);
            int type = even ? r % 5 : pick(random, TYPE);
            int outcome = even ? EVEN_OUTCOME[random.nextInt(EVEN_OUTCOME.length)] : pick(random, OUTCOME);
            long[] counts = rows.computeIfAbsent(new Cell("requests", month, authority, company, type, outcome),
                    c -> new long[2]);
            counts[0]++;
            if (random.nextInt(10) == 0) {
                counts[1]++;
            }
        }
        Map<Id, Set<Cell>> cells = new LinkedHashMap<>();
        Map<Id, Long> values = new HashMap<>();
        for (String period : periods()) {
            for (Map.Entry<Cell, long[]> row : rows.entrySet()) {
                Cell c = row.getKey();
                if (!within(period, c.month())) {
                    continue;
                }
                Cell overdue = new Cell("overdue", c.month(), c.authority(), c.company(), c.type(), c.outcome());
                for (int mask = 0; mask < 16; mask++) {
                    List<Object> key = new ArrayList<>(4);
                    key.add((mask & 1) != 0 ? (even ? EVEN_COUNTRIES : COUNTRIES)[c.authority()] : null);
                    key.add((mask & 2) != 0 ? c.type() : null);
                    key.add((mask & 4) != 0 ? c.outcome() : null);
                    key.add((mask & 8) != 0 ? c.company() : null);
                    add(cells, values, new Id(period, "rows", key, "requests"), c, row.getValue()[0]);
                    add(cells, values, new Id(period, "rows", key, "overdue"), overdue, row.getValue()[1]);
                }
                if (ANSWERED.contains(c.outcome())) {
                    add(cells, values, new Id(period, "totals", null, "answered"), c, row.getValue()[0]);
                }
                add(cells, values, new Id(period, "authorities", c.authority(), "requests"), c, row.getValue()[0]);
                String part = switch (c.outcome()) {
                    case 2 -> "refused";
                    case 3 -> "challenged";
                    case 4 -> "withdrawn";
                    default -> null;
                };
                if (part != null) {
                    add(cells, values, new Id(period, "authorities", c.authority(), part), c, row.getValue()[0]);
                }
            }
        }
        List<Figure> figures = new ArrayList<>();
        cells.forEach((id, members) -> figures.add(new Figure(id, values.get(id), members)));
        return figures;
    }

    private static void add(Map<Id, Set<Cell>> cells, Map<Id, Long> values, Id id, Cell cell, long value) {
        cells.computeIfAbsent(id, x -> new HashSet<>()).add(cell);
        values.merge(id, value, Long::sum);
    }

    /** The year, its halves, quarters and months, as month ranges "first-last". */
    private static List<String> periods() {
        List<String> periods = new ArrayList<>(List.of("1-12", "1-6", "7-12"));
        for (int q = 0; q < 4; q++) {
            periods.add((3 * q + 1) + "-" + (3 * q + 3));
        }
        for (int m = 1; m <= 12; m++) {
            periods.add(m + "-" + m);
        }
        return periods;
    }

    private static boolean within(String period, int month) {
        String[] range = period.split("-");
        return month >= Integer.parseInt(range[0]) && month <= Integer.parseInt(range[1]);
    }

    private static int pick(Random random, double[] weights) {
        double roll = random.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private SuppressionBenchmark() {}
}
