/**
 * Closed set of error codes for usage, configuration and fatal errors.
 * Problems with single input files are not errors: they are {@link Problem} data.
 */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_BAD_OPTION'
  | 'E_NO_INPUT'
  | 'E_OUT_OVERLAPS_INPUT'
  | 'E_OUT_NOT_EMPTY'
  | 'E_CHROME_LIST'
  | 'E_BASELINE'
  | 'E_CONFIG'
  | 'E_WRITE'
  | 'E_INDEX';

/** The one error class newsdedup throws. Its message is one sentence meant for the user. */
export class NewsdedupError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NewsdedupError';
    this.code = code;
  }
}

/** True for a {@link NewsdedupError}; unlike `instanceof`, this also works across module copies. */
export function isNewsdedupError(error: unknown): error is NewsdedupError {
  return error instanceof Error && error.name === 'NewsdedupError' && typeof (error as { code?: unknown }).code === 'string';
}
