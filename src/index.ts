/**
 * newsdedup's public API. Everything the CLI does is available here.
 * @packageDocumentation
 */
export type * from './types.js';
export type { DedupeOptions, ResolvedOptions } from './options.js';
export { DEFAULTS, resolveOptions } from './options.js';
export type { ErrorCode } from './errors.js';
export { NewsdedupError, isNewsdedupError } from './errors.js';
export type { CleanCorpusOptions, ProgressEvent, ReportCorpusOptions, RunOptions } from './pipeline.js';
export { cleanCorpus, dedupe, outputFiles, reportCorpus } from './pipeline.js';
export type { CorpusResult, LoadedCorpus, LoadOptions } from './corpus.js';
export { fileOfArticle, loadCorpus, placeOfArticle, readTexts } from './corpus.js';
export type { AddToIndexOptions, AddToIndexResult } from './index/add.js';
export { addToIndex } from './index/add.js';
export { INDEX_FORMAT, INDEX_VERSION } from './index/store.js';
export type { HtmlInput, PageLimits, PageModel } from './report/format-html.js';
export { DEFAULT_PAGE_LIMITS, formatHtml, pageArticles } from './report/format-html.js';
export type { FormatName } from './report/formats.js';
export { FORMATS, formatReport, isFormatName } from './report/formats.js';
export type { CliIo } from './main.js';
export { EXIT, main } from './main.js';
export type { CheckResult, Failure, Rule, Thresholds } from './check.js';
export { check, validateThresholds } from './check.js';
export type { CheckFormatInput, CheckFormatName, Place, PlaceOf } from './report/check-formats.js';
export { CHECK_FORMATS, isCheckFormatName } from './report/check-formats.js';
export { segment } from './stages/segment.js';
export { decode } from './stages/read.js';
export { BUILT_IN_CHROME } from './stages/detect-chrome.js';
export type { BlockAcrossSources, BySource, SourceFigures } from './report/group-by-source.js';
export { groupBySource } from './report/group-by-source.js';
