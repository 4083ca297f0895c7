-- The young people's survey in easy read.

-- A graded face scale has 4 faces (very happy, happy, sad, very sad) or 5 (with okay in the middle).
-- Questions written with 3 faces before this change keep them, so their answers keep their meaning.
alter table questions drop constraint questions_faces_check;
alter table questions add constraint questions_faces_check check (faces in (3, 4, 5));

-- The pictogram shown beside a question (a name from app/easy-read/pictures.ts); null: one chosen by
-- its kind. Pictures are the same in every language, so this is not translated.
alter table questions add column picture text check (picture ~ '^[a-z][a-z-]{0,39}$');

-- Speech made on the server, one clip per (language, text): a question, an answer's words, a page's
-- text. Only text the service itself shows is ever spoken (never anything a respondent typed or chose),
-- so nothing here is about a person. `pcm` is null until the clip has been made: 16 kHz, 16-bit, mono.
create table speech_clips (
  key text primary key check (key ~ '^[0-9a-f]{20}$'),
  language text not null,
  text text not null check (length(text) between 1 and 4000),
  pcm bytea,
  made_at timestamptz
);
