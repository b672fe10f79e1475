-- Commitments in every status, with progress reports and independent assessments, so that the
-- public view shows pledges, work in progress, kept promises and broken ones.
-- (This file sorts after R__demo_stakeholders and R__demo_frameworks: it refers to both.)
insert into commitment (id, stakeholder_id, framework_id, clause_number, status, target_date, indicator, indicator_target,
    created_at, updated_at) values
  -- Streamly Video
  ('01930000-0000-7000-8000-000000d10001', '01930000-0000-7000-8000-00000000c001', '01930000-0000-7000-8000-000000f00001', 'OSP-1', 'IMPLEMENTED', '2026-06-30', null, null, '2026-01-15T09:00:00Z', '2026-06-20T09:00:00Z'),
  ('01930000-0000-7000-8000-000000d10002', '01930000-0000-7000-8000-00000000c001', '01930000-0000-7000-8000-000000f00001', 'OSP-4', 'IN_PROGRESS', '2027-06-30', 'MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS', 1, '2026-02-01T09:00:00Z', '2026-05-01T09:00:00Z'),
  ('01930000-0000-7000-8000-000000d10003', '01930000-0000-7000-8000-00000000c001', '01930000-0000-7000-8000-000000f00003', 'OP-3', 'PLEDGED', '2027-03-31', 'APPEAL_DECISION_DAYS', 7, '2026-09-01T09:00:00Z', '2026-09-01T09:00:00Z'),
  -- Chirp Social
  ('01930000-0000-7000-8000-000000d10004', '01930000-0000-7000-8000-00000000c002', '01930000-0000-7000-8000-000000f00001', 'OSP-5', 'IN_PROGRESS', '2027-01-31', 'SHARE_OF_REMOVAL_ORDERS_ANSWERED_IN_TIME', 0.95, '2026-01-20T09:00:00Z', '2026-04-02T09:00:00Z'),
  ('01930000-0000-7000-8000-000000d10005', '01930000-0000-7000-8000-00000000c002', '01930000-0000-7000-8000-000000f00003', 'OP-2', 'LAPSED', '2026-03-31', null, null, '2025-10-01T09:00:00Z', '2026-04-01T02:00:00Z'),
  ('01930000-0000-7000-8000-000000d10006', '01930000-0000-7000-8000-00000000c002', '01930000-0000-7000-8000-000000f00001', 'OSP-3', 'WITHDRAWN', '2026-12-31', null, null, '2025-11-01T09:00:00Z', '2026-02-10T09:00:00Z'),
  ('01930000-0000-7000-8000-000000d10007', '01930000-0000-7000-8000-00000000c002', '01930000-0000-7000-8000-000000f00003', 'OP-3', 'IMPLEMENTED', '2026-09-30', 'APPEAL_DECISION_DAYS', 14, '2026-01-10T09:00:00Z', '2026-08-15T09:00:00Z'),
  -- Pinboard Forums and Lumen Cloud Hosting
  ('01930000-0000-7000-8000-000000d10008', '01930000-0000-7000-8000-00000000c003', '01930000-0000-7000-8000-000000f00003', 'OP-1', 'PLEDGED', '2027-12-31', 'OVERDUE_REQUESTS', 0, '2026-10-01T09:00:00Z', '2026-10-01T09:00:00Z'),
  ('01930000-0000-7000-8000-000000d10009', '01930000-0000-7000-8000-00000000c004', '01930000-0000-7000-8000-000000f00002', 'PRIV', 'IN_PROGRESS', '2027-06-30', null, null, '2026-03-01T09:00:00Z', '2026-07-01T09:00:00Z'),
  -- authorities
  ('01930000-0000-7000-8000-000000d1000a', '01930000-0000-7000-8000-00000000a001', '01930000-0000-7000-8000-000000f00001', 'GOV-2', 'IMPLEMENTED', '2026-05-31', null, null, '2026-01-05T09:00:00Z', '2026-05-20T09:00:00Z'),
  ('01930000-0000-7000-8000-000000d1000b', '01930000-0000-7000-8000-00000000a002', '01930000-0000-7000-8000-000000f00003', 'GOV-2', 'PLEDGED', '2027-06-30', null, null, '2026-06-01T09:00:00Z', '2026-06-01T09:00:00Z'),
  ('01930000-0000-7000-8000-000000d1000c', '01930000-0000-7000-8000-00000000a003', '01930000-0000-7000-8000-000000f00001', 'JOINT-1', 'IMPLEMENTED', '2026-04-30', null, null, '2025-12-01T09:00:00Z', '2026-04-15T09:00:00Z'),
  ('01930000-0000-7000-8000-000000d1000d', '01930000-0000-7000-8000-00000000a004', '01930000-0000-7000-8000-000000f00001', 'GOV-1', 'PLEDGED', '2028-06-30', null, null, '2026-08-01T09:00:00Z', '2026-08-01T09:00:00Z'),
  ('01930000-0000-7000-8000-000000d1000e', '01930000-0000-7000-8000-00000000a001', '01930000-0000-7000-8000-000000f00003', 'GOV-1', 'LAPSED', '2026-06-30', null, null, '2025-09-01T09:00:00Z', '2026-07-01T02:00:00Z'),
  -- civil society
  ('01930000-0000-7000-8000-000000d1000f', '01930000-0000-7000-8000-00000000b001', '01930000-0000-7000-8000-000000f00002', 'MSC', 'IN_PROGRESS', '2027-12-31', null, null, '2026-02-15T09:00:00Z', '2026-06-15T09:00:00Z')
on conflict do nothing;

insert into progress_report (id, commitment_id, text, evidence_urls, reported_at) values
  ('01930000-0000-7000-8000-000000e10001', '01930000-0000-7000-8000-000000d10001',
   'Hash-matching against the shared industry database now runs on every upload; matches are held for human review within the hour.',
   '{https://transparency.streamly.example/2026-h1}', '2026-06-20T09:00:00Z'),
  ('01930000-0000-7000-8000-000000e10002', '01930000-0000-7000-8000-000000d10002',
   'Livestreams flagged by viewers or classifiers are routed to a dedicated real-time review queue in three languages; coverage of the remaining languages is planned for Q2 2027.',
   '{https://blog.streamly.example/livestream-safety,https://transparency.streamly.example/livestream-review}', '2026-05-01T09:00:00Z'),
  ('01930000-0000-7000-8000-000000e10003', '01930000-0000-7000-8000-000000d10004',
   'The first semi-annual report on terrorist content removals is published; government removal orders are broken down by country.',
   '{https://chirp.example/transparency/2026-h1}', '2026-04-02T09:00:00Z'),
  ('01930000-0000-7000-8000-000000e10004', '01930000-0000-7000-8000-000000d10007',
   'Appeals against removals are now decided by a reviewer other than the original moderator; median decision time was 6 days in Q2.',
   '{https://chirp.example/transparency/appeals-q2}', '2026-08-15T09:00:00Z'),
  ('01930000-0000-7000-8000-000000e10005', '01930000-0000-7000-8000-000000d1000a',
   'Removal orders are now issued only by the designated competent authority, each with a statement of reasons and the legal basis.',
   '{https://example.org/de-competent-authority-notice}', '2026-05-20T09:00:00Z'),
  ('01930000-0000-7000-8000-000000e10006', '01930000-0000-7000-8000-000000d1000c',
   'A crisis protocol exercise with four platforms took place; contact points were reached within 20 minutes.',
   '{https://example.org/nz-crisis-exercise-2026}', '2026-04-15T09:00:00Z'),
  ('01930000-0000-7000-8000-000000e10007', '01930000-0000-7000-8000-000000d10009',
   'Law enforcement requests for customer data now go through a legal review that checks legality and proportionality before disclosure.',
   '{}', '2026-07-01T09:00:00Z'),
  ('01930000-0000-7000-8000-000000e10008', '01930000-0000-7000-8000-000000d1000f',
   'Convened two roundtables with companies and authorities on takedown demands in election periods.',
   '{https://openrightswatch.example/roundtables-2026}', '2026-06-15T09:00:00Z')
on conflict do nothing;

insert into assessment (id, commitment_id, rating, findings, assessor_name, assessor_stakeholder_id, assessed_at) values
  ('01930000-0000-7000-8000-000000a10001', '01930000-0000-7000-8000-000000d10001', 'MEETS',
   'Upload screening is in place and documented; removal is prompt and appeals remain available.', 'reviewer', null, '2026-07-10T09:00:00Z'),
  ('01930000-0000-7000-8000-000000a10002', '01930000-0000-7000-8000-000000d10004', 'PARTIALLY_MEETS',
   'The report exists but does not say how much content was detected automatically, nor how many removals were reversed on appeal.',
   'assessor-ipr', '01930000-0000-7000-8000-00000000e001', '2026-05-05T09:00:00Z'),
  ('01930000-0000-7000-8000-000000a10003', '01930000-0000-7000-8000-000000d10005', 'DOES_NOT_MEET',
   'Users whose posts were removed still receive a generic message without the rule applied or a way to appeal.',
   'reviewer', null, '2026-04-20T09:00:00Z'),
  ('01930000-0000-7000-8000-000000a10004', '01930000-0000-7000-8000-000000d1000c', 'MEETS',
   'The protocol was exercised with several platforms and the lessons were published.', 'reviewer', null, '2026-05-02T09:00:00Z'),
  ('01930000-0000-7000-8000-000000a10005', '01930000-0000-7000-8000-000000d1000e', 'DOES_NOT_MEET',
   'No gag order policy was published, so companies still cannot report on most demands.', 'assessor-ipr',
   '01930000-0000-7000-8000-00000000e001', '2026-07-15T09:00:00Z')
on conflict do nothing;
