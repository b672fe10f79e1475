-- :count requests of four authorities to four companies, received over the three years to the
-- end of last month, of every type, most answered (by outcome, some late, some overdue), the
-- rest still pending. Ids are random UUIDs, none of them a real request's.
insert into party (id, name, country, updated_at) values
    ('01930000-0000-7000-8000-00000000a001', 'Germany: Federal Office for Online Safety (demo)', 'DE', now()),
    ('01930000-0000-7000-8000-00000000a002', 'France: Directorate for Online Harms (demo)', 'FR', now()),
    ('01930000-0000-7000-8000-00000000a003', 'New Zealand: Digital Safety Unit (demo)', 'NZ', now()),
    ('01930000-0000-7000-8000-00000000a004', 'Kenya: Online Extremism Desk (demo)', 'KE', now()),
    ('01930000-0000-7000-8000-00000000c001', 'Streamly Video', 'US', now()),
    ('01930000-0000-7000-8000-00000000c002', 'Chirp Social', 'IE', now()),
    ('01930000-0000-7000-8000-00000000c003', 'Pinboard Forums (demo)', 'DE', now()),
    ('01930000-0000-7000-8000-00000000c004', 'Lumen Cloud Hosting (demo)', 'NL', now())
on conflict (id) do nothing;

insert into government_request (id, type, state, authority_id, authority_country, target_company_id, submitted_by,
    legal_instrument, legal_provision, legal_jurisdiction, legitimate_aim, necessity_statement,
    proportionality_statement, urgency, rules_version, submitted_at, received_at, overdue_at, outcome, answered_at,
    answer_ms, answered_in_time, version)
select gen_random_uuid(), g.type, g.state, g.authority, g.country, g.company, 'bench', 'Regulation (EU) 2021/784',
       'Art. 3', g.country, 'PUBLIC_ORDER', 'Generated for the transparency benchmark.',
       'Generated for the transparency benchmark.', 'ROUTINE', 1, g.received, g.received,
       case when g.overdue then g.received + interval '2 days' end,
       case when g.state in ('FULFILLED', 'PARTIALLY_FULFILLED', 'REJECTED', 'CHALLENGED') then g.state end,
       case when g.answered then g.received + g.answer_ms * interval '1 millisecond' end,
       case when g.answered then g.answer_ms end,
       case when g.answered then not g.overdue end,
       1
from (
    select s.type, s.authority, s.country, s.company, s.received, s.state,
           s.state <> 'SUBMITTED' as answered,
           (s.r3 < 0.1) as overdue,
           (60000 + floor(s.r3 * 86400000 * 3))::bigint as answer_ms
    from (
        select (array['INFORMATION', 'REMOVAL_ORDER', 'REFERRAL', 'PRESERVATION', 'EMERGENCY_DISCLOSURE'])[1 + (i % 5)] as type,
               (array['01930000-0000-7000-8000-00000000a001', '01930000-0000-7000-8000-00000000a002',
                      '01930000-0000-7000-8000-00000000a003', '01930000-0000-7000-8000-00000000a004'])[1 + (i / 5 % 4)]::uuid as authority,
               (array['DE', 'FR', 'NZ', 'KE'])[1 + (i / 5 % 4)] as country,
               (array['01930000-0000-7000-8000-00000000c001', '01930000-0000-7000-8000-00000000c002',
                      '01930000-0000-7000-8000-00000000c003', '01930000-0000-7000-8000-00000000c004'])[1 + (i / 20 % 4)]::uuid as company,
               date_trunc('month', now()) - interval '3 years' + random() * (date_trunc('month', now()) - (date_trunc('month', now()) - interval '3 years')) as received,
               (array['FULFILLED', 'FULFILLED', 'FULFILLED', 'PARTIALLY_FULFILLED', 'REJECTED', 'CHALLENGED', 'SUBMITTED'])[1 + floor(random() * 7)::int] as state,
               random() as r3
        from generate_series(1, :count) as i
    ) s
) g;
