package preflight.http;

import preflight.batch.BatchInput;
import preflight.batch.Batches;
import preflight.db.Rescreens;
import preflight.report.RuleTranslations;

/** What the report, batch and re-screen routes need once storage is open. */
public record Reporting(Batches batches, Rescreens rescreens, BatchInput input, RuleTranslations translations) {
}
