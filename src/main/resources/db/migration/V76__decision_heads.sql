-- Past their deadline the endorsement and the exemption decision may also be taken by the head of the
-- service; the coordinators only follow them up.
insert into official_group (id, name, role) values
    ('molsw-heads',      'Head of the Social Welfare Department, Ministry of Labour and Social Welfare', 'MOLSW'),
    ('customs-hq-heads', 'Director General, Customs Department',                                   'CUSTOMS_HQ');
