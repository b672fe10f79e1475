package org.parley.request.transparency.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parley.request.lifecycle.domain.GovernmentRequest;

/**
 * What a change to one request does to the rollup: its contribution afterwards minus its
 * contribution before. A request counts once it has reached the company, in the period of its
 * receipt, under its current outcome; so an answer moves it from PENDING to its outcome, an overdue
 * mark adds to the cell it is in, and so on, with no special case per transition.
 */
public final class RollupDeltas {

    private RollupDeltas() {}

    /** The changes, sorted by key, that turn {@code before}'s contribution into {@code after}'s; either may be null. */
    public static List<RollupDelta> between(GovernmentRequest before, GovernmentRequest after) {
        Map<RollupKey, Cell> cells = new TreeMap<>();
        contribute(cells, before, -1);
        contribute(cells, after, +1);
        List<RollupDelta> deltas = new ArrayList<>();
        cells.forEach((key, cell) -> deltas.addAll(cell.deltas(key)));
        return deltas;
    }

    /** What one request adds to the rollup (all cells, both grains). */
    public static List<RollupDelta> of(GovernmentRequest request) {
        return between(null, request);
    }

    private static void contribute(Map<RollupKey, Cell> cells, GovernmentRequest request, int sign) {
        if (request == null || request.receivedAt() == null) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(request.receivedAt(), ZoneOffset.UTC);
        ReportedOutcome outcome = ReportedOutcome.of(request.state());
        boolean answered = request.answer() != null;
        int bucket = answered ? AnswerTimeHistogram.bucketOf(request.answer().companyTime()) : -1;
        for (Grain grain : Grain.values()) {
            RollupKey key = new RollupKey(grain, grain.startOf(day), request.authority().id(), request.authority().country(),
                    request.company().id(), request.content().type(), outcome);
            Cell cell = cells.computeIfAbsent(key, k -> new Cell());
            cell.requests += sign;
            cell.overdue += request.overdueAt() != null ? sign : 0;
            cell.answered += answered ? sign : 0;
            cell.inTime += answered && Boolean.TRUE.equals(request.answer().inTime()) ? sign : 0;
            if (bucket >= 0) {
                cell.buckets.merge(bucket, (long) sign, Long::sum);
            }
        }
    }

    private static final class Cell {
        long requests;
        long overdue;
        long answered;
        long inTime;
        final Map<Integer, Long> buckets = new TreeMap<>();

        List<RollupDelta> deltas(RollupKey key) {
            List<RollupDelta> deltas = new ArrayList<>();
            List<Map.Entry<Integer, Long>> moved = buckets.entrySet().stream().filter(e -> e.getValue() != 0).toList();
            int first = moved.isEmpty() ? -1 : moved.getFirst().getKey();
            long firstCount = moved.isEmpty() ? 0 : moved.getFirst().getValue();
            RollupDelta main = new RollupDelta(key, requests, overdue, answered, inTime, first, firstCount);
            if (!main.isZero()) {
                deltas.add(main);
            }
            for (Map.Entry<Integer, Long> more : moved.subList(Math.min(1, moved.size()), moved.size())) {
                deltas.add(new RollupDelta(key, 0, 0, 0, 0, more.getKey(), more.getValue()));
            }
            return deltas;
        }
    }
}
