import { email, maxLength, maxValue, minLength, minValue, number, regex, required, type Validator } from "react-admin";

export const PASSWORD_MIN_LENGTH = 12;

/** Every field rule of the admin, declared once and shared by the create and edit forms. */
const int = (v: unknown) => (v == null || v === "" || Number.isInteger(Number(v)) ? undefined : "ra.validation.number");

export const validators = {
  title: [required(), maxLength(300)],
  name: [required(), maxLength(200)],
  slug: [required(), maxLength(200), regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "directory.validation.slug")],
  code: [required(), maxLength(100), regex(/^[A-Z][A-Z0-9_]*$/, "directory.validation.code")],
  requiredChoice: [required()],
  region: [regex(/^[A-Z]{2,3}$/, "directory.validation.region")],
  regionRequired: [required(), regex(/^[A-Z]{2,3}$/, "directory.validation.region")],
  city: [required(), maxLength(200)],
  // The server's rule for every URL field (IsHttpUrl in server/src/core/input-rules.ts: at most 500 characters).
  url: [maxLength(500), regex(/^https?:\/\/[^\s]+$/, "directory.validation.url")],
  text: [maxLength(10000)],
  note: [maxLength(2000)],
  months: [number(), int, minValue(1), maxValue(240)],
  count: [number(), int, minValue(0), maxValue(100000)],
  score: [number(), int, minValue(0), maxValue(1000)],
  fee: [number(), minValue(0), maxValue(100000)],
  imgPositions: [
    number(),
    int,
    minValue(0),
    (value: unknown, all: any) =>
      value != null && all?.positions != null && Number(value) > Number(all.positions)
        ? "directory.validation.positions"
        : undefined,
  ],
  closesAt: [
    (value: unknown, all: any) =>
      value && all?.applicationOpensAt && Date.parse(String(value)) <= Date.parse(String(all.applicationOpensAt))
        ? "directory.validation.closes_after_opens"
        : undefined,
  ],
  scoreMax: [
    number(),
    int,
    (value: unknown, all: any) =>
      value != null && all?.scoreMin != null && Number(value) < Number(all.scoreMin)
        ? "directory.validation.score_range"
        : undefined,
  ],
  email: [required(), email(), maxLength(254)],
  // The server's rule (server/src/modules/curator/password.ts: 12 to 1024 characters), checked before sending.
  newPassword: [required(), minLength(PASSWORD_MIN_LENGTH, "directory.validation.password"), maxLength(1024)],
  changePassword: [
    (v: unknown) => (v && String(v).length < PASSWORD_MIN_LENGTH ? "directory.validation.password" : undefined),
    maxLength(1024),
  ],
  snapshotLabel: [required(), maxLength(200)],
} satisfies Record<string, Validator[]>;
