package org.parley.request.deconfliction.jdbc;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.request.deconfliction.domain.OverlapStore;
import org.parley.request.privacy.SubjectProtection;
import org.parley.request.privacy.SubjectSeals;
import org.parley.request.shared.domain.Overlap;
import org.parley.request.shared.domain.RequestType;
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

    @Override
    public List<NamedSubject> openRequestsNaming(Collection<String> keys, UUID excluding) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<String, String> byHash = new HashMap<>();
        keys.forEach(key -> byHash.put(protection.matchKey(key), key));
        return jdbc.sql("""
                select s.request_id, s.position, s.subject_key, s.value, r.type, r.authority_id, r.authority_country,
                       r.target_company_id
                from request_subject s
                join government_request r on r.id = s.request_id
                where s.subject_key = any(:keys)
                  and s.request_id <> :excluding
                  and r.state in ('SUBMITTED', 'ACKNOWLEDGED', 'CLARIFICATION_REQUESTED')
                order by s.request_id, s.position
                """)
                .param("keys", byHash.keySet().toArray(String[]::new))
                .param("excluding", excluding)
                .query((rs, row) -> {
                    UUID request = rs.getObject(1, UUID.class);
                    return new NamedSubject(request, byHash.get(rs.getString(3)),
                            SubjectSeals.open(protection, rs.getString(4), request, rs.getInt(2)),
                            RequestType.valueOf(rs.getString(5)), rs.getObject(6, UUID.class), rs.getString(7),
                            rs.getObject(8, UUID.class));
                })
                .list();
    }

    @Override
    public void record(Collection<Overlap> overlaps) {
        for (Overlap o : overlaps) {
            String key = protection.matchKey(o.subjectKey());
            jdbc.sql("""
                    insert into request_overlap (request_id, other_request_id, subject_key, subject, other_type,
                        other_authority_id, other_authority_country, other_company_id, detected_at)
                    values (:request, :other, :key, :subject, :type, :authority, :country, :company, :at)
                    on conflict do nothing
                    """)
                    .param("request", o.requestId()).param("other", o.otherRequestId()).param("key", key)
                    .param("subject", protection.seal(o.subject(), SubjectSeals.overlapRow(o.requestId(), o.otherRequestId(), key)))
                    .param("type", o.otherType().name()).param("authority", o.otherAuthorityId())
                    .param("country", o.otherAuthorityCountry()).param("company", o.otherCompanyId())
                    .param("at", Timestamp.from(o.detectedAt()))
                    .update();
        }
    }

    @Override
    public List<Overlap> of(UUID requestId) {
        return jdbc.sql("select * from request_overlap where request_id = :id order by detected_at, other_request_id, subject_key")
                .param("id", requestId)
                .query((rs, row) -> {
                    UUID other = rs.getObject("other_request_id", UUID.class);
                    String key = rs.getString("subject_key");
                    String stored = rs.getString("subject");
                    return new Overlap(requestId, other, key,
                            SubjectProtection.isSealed(stored)
                                    ? protection.open(stored, SubjectSeals.overlapRow(requestId, other, key)) : stored,
                            RequestType.valueOf(rs.getString("other_type")), rs.getObject("other_authority_id", UUID.class),
                            rs.getString("other_authority_country"), rs.getObject("other_company_id", UUID.class),
                            rs.getTimestamp("detected_at").toInstant());
                })
                .list();
    }
}
