package org.parley.request.deconfliction.jdbc;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.parley.request.deconfliction.domain.OverlapStore;
import org.parley.request.deconfliction.domain.OverlappingRequest;
import org.parley.request.privacy.SubjectProtection;
import org.parley.request.privacy.SubjectSeals;
import org.parley.request.shared.domain.RequestType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOverlapStore implements OverlapStore {

    /** Advisory lock namespace of request subjects (the first key of the two-key form). */
    static final int LOCK_NAMESPACE = 0x52510001;
    /**
     * Subjects are locked by hash bucket rather than one by one: at most this many locks per
     * submission (and never more than its subjects, at most Submission.MAX_SUBJECTS), well within
     * the server's shared lock table. Few enough buckets to bound that, many enough that
     * submissions naming different subjects rarely share one: eight at once, each with one
     * subject, share a bucket 2.7 % of the time (with 64 buckets it was 36 %).
     */
    static final int BUCKETS = 1024;
    /** The request types that take part in deconfliction, as stored. */
    private static final String[] DECONFLICTED = Arrays.stream(RequestType.values())
            .filter(RequestType::takesPartInDeconfliction).map(Enum::name).toArray(String[]::new);

    private final JdbcClient jdbc;
    private final SubjectProtection protection;

    JdbcOverlapStore(JdbcClient jdbc, SubjectProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    @Override
    public void lockSubjects(Collection<String> keys) {
        Integer[] buckets = keys.stream().map(key -> key.hashCode() & (BUCKETS - 1)).distinct().sorted()
                .toArray(Integer[]::new);
        if (buckets.length == 0) {
            return;
        }
        jdbc.sql("""
                select pg_advisory_xact_lock(:ns, b)
                from (select b from unnest(cast(:buckets as int[])) b order by b) sorted
                """)
                .param("ns", LOCK_NAMESPACE)
                .param("buckets", buckets)
                .query((rs, row) -> row)
                .list();
    }

    /**
     * Two requests overlap when they name one subject at one company while both are open at the later one's
     * submission: the later was submitted before the earlier was answered or withdrawn (a request closed in
     * the same millisecond counts as closed first).
     */
    @Override
    public List<OverlappingRequest> overlapping(UUID requestId) {
        return jdbc.sql("""
                select distinct on (other.id, mine.subject_key)
                       mine.subject_key, mine.position, mine.value, other.id, other.type, other.authority_id,
                       other.authority_country, other.gag_until, greatest(me.submitted_at, other.submitted_at) detected_at
                from government_request me
                join request_subject mine on mine.request_id = me.id
                join request_subject theirs on theirs.subject_key = mine.subject_key and theirs.request_id <> me.id
                join government_request other on other.id = theirs.request_id
                where me.id = :id
                  and me.type = any(:types) and other.type = any(:types)
                  and other.target_company_id = me.target_company_id
                  and greatest(me.submitted_at, other.submitted_at)
                      < least(coalesce(me.answered_at, me.withdrawn_at, 'infinity'),
                              coalesce(other.answered_at, other.withdrawn_at, 'infinity'))
                order by other.id, mine.subject_key, mine.position
                """)
                .param("id", requestId)
                .param("types", DECONFLICTED)
                .query((rs, row) -> new OverlappingRequest(rs.getString(1),
                        SubjectSeals.open(protection, rs.getString(3), requestId, rs.getInt(2)),
                        rs.getObject(4, UUID.class), RequestType.valueOf(rs.getString(5)), rs.getObject(6, UUID.class),
                        rs.getString(7), rs.getObject(8, LocalDate.class), rs.getTimestamp(9).toInstant()))
                .list()
                .stream()
                .sorted(Comparator.comparing(OverlappingRequest::detectedAt).thenComparing(OverlappingRequest::requestId))
                .toList();
    }
}
