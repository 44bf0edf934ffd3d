import type { TranslationMessages } from "react-admin";

/** The same shape with every text a string: what a translation of a label tree must fill in. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

/** What a language adds to react-admin's own messages (ra-language-english, ra-language-french). */
export interface DirectoryLabels {
  /** The sign-in form's first field: curators sign in with their email. */
  username: string;
  /** Saved, saved (many), and deleted, which is archiving here (a soft delete). */
  notification: { created: string; updated: string; deleted: string };
  /** Resource names and field labels (`resources.programs.fields.title`). */
  resources: object;
  /** The directory's own labels (`directory.…`). */
  directory: object;
}

/** react-admin's messages in one language, with the directory's labels in the same language. */
export function directoryMessages(ra: TranslationMessages, labels: DirectoryLabels): TranslationMessages {
  return {
    ...ra,
    ra: {
      ...ra.ra,
      auth: { ...ra.ra.auth, username: labels.username },
      notification: { ...ra.ra.notification, ...labels.notification },
    },
    resources: labels.resources,
    directory: labels.directory,
  } as TranslationMessages;
}
