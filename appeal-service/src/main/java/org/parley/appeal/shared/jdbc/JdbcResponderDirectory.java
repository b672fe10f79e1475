package org.parley.appeal.shared.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.parley.appeal.shared.domain.Person;
import org.parley.appeal.shared.domain.ResponderDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcResponderDirectory implements ResponderDirectory {

    private final JdbcClient jdbc;

    JdbcResponderDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes at most once an hour per responder, so that reads stay reads. */
    @Override
    public void remember(UUID company, Person responder, Instant now) {
        jdbc.sql("""
                insert into responder (company_id, subject, username, last_seen_at) values (:company, :subject, :username, :now)
                on conflict (company_id, subject) do update set username = excluded.username, last_seen_at = excluded.last_seen_at
                where responder.username <> excluded.username or responder.last_seen_at < excluded.last_seen_at - interval '1 hour'
                """)
                .param("company", company).param("subject", responder.subject()).param("username", responder.username())
                .param("now", Timestamp.from(now))
                .update();
    }

    @Override
    public Optional<Person> find(UUID company, String subjectOrUsername) {
        return jdbc.sql("""
                select subject, username from responder
                where company_id = :company and (subject = :who or username = :who)
                order by (subject = :who) desc, last_seen_at desc limit 1
                """)
                .param("company", company).param("who", subjectOrUsername)
                .query((rs, row) -> new Person(rs.getString(1), rs.getString(2)))
                .optional();
    }
}
