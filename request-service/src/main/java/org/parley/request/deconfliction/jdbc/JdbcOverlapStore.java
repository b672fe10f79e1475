package org.parley.request.deconfliction.jdbc;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.parley.request.deconfliction.domain.Overlap;
import org.parley.request.deconfliction.domain.OverlapStore;
import org.parley.request.submission.domain.RequestType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOverlapStore implements OverlapStore {

    /** Advisory lock namespace of request subjects (the first key of the two-key form). */
    static final int LOCK_NAMESPACE = 0x52510001;
    /**
     * Subjects are locked by hash bucket rather than one by one: at most this many locks per
     * submission, however many subjects it names, so the server's lock table never fills.
     */
    static final int BUCKETS = 64;

    private final JdbcClient jdbc;

    JdbcOverlapStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    @Override
    public List<NamedSubject> openRequestsNaming(Collection<String> keys, UUID excluding) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select s.request_id, s.subject_key, s.value, r.type, r.authority_id, r.authority_country, r.target_company_id
                from request_subject s
                join government_request r on r.id = s.request_id
                where s.subject_key = any(:keys)
                  and s.request_id <> :excluding
                  and r.state in ('SUBMITTED', 'ACKNOWLEDGED', 'CLARIFICATION_REQUESTED')
                order by s.request_id, s.position
                """)
                .param("keys", keys.toArray(String[]::new))
                .param("excluding", excluding)
                .query((rs, row) -> new NamedSubject(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        RequestType.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), rs.getString(6),
                        rs.getObject(7, UUID.class)))
                .list();
    }

    @Override
    public void record(Collection<Overlap> overlaps) {
        for (Overlap o : overlaps) {
            jdbc.sql("""
                    insert into request_overlap (request_id, other_request_id, subject, other_type, other_authority_id,
                        other_authority_country, other_company_id, detected_at)
                    values (:request, :other, :subject, :type, :authority, :country, :company, :at)
                    on conflict do nothing
                    """)
                    .param("request", o.requestId()).param("other", o.otherRequestId()).param("subject", o.subject())
                    .param("type", o.otherType().name()).param("authority", o.otherAuthorityId())
                    .param("country", o.otherAuthorityCountry()).param("company", o.otherCompanyId())
                    .param("at", Timestamp.from(o.detectedAt()))
                    .update();
        }
    }

    @Override
    public List<Overlap> of(UUID requestId) {
        return jdbc.sql("select * from request_overlap where request_id = :id order by detected_at, other_request_id, subject")
                .param("id", requestId)
                .query((rs, row) -> new Overlap(rs.getObject("request_id", UUID.class),
                        rs.getObject("other_request_id", UUID.class), rs.getString("subject"),
                        RequestType.valueOf(rs.getString("other_type")), rs.getObject("other_authority_id", UUID.class),
                        rs.getString("other_authority_country"), rs.getObject("other_company_id", UUID.class),
                        rs.getTimestamp("detected_at").toInstant()))
                .list();
    }
}
