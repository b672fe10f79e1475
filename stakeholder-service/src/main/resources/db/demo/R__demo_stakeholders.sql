-- Demo stakeholders for the local run. The ids of the first four are bound to the demo logins
-- of the dev realm (attribute stakeholder_id).
insert into stakeholder (id, kind, name, country, jurisdictions, status, created_at, updated_at) values
  ('01930000-0000-7000-8000-00000000a001', 'STATE', 'Germany: Federal Office for Online Safety (demo)', 'DE', '{DE}', 'ACTIVE', now(), now()),
  ('01930000-0000-7000-8000-00000000a002', 'STATE', 'France: Directorate for Online Harms (demo)', 'FR', '{FR}', 'ACTIVE', now(), now()),
  ('01930000-0000-7000-8000-00000000c001', 'COMPANY', 'Streamly Video', 'US', '{US,DE,FR,NZ,GB}', 'ACTIVE', now(), now()),
  ('01930000-0000-7000-8000-00000000c002', 'COMPANY', 'Chirp Social', 'IE', '{IE,FR,US}', 'ACTIVE', now(), now())
on conflict (id) do nothing;
