-- Every kind of consignee (V85), and recognition during a national emergency.

-- A UN agency imports under its basic agreement with the government, which has no expiry.
update organisation set mou_valid_until = null where code = 'WFP';

-- Government consignees: they receive government-to-government donations and import for themselves.
insert into official_group (id, name, role) values
    ('org-pdmc-vientiane', 'Disaster Management Committee, Vientiane Capital', 'ORGANISATION'),
    ('org-molsw-dsw',      'Department of Social Welfare, MoLSW (consignee)', 'ORGANISATION');
insert into organisation (code, name, kind, group_id, status, counterpart_ministry) values
    ('PDMC_VTE', 'Provincial Disaster Management Committee, Vientiane Capital', 'GOVERNMENT', 'org-pdmc-vientiane',
        'REGISTERED', 'Ministry of Labour and Social Welfare'),
    ('MOLSW_DSW', 'Department of Social Welfare, Ministry of Labour and Social Welfare', 'GOVERNMENT', 'org-molsw-dsw',
        'REGISTERED', 'Ministry of Labour and Social Welfare');

-- An organisation not yet registered applies for recognition during an emergency (status APPLIED);
-- MoLSW recognises it (RECOGNISED, for as long as an emergency is in force) or refuses it (REFUSED).
create table recognition_application (
    organisation_code  varchar(40)   primary key references organisation (code),
    country            varchar(100)  not null,
    applied_by         varchar(64)   not null,
    applied_at         timestamp with time zone not null,
    emergency_code     varchar(64),
    decided_by         varchar(64),
    decided_at         timestamp with time zone,
    decision_reason    varchar(2000)
);
