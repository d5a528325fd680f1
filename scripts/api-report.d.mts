/** Types of scripts/api-report.mjs, for the unit test that calls it. */
export declare const ENTRIES: ReadonlyArray<{ name: string; source: string }>
export declare const REPORT_PATH: string
/** The report's text; `patch` edits source files (path relative to the repository) in memory first. */
export declare function buildApiReport(options?: { patch?: Record<string, (text: string) => string> }): Promise<string>
/** What differs, one readable item per added, removed or changed declaration; empty when equal. */
export declare function compareReports(committed: string, fresh: string): string[]
/** The committed report against the sources: the changes, empty when up to date. */
export declare function checkApiReport(): Promise<string[]>
