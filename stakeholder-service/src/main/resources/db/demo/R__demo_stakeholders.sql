-- Demo stakeholders for the local run: a believable partnership. The ids of the first four are
-- bound to the demo logins of the dev realm (attribute stakeholder_id); keep them.
-- Every name marked (demo) is invented; none speaks for a real body.
insert into stakeholder (id, kind, name, country, jurisdictions, status, created_at, updated_at) values
  ('01930000-0000-7000-8000-00000000a001', 'STATE', 'Germany: Federal Office for Online Safety (demo)', 'DE', '{DE}', 'ACTIVE', now(), now()),
  ('01930000-0000-7000-8000-00000000a002', 'STATE', 'France: Directorate for Online Harms (demo)', 'FR', '{FR}', 'ACTIVE', now(), now()),
  ('01930000-0000-7000-8000-00000000c001', 'COMPANY', 'Streamly Video', 'US', '{US,DE,FR,NZ,GB}', 'ACTIVE', now(), now()),
  ('01930000-0000-7000-8000-00000000c002', 'COMPANY', 'Chirp Social', 'IE', '{IE,FR,US}', 'ACTIVE', now(), now()),
  ('01930000-0000-7000-8000-00000000a003', 'STATE', 'New Zealand: Digital Safety Unit (demo)', 'NZ', '{NZ}', 'ACTIVE', now(), now()),
  ('01930000-0000-7000-8000-00000000a004', 'STATE', 'Kenya: Online Extremism Desk (demo)', 'KE', '{KE}', 'ACTIVE', now(), now()),
  ('01930000-0000-7000-8000-00000000c003', 'COMPANY', 'Pinboard Forums (demo)', 'DE', '{DE,AT,CH}', 'ACTIVE', now(), now()),
  ('01930000-0000-7000-8000-00000000c004', 'COMPANY', 'Lumen Cloud Hosting (demo)', 'NL', '{NL,DE,FR,IE,KE}', 'ACTIVE', now(), now()),
  ('01930000-0000-7000-8000-00000000c005', 'COMPANY', 'Shadowtube (demo, suspended)', 'PA', '{PA}', 'SUSPENDED', now(), now()),
  ('01930000-0000-7000-8000-00000000b001', 'CIVIL_SOCIETY', 'Open Rights Watch (demo)', 'GB', '{}', 'ACTIVE', now(), now()),
  ('01930000-0000-7000-8000-00000000b002', 'CIVIL_SOCIETY', 'Counter-Narratives Collective (demo)', 'KE', '{}', 'ACTIVE', now(), now()),
  ('01930000-0000-7000-8000-00000000d001', 'INTERNATIONAL_ORGANISATION', 'International Forum on Online Safety (demo)', null, '{}', 'ACTIVE', now(), now()),
  ('01930000-0000-7000-8000-00000000e001', 'RESEARCH', 'Institute for Platform Research (demo)', 'NL', '{}', 'ACTIVE', now(), now()),
  ('01930000-0000-7000-8000-00000000e101', 'MEDIA', 'The Daily Ledger (demo)', 'GB', '{}', 'ACTIVE', now(), now())
on conflict do nothing;

-- What each party can act on: know it before asking a party to act.
insert into sphere_of_control (id, stakeholder_id, area, scope, created_at) values
  ('01930000-0000-7000-8000-00005e000001', '01930000-0000-7000-8000-00000000a001', 'LAW_ENFORCEMENT', 'Removal orders under the TCO Regulation for services offered in Germany', now()),
  ('01930000-0000-7000-8000-00005e000002', '01930000-0000-7000-8000-00000000a001', 'LEGISLATION', 'Drafting the national implementation of the DSA', now()),
  ('01930000-0000-7000-8000-00005e000003', '01930000-0000-7000-8000-00000000a002', 'LAW_ENFORCEMENT', 'Referrals and removal orders for services offered in France', now()),
  ('01930000-0000-7000-8000-00005e000004', '01930000-0000-7000-8000-00000000a003', 'OVERSIGHT', 'Crisis response coordination after online-amplified attacks', now()),
  ('01930000-0000-7000-8000-00005e000005', '01930000-0000-7000-8000-00000000a004', 'COUNTER_MESSAGING', 'Community resilience campaigns in East Africa', now()),
  ('01930000-0000-7000-8000-00005e000006', '01930000-0000-7000-8000-00000000c001', 'CONTENT_MODERATION', 'Video uploads and livestreams worldwide', now()),
  ('01930000-0000-7000-8000-00005e000007', '01930000-0000-7000-8000-00000000c001', 'CONTENT_POLICY', 'Community guidelines on violent extremism', now()),
  ('01930000-0000-7000-8000-00005e000008', '01930000-0000-7000-8000-00000000c002', 'CONTENT_MODERATION', 'Short public posts and reposts in the EU and US', now()),
  ('01930000-0000-7000-8000-00005e000009', '01930000-0000-7000-8000-00000000c003', 'CONTENT_MODERATION', 'Volunteer-moderated discussion forums in German', now()),
  ('01930000-0000-7000-8000-00005e00000a', '01930000-0000-7000-8000-00000000c004', 'CONTENT_POLICY', 'Acceptable use policy for hosted websites; no access to customers'' content', now()),
  ('01930000-0000-7000-8000-00005e00000b', '01930000-0000-7000-8000-00000000b001', 'OVERSIGHT', 'Monitoring government takedown demands for overreach', now()),
  ('01930000-0000-7000-8000-00005e00000c', '01930000-0000-7000-8000-00000000b002', 'COUNTER_MESSAGING', 'Youth-led counter-narratives in Swahili and English', now()),
  ('01930000-0000-7000-8000-00005e00000d', '01930000-0000-7000-8000-00000000d001', 'EDUCATION', 'Media literacy curricula shared with member states', now()),
  ('01930000-0000-7000-8000-00005e00000e', '01930000-0000-7000-8000-00000000e001', 'RESEARCH', 'Independent audits of recommender systems', now()),
  ('01930000-0000-7000-8000-00005e00000f', '01930000-0000-7000-8000-00000000e101', 'EDUCATION', 'Editorial guidance on reporting attacks without amplifying perpetrators', now())
on conflict do nothing;

-- Companies take orders at a contact point (TCO Art. 15): functional mailboxes, not people.
insert into contact_point (stakeholder_id, email, phone, languages, hours, escalation_contact, updated_at) values
  ('01930000-0000-7000-8000-00000000c001', 'lawenforcement@streamly.example', '+1 415 000 0100', '{en,de,fr}', '24/7', 'legal-escalations@streamly.example', now()),
  ('01930000-0000-7000-8000-00000000c002', 'orders@chirp.example', '+353 1 000 0200', '{en,fr}', '24/7', '+353 1 000 0299 (duty counsel)', now()),
  ('01930000-0000-7000-8000-00000000c003', 'behoerden@pinboard.example', '+49 30 000 0300', '{de,en}', 'Mon-Fri 08:00-20:00 CET; removal orders 24/7 by e-mail', 'geschaeftsfuehrung@pinboard.example', now()),
  ('01930000-0000-7000-8000-00000000c004', 'abuse-orders@lumen.example', '+31 20 000 0400', '{nl,en,fr,de,sw}', '24/7', 'noc-duty@lumen.example', now())
on conflict do nothing;
