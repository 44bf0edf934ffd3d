import { email, maxLength, maxValue, minLength, minValue, number, regex, required, type Validator } from "react-admin";
import { inputLimits, type FieldLimits } from "./gql/input-limits";

/**
 * Every field rule of the admin, shared by the create and edit forms. Lengths, patterns, ranges
 * and required fields are the server's own (admin/src/gql/input-limits.ts, generated from the
 * input classes by `npm run limits:emit`); only the messages and the rules between fields live here.
 */
type Inputs = typeof inputLimits;
type FieldValidators<I extends keyof Inputs> = Record<keyof Inputs[I] & string, Validator[]>;
type Values = Record<string, unknown> | undefined;

/** A field's i18n message when it does not match its pattern; the server's "not blank" rule has its own. */
const PATTERN_MESSAGES: Record<string, string> = {
  slug: "directory.validation.slug",
  code: "directory.validation.code",
  region: "directory.validation.region",
  feeCurrency: "directory.validation.currency",
};
const NOT_BLANK = "\\S";
/** httpUrl: the server checks a full URL with validator.js; the form catches what is plainly not one. */
const HTTP_URL = /^https?:\/\/[^\s]+$/;

const int = (v: unknown) => (v == null || v === "" || Number.isInteger(Number(v)) ? undefined : "ra.validation.number");
/** At most `places` decimals, as the server counts them (class-validator's maxDecimalPlaces). */
const decimals = (places: number) => (v: unknown) =>
  v == null || v === "" || (String(Number(v)).split(".")[1] ?? "").length <= places
    ? undefined
    : { message: "directory.validation.decimals", args: { places } };
const atMostItems = (max: number) => (v: unknown) =>
  Array.isArray(v) && v.length > max ? { message: "directory.validation.max_items", args: { max } } : undefined;

/** The validators of one field of one input, built from the server's limits. */
function limitsOf<I extends keyof Inputs>(input: I, field: keyof Inputs[I] & string): Validator[] {
  const limits: FieldLimits = inputLimits[input][field] as FieldLimits;
  const rules: Validator[] = [];
  if (limits.required || limits.requiredOnCreate) rules.push(required());
  if (limits.integer || limits.decimals !== undefined || limits.min !== undefined || limits.max !== undefined)
    rules.push(number());
  if (limits.integer) rules.push(int);
  if (limits.decimals !== undefined) rules.push(decimals(limits.decimals));
  if (limits.min !== undefined) rules.push(minValue(limits.min));
  if (limits.max !== undefined) rules.push(maxValue(limits.max));
  if (limits.minLength !== undefined) rules.push(minLength(limits.minLength));
  if (limits.maxLength !== undefined) rules.push(maxLength(limits.maxLength));
  if (limits.email) rules.push(email());
  if (limits.httpUrl) rules.push(regex(HTTP_URL, "directory.validation.url"));
  for (const pattern of limits.patterns ?? []) {
    const message = pattern === NOT_BLANK ? "directory.validation.blank" : PATTERN_MESSAGES[field];
    rules.push(regex(new RegExp(pattern), message ?? "ra.validation.regex"));
  }
  if (limits.maxItems !== undefined) rules.push(atMostItems(limits.maxItems));
  return rules;
}

/** The validators of every field the server limits in `input`. */
function fieldsOf<I extends keyof Inputs>(input: I): FieldValidators<I> {
  const fields = Object.keys(inputLimits[input]) as (keyof Inputs[I] & string)[];
  return Object.fromEntries(fields.map((field) => [field, limitsOf(input, field)])) as FieldValidators<I>;
}

// Rules between fields are the server's (program.rules.ts, requirement.rules.ts, pathway.rules.ts), whose
// errors the form shows on the field they name; these few are also checked here, before saving.
const imgWithinPositions = (value: unknown, all: Values) =>
  value != null && all?.positions != null && Number(value) > Number(all.positions)
    ? "directory.validation.positions"
    : undefined;
// Days ("YYYY-MM-DD") compare as text, in no time zone.
const closesAfterOpens = (value: unknown, all: Values) =>
  value && all?.applicationOpensOn && String(value) <= String(all.applicationOpensOn)
    ? "directory.validation.closes_after_opens"
    : undefined;
const scoreRange = (value: unknown, all: Values) =>
  value != null && all?.scoreMin != null && Number(value) < Number(all.scoreMin)
    ? "directory.validation.score_range"
    : undefined;

/** Fees are typed in units of the currency but held (and limited) in cents: messages speak in units. */
function inCents({ min, max }: FieldLimits): Validator[] {
  const units = (cents: number) => cents / 100;
  return [
    (v: unknown) =>
      v != null && min !== undefined && Number(v) < min
        ? { message: "ra.validation.minValue", args: { min: units(min) } }
        : undefined,
    (v: unknown) =>
      v != null && max !== undefined && Number(v) > max
        ? { message: "ra.validation.maxValue", args: { max: units(max) } }
        : undefined,
  ];
}

const program = fieldsOf("ProgramInput");
const requirement = fieldsOf("RequirementInput");
const curatorUpdate = fieldsOf("CuratorUpdateInput");
/** The password rule with its own message (it names the minimum) in place of the generic one. */
function passwordRules(limits: FieldLimits): Validator[] {
  const min = limits.minLength ?? 0;
  const tooShort = (v: unknown) =>
    v && String(v).length < min ? { message: "directory.validation.password", args: { min } } : undefined;
  return [
    ...(limits.required ? [required()] : []),
    tooShort,
    ...(limits.maxLength ? [maxLength(limits.maxLength)] : []),
  ];
}

export const validators = {
  /**
   * Choices the admin always asks for though the input may omit them: a program's status (the server
   * defaults it to DRAFT) and country (the server can take it from the institution), a curator's role
   * on edit. No update can clear them.
   */
  requiredChoice: [required()],
  program: {
    ...program,
    imgPositions: [...program.imgPositions, imgWithinPositions],
    applicationClosesOn: [closesAfterOpens],
    applicationFeeCents: inCents(inputLimits.ProgramInput.applicationFeeCents),
  },
  programRequirement: fieldsOf("ProgramRequirementInput"),
  institution: fieldsOf("InstitutionInput"),
  pathway: fieldsOf("PathwayInput"),
  pathwayRequirement: fieldsOf("PathwayRequirementInput"),
  requirement: { ...requirement, scoreMax: [...requirement.scoreMax, scoreRange] },
  specialty: fieldsOf("SpecialtyInput"),
  curator: { ...fieldsOf("CuratorInput"), password: passwordRules(inputLimits.CuratorInput.password) },
  curatorUpdate: {
    ...curatorUpdate,
    name: [required(), ...curatorUpdate.name],
    password: passwordRules(inputLimits.CuratorUpdateInput.password),
  },
  snapshot: fieldsOf("CreateSnapshotArgs"),
  webhook: { ...fieldsOf("WebhookEndpointInput"), eventTypes: [required()] },
} satisfies Record<string, Validator[] | Record<string, Validator[]>>;
