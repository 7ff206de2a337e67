-- Reference data of the SOP: who takes part, where goods enter, who approves what.
-- Another country edits these rows (a new migration), not Java.

create table official_group (
    id          varchar(64)  primary key,
    name        varchar(200) not null,
    -- MOLSW, CUSTOMS_HQ, PORT_CUSTOMS, AUTHORITY, COORDINATOR, PROCESS_OWNER, ORGANISATION
    role        varchar(30)  not null
);

create table port (
    code           varchar(40)  primary key,
    name           varchar(200) not null,
    kind           varchar(20)  not null,
    customs_group  varchar(64)  not null references official_group (id)
);

create table authority (
    code                         varchar(40)  primary key,
    name                         varchar(200) not null,
    ministry                     varchar(200) not null,
    group_id                     varchar(64)  not null references official_group (id),
    -- agreed in advance: at the review deadline during an emergency, silence means approval
    tacit_approval_in_emergency  boolean      not null default false
);

create table organisation (
    code             varchar(40)  primary key,
    name             varchar(200) not null,
    kind             varchar(30)  not null,
    group_id         varchar(64)  not null unique references official_group (id),
    -- REGISTERED, SUSPENDED
    status           varchar(20)  not null,
    mou_valid_until  date
);

insert into official_group (id, name, role) values
    ('molsw-officers',          'Ministry of Labour and Social Welfare',                'MOLSW'),
    ('customs-hq',              'Customs Department headquarters',                      'CUSTOMS_HQ'),
    ('customs-port-wattay',     'Customs, Wattay International Airport',                'PORT_CUSTOMS'),
    ('customs-port-thanaleng',  'Customs, Friendship Bridge I / Thanaleng dry port',    'PORT_CUSTOMS'),
    ('customs-port-luangprabang','Customs, Luang Prabang International Airport',        'PORT_CUSTOMS'),
    ('customs-port-pakse',      'Customs, Pakse International Airport',                 'PORT_CUSTOMS'),
    ('customs-port-savannakhet','Customs, Savannakhet Airport',                         'PORT_CUSTOMS'),
    ('customs-port-boten',      'Customs, Boten (Lao-China railway)',                   'PORT_CUSTOMS'),
    ('moh-fdd',                 'Food and Drug Department, Ministry of Health',         'AUTHORITY'),
    ('maf-doa',                 'Department of Agriculture, Ministry of Agriculture and Forestry', 'AUTHORITY'),
    ('maf-dlf',                 'Department of Livestock and Fisheries, Ministry of Agriculture and Forestry', 'AUTHORITY'),
    ('mtc',                     'Ministry of Technology and Communications',            'AUTHORITY'),
    ('moic',                    'Ministry of Industry and Commerce',                    'AUTHORITY'),
    ('nlpwg-coordinators',      'National Logistics Preparedness Working Group',        'COORDINATOR'),
    ('process-owners',          'SOP process owners',                                   'PROCESS_OWNER'),
    ('org-wfp',                 'World Food Programme',                                 'ORGANISATION'),
    ('org-laoredcross',         'Lao Red Cross',                                        'ORGANISATION'),
    ('org-hopeaid',             'Hope Aid International (suspended)',                   'ORGANISATION');

insert into port (code, name, kind, customs_group) values
    ('WATTAY',        'Wattay International Airport, Vientiane',       'AIRPORT', 'customs-port-wattay'),
    ('THANALENG',     'Friendship Bridge I / Thanaleng dry port',      'LAND',    'customs-port-thanaleng'),
    ('LUANG_PRABANG', 'Luang Prabang International Airport',           'AIRPORT', 'customs-port-luangprabang'),
    ('PAKSE',         'Pakse International Airport',                   'AIRPORT', 'customs-port-pakse'),
    ('SAVANNAKHET',   'Savannakhet Airport',                           'AIRPORT', 'customs-port-savannakhet'),
    ('BOTEN',         'Boten railway and road border',                 'RAIL',    'customs-port-boten');

insert into authority (code, name, ministry, group_id, tacit_approval_in_emergency) values
    ('MOH_FDD', 'Food and Drug Department',              'Ministry of Health',                      'moh-fdd', true),
    ('MAF_DOA', 'Department of Agriculture',             'Ministry of Agriculture and Forestry',    'maf-doa', true),
    ('MAF_DLF', 'Department of Livestock and Fisheries', 'Ministry of Agriculture and Forestry',    'maf-dlf', false),
    ('MTC',     'Ministry of Technology and Communications', 'Ministry of Technology and Communications', 'mtc', false),
    ('MOIC',    'Import licensing',                      'Ministry of Industry and Commerce',       'moic', false);

insert into organisation (code, name, kind, group_id, status, mou_valid_until) values
    ('WFP',         'World Food Programme',        'UN_AGENCY',         'org-wfp',         'REGISTERED', '2030-12-31'),
    ('LRC',         'Lao Red Cross',               'NATIONAL_SOCIETY',  'org-laoredcross', 'REGISTERED', '2030-12-31'),
    ('HOPEAID',     'Hope Aid International',      'INGO',              'org-hopeaid',     'SUSPENDED',  '2024-06-30');
