-- :count public records straight into request-service's archive, as publication writes them:
-- 40 authorities of 20 countries, 50 companies, every type and final outcome, received over the
-- three years to the end of last month and published in that order (a gag delays some by up to
-- 180 days), the subjects redacted on 200 domains. Ids are random UUIDs, none a real request's.
insert into archived_request (id, published_at, type, authority_id, authority_name, authority_country, company_id,
    company_name, legal_instrument, legal_provision, legal_jurisdiction, legitimate_aim, data_categories,
    judicially_authorised, received_at, received_month, due_at, answered_at, action_taken_at, withdrawn_at, gag_until, outcome,
    reason_codes, answer_ms, answered_in_time, overdue, disclosed_items, subjects, redactions, search)
select gen_random_uuid(), g.published, g.type, g.authority, 'Authority ' || g.a || ' (bench)', g.country, g.company,
       'Company ' || g.c || ' (bench)', g.instrument, g.provision, g.country, 'PUBLIC_ORDER',
       case when g.type in ('INFORMATION', 'EMERGENCY_DISCLOSURE', 'PRESERVATION') then '{SUBSCRIBER}'::text[] else '{}' end,
       false, g.received, date_trunc('month', g.received at time zone 'UTC')::date, g.received + interval '1 hour',
       case when g.outcome <> 'WITHDRAWN' then g.received + g.answer_ms * interval '1 millisecond' end,
       case when g.outcome in ('FULFILLED', 'PARTIALLY_FULFILLED') then g.received + g.answer_ms * interval '1 millisecond' end,
       case when g.outcome = 'WITHDRAWN' then g.received + interval '10 minutes' end,
       case when g.gag_days > 0 then (g.received + g.gag_days * interval '1 day')::date end,
       g.outcome,
       case when g.outcome in ('REJECTED', 'PARTIALLY_FULFILLED') then '{OVERBROAD}'::text[] else '{}' end,
       case when g.outcome <> 'WITHDRAWN' then g.answer_ms end,
       case when g.outcome <> 'WITHDRAWN' then g.answer_ms < 3600000 end,
       false, null,
       jsonb_build_array(jsonb_build_object('kind', 'URL', 'shown', 'https://www.' || g.domain || '/[redacted]',
               'domain', g.domain, 'redactions', jsonb_build_array('URL_PATH')),
           jsonb_build_object('kind', 'ACCOUNT', 'shown', '[redacted]', 'redactions', jsonb_build_array('ACCOUNT_ID'))),
       '{"ACCOUNT_ID": 1, "URL_PATH": 1}'::jsonb,
       to_tsvector('simple', g.instrument || ' ' || g.provision || ' ' || g.country || ' ' || g.domain)
from (
    select s.*, s.received + (s.gag_days + 1) * interval '1 day' as published
    from (
        select (array['INFORMATION', 'REMOVAL_ORDER', 'REFERRAL', 'PRESERVATION', 'EMERGENCY_DISCLOSURE'])[1 + h.h1 % 5] as type,
               h.h2 % 40 as a,
               ('01930000-0000-7000-8000-0000000ba' || lpad((h.h2 % 40)::text, 3, '0'))::uuid as authority,
               (array['DE', 'FR', 'NZ', 'KE', 'IT', 'ES', 'PL', 'NL', 'BE', 'AT', 'SE', 'DK', 'FI', 'IE', 'PT', 'GR',
                      'CZ', 'RO', 'GB', 'CA'])[1 + (h.h2 % 40) % 20] as country,
               h.h3 % 50 as c,
               ('01930000-0000-7000-8000-0000000bc' || lpad((h.h3 % 50)::text, 3, '0'))::uuid as company,
               (array['Regulation (EU) 2021/784', 'Regulation (EU) 2022/2065', 'Strafprozessordnung',
                      'Code de procédure pénale', 'Online Safety Act 2023', 'Computer Misuse Act'])[1 + h.h4 % 6] as instrument,
               'Art. ' || (1 + h.h4 % 30) as provision,
               'site' || (h.h5 % 200) || '.example' as domain,
               (array['FULFILLED', 'FULFILLED', 'FULFILLED', 'PARTIALLY_FULFILLED', 'REJECTED', 'CHALLENGED', 'WITHDRAWN'])[1 + h.h6 % 7] as outcome,
               case when h.h7 % 4 = 0 then 1 + h.h7 % 180 else 0 end as gag_days,
               (60000 + (i::bigint * 7919) % 259200000) as answer_ms,
               date_trunc('month', now()) - interval '3 years'
                   + (i::double precision / :count) * (interval '3 years' - interval '181 days') as received
        from generate_series(1, :count) as i,
             -- independent dimensions: no pair of filters is always or never found together
             lateral (select (hashint4(i) & 2147483647) as h1, (hashint4(i + 1000000007) & 2147483647) as h2, (hashint4(i * 3 + 7) & 2147483647) as h3,
                             (hashint4(i * 5 + 11) & 2147483647) as h4, (hashint4(i * 7 + 13) & 2147483647) as h5,
                             (hashint4(i * 11 + 17) & 2147483647) as h6, (hashint4(i * 13 + 19) & 2147483647) as h7) h
    ) s
    order by s.received + (s.gag_days + 1) * interval '1 day'
) g;

