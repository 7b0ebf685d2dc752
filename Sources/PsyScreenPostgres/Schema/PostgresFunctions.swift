/// The functions through which roles without table rights work (migration `pg-functions`).
///
/// The lab terminal role may not read any table: it looks a student up, starts, answers and finishes a sitting
/// through the `psyscreen_terminal_*` functions, which run with the owner's rights (`SECURITY DEFINER`) and hand
/// out only what a terminal shows: class and masked name, the state of the student's latest attempt and, for a
/// sitting left unfinished at a terminal, its answers so far (what the student sees on resuming). The report
/// functions give the rows a cohort report is counted from — units, status, state, level, scores, answers,
/// never an ID, a name or a date — for every school to the owner and the administrator role, and for their own
/// schools to a counselor.
///
/// Every function pins `search_path` (a definer function must not find a caller's look-alike table first).
/// Execution is granted by ``PostgresRoles``, never to PUBLIC.
enum PostgresFunctions {
    /// The functions' SQL; `SCHEMA` is replaced by the quoted schema of the tables.
    static let definitions = """
        CREATE FUNCTION psyscreen_has_role(p_role text) RETURNS boolean
        LANGUAGE sql STABLE SET search_path = SCHEMA, pg_temp AS $$
            SELECT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_role AND pg_has_role(session_user, r.oid, 'MEMBER'))
        $$;

        -- Schools whose rows the counselor role sees (row-level security), for the role running the query.
        CREATE FUNCTION psyscreen_counselor_schools() RETURNS text[]
        LANGUAGE sql STABLE SET search_path = SCHEMA, pg_temp AS $$
            SELECT coalesce(array_agg(c.school), '{}') FROM counselor_school c
            JOIN pg_roles r ON r.rolname = c.member
            WHERE pg_has_role(current_user, r.oid, 'MEMBER')
        $$;

        -- Whether the logged-in role is a superuser or (a member of) the tables' owner: trusted with everything.
        CREATE FUNCTION psyscreen_is_owner() RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
            SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
                OR pg_has_role(session_user, (SELECT c.relowner FROM pg_class c
                    WHERE c.relname = 'student' AND c.relnamespace = 'SCHEMA'::regnamespace), 'MEMBER')
        $$;

        -- Schools the report functions count for the caller: NULL for all (a superuser, the tables' owner, the
        -- administrator role), else the counselor's schools.
        CREATE FUNCTION psyscreen_reporting_schools() RETURNS text[]
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
        BEGIN
            IF psyscreen_is_owner() OR psyscreen_has_role('psyscreen_admin') THEN
                RETURN NULL;
            END IF;
            RETURN coalesce((SELECT array_agg(c.school) FROM counselor_school c
                JOIN pg_roles r ON r.rolname = c.member
                WHERE pg_has_role(session_user, r.oid, 'MEMBER')), '{}');
        END $$;

        -- On a server, who did something is the database login: a counselor's or a terminal's row names it,
        -- whatever the client says. The owner's rows keep the client's (OS) user, as in a SQLite file.
        CREATE FUNCTION psyscreen_stamp_user() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
        BEGIN
            IF NOT psyscreen_is_owner() THEN
                NEW."user" := session_user;
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER psyscreen_stamp_user BEFORE INSERT OR UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION psyscreen_stamp_user();
        CREATE TRIGGER psyscreen_stamp_user BEFORE INSERT OR UPDATE ON follow_up FOR EACH ROW EXECUTE FUNCTION psyscreen_stamp_user();
        CREATE TRIGGER psyscreen_stamp_user BEFORE INSERT OR UPDATE ON import FOR EACH ROW EXECUTE FUNCTION psyscreen_stamp_user();

        -- The lab terminal: a student by ID, with what the terminal may show.
        CREATE FUNCTION psyscreen_terminal_lookup(p_student text, p_wave text)
        RETURNS TABLE (
            student_id text, grade text, class text, masked_name text, status text, attempt_id bigint, source text,
            state text, battery_id text, battery_version text, started_at timestamptz, crisis_given boolean, answers jsonb)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
            SELECT s.student_id, s.grade, s.class,
                -- As Student.maskedName: all but the first and last character.
                CASE WHEN char_length(s.name) <= 1 THEN s.name
                     WHEN char_length(s.name) = 2 THEN left(s.name, 1) || '*'
                     ELSE left(s.name, 1) || repeat('*', char_length(s.name) - 2) || right(s.name, 1) END,
                s.status, a.id, a.source, a.state, a.battery_id, a.battery_version, a.started_at, a.crisis_at IS NOT NULL,
                CASE WHEN a.state = 'in_progress' AND a.source = 'terminal' THEN
                    (SELECT coalesce(jsonb_agg(jsonb_build_array(x.instrument_id, x.item_id, x.position, x.value, x.seconds)
                        ORDER BY x.instrument_id, x.position), '[]'::jsonb)
                     FROM answer x WHERE x.attempt_id = a.id)
                END
            FROM student s
            LEFT JOIN attempt a ON a.id = (
                SELECT max(l.id) FROM attempt l WHERE l.wave_id = p_wave AND l.student_id = s.student_id)
            WHERE s.student_id = p_student
        $$;

        -- Replaces an attempt's results with the outcome the terminal scored (JSON, see PostgresOutcome).
        CREATE FUNCTION psyscreen_store_outcome(p_attempt bigint, p_outcome jsonb, p_at timestamptz) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
        BEGIN
            DELETE FROM instrument_result WHERE attempt_id = p_attempt;
            DELETE FROM scale_score WHERE attempt_id = p_attempt;
            INSERT INTO instrument_result
                (attempt_id, instrument_id, instrument_version, position, status, flags, crisis, validity, answers)
            SELECT p_attempt, r.instrument_id, r.instrument_version, r.position, r.status, r.flags, r.crisis, r.validity, r.answers
            FROM jsonb_to_recordset(p_outcome -> 'results') AS r(
                instrument_id text, instrument_version text, position integer, status text, flags text, crisis boolean,
                validity text, answers text);
            INSERT INTO scale_score (attempt_id, instrument_id, scale_id, position, score, band, answered, item_count, status)
            SELECT p_attempt, s.instrument_id, s.scale_id, s.position, s.score, s.band, s.answered, s.item_count, s.status
            FROM jsonb_to_recordset(p_outcome -> 'scales') AS s(
                instrument_id text, scale_id text, position integer, score double precision, band text, answered integer,
                item_count integer, status text);
            UPDATE attempt SET
                level = p_outcome ->> 'level', reasons = p_outcome ->> 'reasons', scored = (p_outcome ->> 'scored')::boolean,
                validity = p_outcome ->> 'validity',
                crisis_at = CASE WHEN crisis_at IS NULL AND (p_outcome ->> 'crisis')::boolean THEN p_at ELSE crisis_at END
            WHERE id = p_attempt;
        END $$;

        CREATE FUNCTION psyscreen_terminal_start(
            p_wave text, p_student text, p_battery text, p_version text, p_consented boolean, p_user text, p_at timestamptz)
        RETURNS bigint
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
        DECLARE
            v_id bigint;
        BEGIN
            IF btrim(p_wave) = '' THEN
                RAISE EXCEPTION 'a wave name is needed (e.g. 2026-autumn)' USING ERRCODE = '22023';
            END IF;
            IF NOT EXISTS (SELECT 1 FROM student WHERE student_id = p_student) THEN
                RAISE EXCEPTION 'no student ''%'' on the roster', p_student USING ERRCODE = '22023';
            END IF;
            INSERT INTO wave (id, created_at) VALUES (p_wave, p_at) ON CONFLICT DO NOTHING;
            INSERT INTO attempt (wave_id, student_id, battery_id, battery_version, source, state, started_at, finished_at)
            VALUES (p_wave, p_student, p_battery, p_version, 'terminal',
                    CASE WHEN p_consented THEN 'in_progress' ELSE 'refused' END, p_at,
                    CASE WHEN p_consented THEN NULL ELSE p_at END)
            RETURNING id INTO v_id;
            -- The detail is the event as psyscreen stores it (AuditEvent's JSON), shown in the reader's language.
            INSERT INTO audit (at, "user", action, detail) VALUES (
                p_at, p_user, CASE WHEN p_consented THEN 'terminal start' ELSE 'terminal refusal' END,
                json_build_object(
                    CASE WHEN p_consented THEN 'terminalStart' ELSE 'terminalRefusal' END,
                    json_build_object('battery', p_battery, 'student', p_student, 'wave', p_wave))::text);
            RETURN v_id;
        END $$;

        -- Locks a terminal sitting still in progress, or refuses.
        CREATE FUNCTION psyscreen_terminal_sitting(p_attempt bigint) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
        BEGIN
            PERFORM 1 FROM attempt WHERE id = p_attempt AND source = 'terminal' AND state = 'in_progress' FOR UPDATE;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'attempt % is not a sitting in progress at a terminal', p_attempt USING ERRCODE = '42501';
            END IF;
        END $$;

        CREATE FUNCTION psyscreen_terminal_save(
            p_attempt bigint, p_instrument text, p_item text, p_position integer, p_value bigint, p_seconds double precision,
            p_at timestamptz, p_outcome jsonb)
        RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
        BEGIN
            PERFORM psyscreen_terminal_sitting(p_attempt);
            INSERT INTO answer (attempt_id, instrument_id, item_id, position, value, answered_at, seconds)
            VALUES (p_attempt, p_instrument, p_item, p_position, p_value, p_at, p_seconds)
            ON CONFLICT (attempt_id, instrument_id, item_id)
            DO UPDATE SET value = excluded.value, answered_at = excluded.answered_at, seconds = excluded.seconds;
            PERFORM psyscreen_store_outcome(p_attempt, p_outcome, p_at);
        END $$;

        CREATE FUNCTION psyscreen_terminal_finish(p_attempt bigint, p_at timestamptz, p_outcome jsonb, p_user text)
        RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
        BEGIN
            PERFORM psyscreen_terminal_sitting(p_attempt);
            UPDATE attempt SET state = 'finished', finished_at = p_at WHERE id = p_attempt;
            PERFORM psyscreen_store_outcome(p_attempt, p_outcome, p_at);
            INSERT INTO audit (at, "user", action, detail)
            VALUES (p_at, p_user, 'terminal finish',
                    json_build_object('terminalFinish', json_build_object('attempt', p_attempt, 'level', p_outcome ->> 'level'))::text);
        END $$;

        -- Batteries of a wave's attempts, most used first (which questionnaires a report has columns for).
        CREATE FUNCTION psyscreen_wave_batteries(p_wave text)
        RETURNS TABLE (battery_id text, battery_version text, uses bigint)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
            SELECT a.battery_id, a.battery_version, count(*) FROM attempt a
            JOIN student s ON s.student_id = a.student_id
            WHERE a.wave_id = p_wave
              AND ((SELECT psyscreen_reporting_schools()) IS NULL OR s.school = ANY ((SELECT psyscreen_reporting_schools())::text[]))
            GROUP BY a.battery_id, a.battery_version
            ORDER BY count(*) DESC, a.battery_id, a.battery_version
        $$;

        -- Coverage: per roster student, units, status and the inputs of CountingAttempt (the latest attempt of the
        -- wave with its state, and the latest red one).
        CREATE FUNCTION psyscreen_roster_states(p_wave text)
        RETURNS TABLE (school text, grade text, class text, status text, attempt_id bigint, state text, scored boolean,
                       level text, red_id bigint)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
            WITH counting AS (
                SELECT l.student_id, max(l.id) AS id, max(l.id) FILTER (WHERE l.level = 'red') AS red
                FROM attempt l WHERE l.wave_id = p_wave GROUP BY l.student_id)
            SELECT s.school, s.grade, s.class, s.status, a.id, a.state, a.scored, a.level, counting.red
            FROM student s
            LEFT JOIN counting ON counting.student_id = s.student_id
            LEFT JOIN attempt a ON a.id = counting.id
            WHERE (SELECT psyscreen_reporting_schools()) IS NULL OR s.school = ANY ((SELECT psyscreen_reporting_schools())::text[])
            ORDER BY s.school, s.grade, s.class, s.student_id
        $$;

        -- A cohort report's rows: per roster student, units, status, the inputs of CountingAttempt, and the latest
        -- attempt's answers (per instrument, the compact column) and scores.
        CREATE FUNCTION psyscreen_cohort(p_wave text)
        RETURNS TABLE (
            school text, grade text, class text, gender text, major text, status text, attempt_id bigint, state text,
            scored boolean, level text, red_id bigint, instruments text[], answers text[], scales text[],
            scores double precision[], bands text[])
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
            WITH counting AS (
                SELECT l.student_id, max(l.id) AS id, max(l.id) FILTER (WHERE l.level = 'red') AS red
                FROM attempt l WHERE l.wave_id = p_wave GROUP BY l.student_id),
            results AS (
                SELECT r.attempt_id, array_agg(r.instrument_id ORDER BY r.position) AS instruments,
                       array_agg(r.answers ORDER BY r.position) AS answers
                FROM instrument_result r JOIN counting ON counting.id = r.attempt_id GROUP BY r.attempt_id),
            scores AS (
                SELECT c.attempt_id, array_agg(c.instrument_id || ' ' || c.scale_id ORDER BY c.instrument_id, c.position) AS scales,
                       array_agg(c.score ORDER BY c.instrument_id, c.position) AS scores,
                       array_agg(coalesce(c.band, '') ORDER BY c.instrument_id, c.position) AS bands
                FROM scale_score c JOIN counting ON counting.id = c.attempt_id
                WHERE c.score IS NOT NULL GROUP BY c.attempt_id)
            SELECT s.school, s.grade, s.class, s.gender, s.major, s.status, a.id, a.state, a.scored, a.level, counting.red,
                   results.instruments, results.answers, scores.scales, scores.scores, scores.bands
            FROM student s
            LEFT JOIN counting ON counting.student_id = s.student_id
            LEFT JOIN attempt a ON a.id = counting.id
            LEFT JOIN results ON results.attempt_id = counting.id
            LEFT JOIN scores ON scores.attempt_id = counting.id
            WHERE (SELECT psyscreen_reporting_schools()) IS NULL OR s.school = ANY ((SELECT psyscreen_reporting_schools())::text[])
            ORDER BY s.school, s.grade, s.class, s.student_id
        $$;
        """

    /// Migration `pg-functions-2`: the functions that wrote or read `scale_score` (gone in `v5`) keep each result's
    /// scale scores in its `scales` column instead. `psyscreen_cohort` returns that column per instrument (a
    /// function's result columns cannot be replaced in place): it is dropped and made again, with the EXECUTE
    /// rights the roles held on it.
    static let version2 = """
        CREATE OR REPLACE FUNCTION psyscreen_store_outcome(p_attempt bigint, p_outcome jsonb, p_at timestamptz) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
        BEGIN
            DELETE FROM instrument_result WHERE attempt_id = p_attempt;
            INSERT INTO instrument_result
                (attempt_id, instrument_id, instrument_version, position, status, flags, crisis, validity, answers, scales)
            SELECT p_attempt, r.instrument_id, r.instrument_version, r.position, r.status, r.flags, r.crisis, r.validity, r.answers,
                   r.scales
            FROM jsonb_to_recordset(p_outcome -> 'results') AS r(
                instrument_id text, instrument_version text, position integer, status text, flags text, crisis boolean,
                validity text, answers text, scales text);
            UPDATE attempt SET
                level = p_outcome ->> 'level', reasons = p_outcome ->> 'reasons', scored = (p_outcome ->> 'scored')::boolean,
                validity = p_outcome ->> 'validity',
                crisis_at = CASE WHEN crisis_at IS NULL AND (p_outcome ->> 'crisis')::boolean THEN p_at ELSE crisis_at END
            WHERE id = p_attempt;
        END $$;

        CREATE TEMPORARY TABLE psyscreen_cohort_grantee ON COMMIT DROP AS
            SELECT r.rolname FROM pg_roles r
            WHERE r.rolname IN ('psyscreen_counselor', 'psyscreen_admin')
              AND has_function_privilege(r.oid, 'psyscreen_cohort(text)', 'EXECUTE');
        DROP FUNCTION psyscreen_cohort(text);

        -- A cohort report's rows: per roster student, units, status, the inputs of CountingAttempt, and the latest
        -- attempt's answers and scale scores (per instrument, the compact columns).
        CREATE FUNCTION psyscreen_cohort(p_wave text)
        RETURNS TABLE (
            school text, grade text, class text, gender text, major text, status text, attempt_id bigint, state text,
            scored boolean, level text, red_id bigint, instruments text[], answers text[], scales text[])
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
            WITH counting AS (
                SELECT l.student_id, max(l.id) AS id, max(l.id) FILTER (WHERE l.level = 'red') AS red
                FROM attempt l WHERE l.wave_id = p_wave GROUP BY l.student_id),
            results AS (
                SELECT r.attempt_id, array_agg(r.instrument_id ORDER BY r.position) AS instruments,
                       array_agg(r.answers ORDER BY r.position) AS answers, array_agg(r.scales ORDER BY r.position) AS scales
                FROM instrument_result r JOIN counting ON counting.id = r.attempt_id GROUP BY r.attempt_id)
            SELECT s.school, s.grade, s.class, s.gender, s.major, s.status, a.id, a.state, a.scored, a.level, counting.red,
                   results.instruments, results.answers, results.scales
            FROM student s
            LEFT JOIN counting ON counting.student_id = s.student_id
            LEFT JOIN attempt a ON a.id = counting.id
            LEFT JOIN results ON results.attempt_id = counting.id
            WHERE (SELECT psyscreen_reporting_schools()) IS NULL OR s.school = ANY ((SELECT psyscreen_reporting_schools())::text[])
            ORDER BY s.school, s.grade, s.class, s.student_id
        $$;
        REVOKE ALL ON FUNCTION psyscreen_cohort(text) FROM PUBLIC;
        DO $$
        DECLARE
            v_role text;
        BEGIN
            FOR v_role IN SELECT rolname FROM psyscreen_cohort_grantee LOOP
                EXECUTE format('GRANT EXECUTE ON FUNCTION psyscreen_cohort(text) TO %I', v_role);
            END LOOP;
        END $$;
        DROP TABLE psyscreen_cohort_grantee;
        """

    /// The functions by signature, for grants.
    static let terminal = [
        "psyscreen_terminal_lookup(text, text)",
        "psyscreen_terminal_start(text, text, text, text, boolean, text, timestamptz)",
        "psyscreen_terminal_save(bigint, text, text, integer, bigint, double precision, timestamptz, jsonb)",
        "psyscreen_terminal_finish(bigint, timestamptz, jsonb, text)",
    ]
    static let reporting = [
        "psyscreen_wave_batteries(text)", "psyscreen_roster_states(text)", "psyscreen_cohort(text)",
    ]
    /// Called by the others (or by row-level security): no role is granted them directly but the counselor,
    /// whose policies call the first.
    static let helpers = [
        "psyscreen_counselor_schools()", "psyscreen_has_role(text)", "psyscreen_is_owner()", "psyscreen_reporting_schools()",
        "psyscreen_stamp_user()",
        "psyscreen_store_outcome(bigint, jsonb, timestamptz)", "psyscreen_terminal_sitting(bigint)",
    ]

    /// Migration `v7` (with ``PostgresTables/version7``): the functions that wrote or read `instrument_result` take
    /// the attempt's `results` column instead (``ResultColumn``), with the same arguments and result columns, so
    /// that the roles' rights on them stay. The terminal's outcome brings the column's text, written by the client;
    /// the cohort's rows still give per instrument its id, answers and scales, taken apart from the column here.
    static let version3 = """
        CREATE OR REPLACE FUNCTION psyscreen_store_outcome(p_attempt bigint, p_outcome jsonb, p_at timestamptz) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
        BEGIN
            UPDATE attempt SET
                level = p_outcome ->> 'level', reasons = p_outcome ->> 'reasons', scored = (p_outcome ->> 'scored')::boolean,
                validity = p_outcome ->> 'validity', results = p_outcome ->> 'results',
                crisis_at = CASE WHEN crisis_at IS NULL AND (p_outcome ->> 'crisis')::boolean THEN p_at ELSE crisis_at END
            WHERE id = p_attempt;
        END $$;

        -- A cohort report's rows: per roster student, units, status, the inputs of CountingAttempt, and the latest
        -- attempt's answers and scale scores (per instrument, the compact columns).
        CREATE OR REPLACE FUNCTION psyscreen_cohort(p_wave text)
        RETURNS TABLE (
            school text, grade text, class text, gender text, major text, status text, attempt_id bigint, state text,
            scored boolean, level text, red_id bigint, instruments text[], answers text[], scales text[])
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
            WITH counting AS (
                SELECT l.student_id, max(l.id) AS id, max(l.id) FILTER (WHERE l.level = 'red') AS red
                FROM attempt l WHERE l.wave_id = p_wave GROUP BY l.student_id)
            SELECT s.school, s.grade, s.class, s.gender, s.major, s.status, a.id, a.state, a.scored, a.level, counting.red,
                   r.instruments, r.answers, r.scales
            FROM student s
            LEFT JOIN counting ON counting.student_id = s.student_id
            LEFT JOIN attempt a ON a.id = counting.id
            LEFT JOIN LATERAL (
                SELECT array_agg(\(unescaped("split_part(l.line, E'\\t', 1)")) ORDER BY l.n) AS instruments,
                       array_agg(\(unescaped("split_part(l.line, E'\\t', 7)")) ORDER BY l.n) AS answers,
                       array_agg(\(unescaped("split_part(l.line, E'\\t', 8)")) ORDER BY l.n) AS scales
                FROM unnest(string_to_array(nullif(a.results, ''), E'\\n')) WITH ORDINALITY AS l(line, n)
            ) r ON true
            WHERE (SELECT psyscreen_reporting_schools()) IS NULL OR s.school = ANY ((SELECT psyscreen_reporting_schools())::text[])
            ORDER BY s.school, s.grade, s.class, s.student_id
        $$;
        """

    /// A field of ``ResultColumn`` with its escapes undone (every `%` of the column starts one of the three).
    private static func unescaped(_ field: String) -> String {
        "replace(replace(replace(\(field), '%09', E'\\t'), '%0A', E'\\n'), '%25', '%')"
    }
}
