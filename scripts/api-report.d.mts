/** Types of scripts/api-report.mjs, for the unit test that calls it. */
export declare const ENTRIES: ReadonlyArray<{ subpath: string; declarations: string; report: string }>
export declare const REPORT_DIR: string
/** Each entry's report (file name → text); `patch` edits source files (path relative to the repository) in memory first. */
export declare function buildApiReports(options?: {
  patch?: Record<string, (text: string) => string>
}): Promise<Map<string, string>>
/** The committed reports (file name → text). */
export declare function readCommittedReports(): Map<string, string>
/** What differs, one readable item per added, removed or changed report; empty when equal. */
export declare function compareReports(before: Map<string, string>, after: Map<string, string>): string[]
/** The changed lines of two texts, marked `-` and `+`, with a line of context. */
export declare function lineDiff(before: string, after: string): string
