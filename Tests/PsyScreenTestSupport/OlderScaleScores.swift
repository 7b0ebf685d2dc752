import PsyScreen

/// Scale scores as a database made before migration v5 stored them (a `scale_score` row per scale), and what
/// either store must hold and read after the migration: the same for SQLite and PostgreSQL.
package enum OlderScaleScores {
    /// Rows of attempts 7 (phq9 at position 0, gad7 at 1) and 8 (phq9): stored out of order, an odd id, no score,
    /// no band, a fraction.
    package static let rows = """
        INSERT INTO scale_score VALUES (7, 'gad7', 'total', 0, 7, 'mild', 7, 7, 'complete');
        INSERT INTO scale_score VALUES (7, 'phq9', 'odd;id,%', 1, 2.5, NULL, 1, 2, 'prorated');
        INSERT INTO scale_score VALUES (7, 'phq9', 'total', 0, 25.875, 'severe', 8, 9, 'prorated');
        INSERT INTO scale_score VALUES (8, 'phq9', 'total', 0, NULL, NULL, 0, 9, 'unscored');
        """

    /// The scales texts by attempt and position (`instrument_result.scales` before v7, the scales field of
    /// `attempt.results` since).
    package static let texts = [
        "total,25.875,severe,8,9,prorated;odd%3Bid%2C%25,2.5,,1,2,prorated", "total,7,mild,7,7,complete", "total,,,0,9,unscored",
    ]

    /// The scales of each result of attempts 7 and 8, in position order.
    package static let scales: [Int64: [[ScaleScore]]] = [
        7: [
            [
                ScaleScore(scaleID: "total", score: 25.875, answered: 8, itemCount: 9, status: .prorated, bandID: "severe"),
                ScaleScore(scaleID: "odd;id,%", score: 2.5, answered: 1, itemCount: 2, status: .prorated, bandID: nil),
            ],
            [ScaleScore(scaleID: "total", score: 7, answered: 7, itemCount: 7, status: .complete, bandID: "mild")],
        ],
        8: [[ScaleScore(scaleID: "total", score: nil, answered: 0, itemCount: 9, status: .unscored, bandID: nil)]],
    ]
}
