-- Three frameworks the partnership's members pledge to. Clauses are paraphrased here in Parley's
-- own words, shortened; the source link leads to the authoritative text.
insert into framework (id, name, source_url, description, published_at) values
  ('01930000-0000-7000-8000-000000f00001', 'Christchurch Call',
   'https://www.christchurchcall.org/the-christchurch-call-commitments/',
   'Commitments by governments and online service providers to eliminate terrorist and violent extremist content online, made after the attack in Christchurch in March 2019, within a free, open and secure internet.',
   '2026-01-01T00:00:00Z'),
  ('01930000-0000-7000-8000-000000f00002', 'GNI Principles',
   'https://globalnetworkinitiative.org/gni-principles/',
   'The Global Network Initiative''s principles on freedom of expression and privacy for technology companies facing government demands, with independent assessment of how members implement them.',
   '2026-01-01T00:00:00Z'),
  ('01930000-0000-7000-8000-000000f00003', 'Santa Clara Principles 2.0',
   'https://santaclaraprinciples.org/',
   'Principles on transparency and accountability in content moderation: foundational principles, operational principles (numbers, notice, appeal) and principles for governments.',
   '2026-01-01T00:00:00Z')
on conflict do nothing;

insert into framework_clause (framework_id, position, number, text) values
  ('01930000-0000-7000-8000-000000f00001', 1, 'GOV-1', 'Address the drivers of terrorism and violent extremism: social inclusion, education, media literacy and community resilience.'),
  ('01930000-0000-7000-8000-000000f00001', 2, 'GOV-2', 'Enforce the laws against producing and spreading terrorist and violent extremist content, under the rule of law and international human rights law.'),
  ('01930000-0000-7000-8000-000000f00001', 3, 'GOV-3', 'Encourage media to report on attacks by ethical standards that do not amplify terrorist content.'),
  ('01930000-0000-7000-8000-000000f00001', 4, 'GOV-4', 'Consider regulatory or policy measures against the online spread of terrorist content that keep the internet free, open and secure and respect human rights.'),
  ('01930000-0000-7000-8000-000000f00001', 5, 'OSP-1', 'Take transparent, specific measures to stop terrorist and violent extremist content from being uploaded and spread, including prompt and lasting removal, without hindering investigations or users'' appeals.'),
  ('01930000-0000-7000-8000-000000f00001', 6, 'OSP-2', 'Be more transparent in how community standards and terms of service are set and enforced, including how content is detected and removed.'),
  ('01930000-0000-7000-8000-000000f00001', 7, 'OSP-3', 'Review how recommendation algorithms may lead users to terrorist content, and intervene, for instance by pointing users to credible alternatives or counter-narratives.'),
  ('01930000-0000-7000-8000-000000f00001', 8, 'OSP-4', 'Reduce the specific risk that livestreaming is used to spread terrorist content, for instance by reviewing flagged streams in real time.'),
  ('01930000-0000-7000-8000-000000f00001', 9, 'OSP-5', 'Report publicly and regularly on how terrorist content is detected and removed.'),
  ('01930000-0000-7000-8000-000000f00001', 10, 'JOINT-1', 'Develop and test a shared crisis protocol to respond quickly to an attack that is being amplified online.'),
  ('01930000-0000-7000-8000-000000f00001', 11, 'JOINT-2', 'Cooperate with law enforcement in investigating and prosecuting illegal terrorist content, under the rule of law and with human rights safeguards.'),
  ('01930000-0000-7000-8000-000000f00002', 1, 'FOE', 'Respect users'' freedom of expression: resist government demands to restrict content unless they are lawful and consistent with international human rights standards, and interpret them narrowly.'),
  ('01930000-0000-7000-8000-000000f00002', 2, 'PRIV', 'Respect users'' privacy: resist government demands for personal data that are not lawful or not consistent with international human rights standards.'),
  ('01930000-0000-7000-8000-000000f00002', 3, 'RDM', 'Decide responsibly: give the board oversight of these principles and assess human rights risks before entering a market or launching a product.'),
  ('01930000-0000-7000-8000-000000f00002', 4, 'MSC', 'Work with governments, civil society, investors and academics to advance freedom of expression and privacy.'),
  ('01930000-0000-7000-8000-000000f00002', 5, 'GAT', 'Be accountable: allow independent assessment of how the principles are implemented, and be transparent about it.'),
  ('01930000-0000-7000-8000-000000f00003', 1, 'FP-1', 'Build human rights and due process into every stage of content moderation.'),
  ('01930000-0000-7000-8000-000000f00003', 2, 'FP-2', 'Publish clear and precise rules on what content and behaviour are not allowed.'),
  ('01930000-0000-7000-8000-000000f00003', 3, 'FP-3', 'Ensure the people who moderate understand the language, culture and context of what they review.'),
  ('01930000-0000-7000-8000-000000f00003', 4, 'FP-4', 'Recognise the particular risks when states take part in moderation, and disclose government involvement.'),
  ('01930000-0000-7000-8000-000000f00003', 5, 'FP-5', 'Make moderation systems, automated ones included, reliable and explainable.'),
  ('01930000-0000-7000-8000-000000f00003', 6, 'OP-1', 'Publish the numbers: how many items and accounts were actioned, by rule, format and source, including government requests.'),
  ('01930000-0000-7000-8000-000000f00003', 7, 'OP-2', 'Tell users whose content or account is actioned what was done, under which rule, how it was detected and how to appeal.'),
  ('01930000-0000-7000-8000-000000f00003', 8, 'OP-3', 'Offer a timely appeal, decided by people who were not part of the first decision, and explain the outcome.'),
  ('01930000-0000-7000-8000-000000f00003', 9, 'GOV-1', 'Governments should let companies report on the demands governments make of them.'),
  ('01930000-0000-7000-8000-000000f00003', 10, 'GOV-2', 'Governments should themselves report on their demands for content removal and user data.')
on conflict do nothing;
