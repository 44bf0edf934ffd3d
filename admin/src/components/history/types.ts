/** react-admin's translate, as the history's pure functions use it. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** One item of a list change, by name: "USMLE Step 2 CK (required, minimum 220)", "TOEFL". */
export interface ItemChange {
  sign: "added" | "removed" | "changed";
  text: string;
}
