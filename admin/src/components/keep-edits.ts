/**
 * How edit forms reset when their record reloads (after a conflict's Reload, a verify, a publish, a
 * revert): fields the curator edited keep their values, the rest (and `version`) take the server's.
 * keepIsSubmitSuccessful: a successful save reloads the record just before redirecting; without it,
 * the kept edits would look unsaved and the redirect would ask "leave without saving?".
 */
export const KEEP_EDITS = { keepDirtyValues: true, keepIsSubmitSuccessful: true } as const;
