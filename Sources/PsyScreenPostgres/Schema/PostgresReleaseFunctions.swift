/// The functions of a wave's releases (migration `pg-release-1`): closing a wave keeps, per roster student, a
/// fingerprint of their units and counted result (`wave_release`), which the next closing compares with.
///
/// They run with the owner's rights: the administrator role, who closes a district's wave, reads no table with an
/// ID or a result. What they hand out carries no ID — the fingerprints of then and now, as pairs, ordered by
/// fingerprint — which is no more than `psyscreen_cohort` shows the same roles. A fingerprint is written as the
/// SQLite store writes it (``ReleaseSnapshot``'s format), so that a release copied between the stores still compares.
enum PostgresReleaseFunctions {
    static let definitions = """
        CREATE FUNCTION psyscreen_release_fingerprints(p_wave text) RETURNS TABLE (student_id text, fingerprint text)
        LANGUAGE sql STABLE SET search_path = SCHEMA, pg_temp AS $$
            WITH latest AS (
                SELECT a.student_id, max(a.id) AS id, max((a.level = 'red')::int) AS red
                FROM attempt a WHERE a.wave_id = p_wave GROUP BY a.student_id)
            SELECT s.student_id, concat_ws('|', s.status, s.school, s.grade, s.class, s.gender, coalesce(s.major, ''),
                coalesce(a.id::text, ''), coalesce(a.state, ''), coalesce(a.scored::int::text, ''), coalesce(a.level, ''),
                coalesce(l.red::text, ''))
            FROM student s LEFT JOIN latest l ON l.student_id = s.student_id LEFT JOIN attempt a ON a.id = l.id
        $$;

        -- Then and now per student of the caller's schools, without the ID.
        CREATE FUNCTION psyscreen_release_pairs(p_wave text) RETURNS TABLE (then_print text, now_print text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
            SELECT r.fingerprint, f.fingerprint
            FROM psyscreen_release_fingerprints(p_wave) f
            FULL JOIN (SELECT * FROM wave_release WHERE wave_id = p_wave) r ON r.student_id = f.student_id
            WHERE (SELECT psyscreen_reporting_schools()) IS NULL
               OR split_part(coalesce(f.fingerprint, r.fingerprint), '|', 2)
                  = ANY ((SELECT psyscreen_reporting_schools())::text[])
            ORDER BY coalesce(f.fingerprint, r.fingerprint) COLLATE "C", r.fingerprint COLLATE "C"
        $$;

        CREATE FUNCTION psyscreen_release_digest(p_wave text) RETURNS text
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
            SELECT md5(coalesce(string_agg(f.fingerprint, E'\\n' ORDER BY f.fingerprint COLLATE "C"), ''))
            FROM psyscreen_release_fingerprints(p_wave) f
        $$;

        -- Keeps the current fingerprints, closes the wave with its pattern and adds the audit line (its user is
        -- the login's for any role but the owner, by the audit table's trigger); false (and
        -- nothing changed) when the fingerprints no longer have p_digest.
        CREATE FUNCTION psyscreen_close_wave(
            p_wave text, p_min_cell integer, p_pattern text, p_digest text, p_user text, p_action text, p_detail text,
            p_at timestamptz)
        RETURNS boolean
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
        BEGIN
            PERFORM 1 FROM wave WHERE id = p_wave FOR UPDATE;
            BEGIN
                DELETE FROM wave_release WHERE wave_id = p_wave;
                INSERT INTO wave_release (wave_id, student_id, fingerprint)
                    SELECT p_wave, f.student_id, f.fingerprint FROM psyscreen_release_fingerprints(p_wave) f;
                IF (SELECT md5(coalesce(string_agg(fingerprint, E'\\n' ORDER BY fingerprint COLLATE "C"), ''))
                    FROM wave_release WHERE wave_id = p_wave) <> p_digest THEN
                    RAISE EXCEPTION 'psyscreen: changed while closing';
                END IF;
            EXCEPTION WHEN raise_exception THEN
                IF SQLERRM = 'psyscreen: changed while closing' THEN RETURN false; END IF;
                RAISE;
            END;
            UPDATE wave SET closed_at = p_at WHERE id = p_wave;
            DELETE FROM wave_pattern WHERE wave_id = p_wave;
            IF p_pattern IS NOT NULL THEN
                INSERT INTO wave_pattern (wave_id, min_cell, pattern) VALUES (p_wave, p_min_cell, p_pattern);
            END IF;
            INSERT INTO audit (at, "user", action, detail) VALUES (p_at, p_user, p_action, p_detail);
            RETURN true;
        END $$;

        -- Opens a closed wave again; false for an unknown wave.
        CREATE FUNCTION psyscreen_open_wave(p_wave text, p_user text, p_action text, p_detail text, p_at timestamptz)
        RETURNS boolean
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
        BEGIN
            UPDATE wave SET closed_at = NULL WHERE id = p_wave;
            IF NOT FOUND THEN RETURN false; END IF;
            INSERT INTO audit (at, "user", action, detail) VALUES (p_at, p_user, p_action, p_detail);
            RETURN true;
        END $$;
        """

    /// Granted to the counselor and administrator roles (a report checks that its wave is closed and unchanged).
    static let reading = ["psyscreen_release_pairs(text)", "psyscreen_release_digest(text)"]
    /// Granted to the administrator role: a wave's pattern spans every school.
    static let releasing = [
        "psyscreen_close_wave(text, integer, text, text, text, text, text, timestamptz)",
        "psyscreen_open_wave(text, text, text, text, timestamptz)",
    ]
    /// Called by the others only.
    static let helpers = ["psyscreen_release_fingerprints(text)"]
    static var all: [String] { reading + releasing + helpers }
}
