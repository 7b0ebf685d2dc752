/// The three roles of a shared server, enforced by PostgreSQL itself (`psyscreen db init --roles`).
///
/// - `psyscreen_terminal` (lab PCs): no table at all; only the `psyscreen_terminal_*` functions (a student by ID
///   with class and masked name, start, answer, finish).
/// - `psyscreen_counselor`: the tables, through row-level security that shows only the students of the schools
///   the role counsels (`counselor_school`, set with `psyscreen db grant ROLE --counselor SCHOOL`) and what hangs
///   off them (attempts, answers, results, follow-ups); its own lines of the audit trail; the report functions
///   for its schools; the terminal functions (a counselor's PC may run `take`).
/// - `psyscreen_admin` (a district or bureau): the wave names and the report functions for every school (coverage,
///   anonymized reports, aggregate exports); no table with a name, an ID or an answer.
///
/// The roles are group roles (NOLOGIN): people and lab PCs log in as their own roles, made members with
/// `psyscreen db grant`. Everything here may run again (an upgrade re-applies it).
enum PostgresRoles {
    static let names = ["psyscreen_terminal", "psyscreen_counselor", "psyscreen_admin"]

    /// Creates a group role unless it exists (two servers' set-ups racing for the same name are both fine).
    static func create(_ role: String) -> String {
        """
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(role)') THEN
                CREATE ROLE \(role) NOLOGIN;
            END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END $$;
        """
    }

    /// Grants and policies on the schema `schema` (a quoted identifier).
    static func grants(schema: String) -> String {
        let all = names.joined(separator: ", ")
        let functions =
            PostgresFunctions.terminal + PostgresFunctions.reporting + PostgresFunctions.helpers + PostgresReleaseFunctions.all
        var sql = """
            REVOKE ALL ON FUNCTION \(functions.joined(separator: ", ")) FROM PUBLIC;
            REVOKE ALL ON ALL TABLES IN SCHEMA \(schema) FROM \(all);
            GRANT USAGE ON SCHEMA \(schema) TO \(all);
            GRANT SELECT ON psyscreen_migration TO \(all);
            GRANT EXECUTE ON FUNCTION \(PostgresFunctions.terminal.joined(separator: ", ")) TO psyscreen_terminal, psyscreen_counselor;
            GRANT EXECUTE ON FUNCTION \(PostgresFunctions.reporting.joined(separator: ", ")) TO psyscreen_counselor, psyscreen_admin;
            GRANT EXECUTE ON FUNCTION psyscreen_counselor_schools() TO psyscreen_counselor;
            GRANT EXECUTE ON FUNCTION \(PostgresReleaseFunctions.reading.joined(separator: ", ")) TO psyscreen_counselor, psyscreen_admin;
            GRANT EXECUTE ON FUNCTION \(PostgresReleaseFunctions.releasing.joined(separator: ", ")) TO psyscreen_admin;
            GRANT SELECT ON wave_pattern TO psyscreen_counselor, psyscreen_admin;
            GRANT SELECT ON wave TO psyscreen_admin;
            GRANT SELECT, INSERT ON wave, follow_up TO psyscreen_counselor;
            GRANT SELECT, INSERT, UPDATE ON student, import TO psyscreen_counselor;
            GRANT SELECT, INSERT, UPDATE, DELETE ON attempt, answer TO psyscreen_counselor;
            GRANT SELECT, INSERT ON audit TO psyscreen_counselor;
            GRANT SELECT ON counselor_school TO psyscreen_counselor;

            """
        for table in ["import", "attempt", "follow_up", "audit"] {
            sql += "GRANT USAGE ON SEQUENCE \(table)_id_seq TO psyscreen_counselor;\n"
        }
        let policies: [(table: String, rule: String)] = [
            ("student", "school = ANY ((SELECT psyscreen_counselor_schools())::text[])"),
            ("attempt", "student_id IN (SELECT student_id FROM student)"),
            ("answer", "attempt_id IN (SELECT id FROM attempt)"),
            ("follow_up", "student_id IN (SELECT student_id FROM student)"),
            // Set by the stamp trigger for every row a counselor adds.
            ("audit", "\"user\" = session_user"),
        ]
        for (table, rule) in policies {
            sql += """
                ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS psyscreen_counselor ON \(table);
                CREATE POLICY psyscreen_counselor ON \(table) TO psyscreen_counselor USING (\(rule)) WITH CHECK (\(rule));

                """
        }
        return sql
    }
}
