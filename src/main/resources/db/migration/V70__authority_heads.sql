-- The competent authority decides its own reviews: past the deadline a review goes first to the
-- authority's head (director) group, and only then to the NLPWG coordinators, who may extend it or
-- hand it to another official of the authority but never decide it.
insert into official_group (id, name, role) values
    ('moh-fdd-heads', 'Head of the Food and Drug Department, Ministry of Health',                        'AUTHORITY'),
    ('maf-doa-heads', 'Head of the Department of Agriculture, Ministry of Agriculture and Forestry',       'AUTHORITY'),
    ('maf-dlf-heads', 'Head of the Department of Livestock and Fisheries, Ministry of Agriculture and Forestry', 'AUTHORITY'),
    ('mtc-heads',     'Head of department, Ministry of Technology and Communications',                    'AUTHORITY'),
    ('moic-heads',    'Head of import licensing, Ministry of Industry and Commerce',                      'AUTHORITY');

alter table authority add column head_group_id varchar(64) references official_group (id);
update authority set head_group_id = group_id || '-heads';
